/**
 * Docker's rule for container names, checked as the user types: `[a-zA-Z0-9][a-zA-Z0-9_.-]+`
 * (the engine's own pattern, so two characters at least), a leading `/` dropped as the engine drops it.
 */
export type NameProblem = { kind: 'empty' } | { kind: 'start'; char: string } | { kind: 'char'; char: string } | { kind: 'short' } | { kind: 'same' };

const FIRST = /^[a-zA-Z0-9]$/;
const REST = /^[a-zA-Z0-9_.-]$/;

/** The name as it will be sent: trimmed, one leading slash removed. */
export function normalizeName(text: string): string {
  return text.trim().replace(/^\//, '');
}

/** What is wrong with `text` as the new name of a container now called `current`; undefined when it may be sent. */
export function nameProblem(text: string, current: string): NameProblem | undefined {
  const name = normalizeName(text);
  if (name === '') return { kind: 'empty' };
  const [first = ''] = Array.from(name);
  if (!FIRST.test(first)) return { kind: 'start', char: first };
  const bad = Array.from(name).find((char) => !REST.test(char));
  if (bad !== undefined) return { kind: 'char', char: bad };
  if (name.length < 2) return { kind: 'short' };
  if (name === current) return { kind: 'same' };
  return undefined;
}
