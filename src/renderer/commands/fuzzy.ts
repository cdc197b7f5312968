/**
 * A small fuzzy matcher for the command palette: every query character must appear in order.
 * Higher scores for matches at word starts and in runs; null when it does not match.
 */
export function fuzzyScore(query: string, text: string): number | null {
  const q = query.trim().toLowerCase();
  if (!q) return 0;
  const t = text.toLowerCase();
  let score = 0;
  let position = 0;
  let previous = -2;
  for (const char of q) {
    if (char === ' ') continue;
    const found = t.indexOf(char, position);
    if (found === -1) return null;
    const atWordStart = found === 0 || /[\s:./_-]/.test(t[found - 1] ?? '');
    score += 1;
    if (atWordStart) score += 6;
    if (found === previous + 1) score += 4;
    score -= Math.min(found - position, 8) * 0.2;
    previous = found;
    position = found + 1;
  }
  if (t.startsWith(q)) score += 10;
  else if (t.includes(q)) score += 5;
  return score;
}

interface Scored<T> {
  item: T;
  score: number;
}

const TITLE_BONUS = 20;

/** Items matching `query` on any of their texts, best first; the original order breaks ties. */
export function fuzzyFilter<T>(items: readonly T[], query: string, textsOf: (item: T) => readonly string[]): T[] {
  if (!query.trim()) return [...items];
  const scored: Array<Scored<T> & { index: number }> = [];
  items.forEach((item, index) => {
    let best: number | null = null;
    textsOf(item).forEach((text, rank) => {
      const score = fuzzyScore(query, text);
      // A match in the title (the first text) beats any match found only in the other texts.
      if (score !== null) best = Math.max(best ?? -Infinity, rank === 0 ? score + TITLE_BONUS : score);
    });
    if (best !== null) scored.push({ item, score: best, index });
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.map((entry) => entry.item);
}
