// The log search engine: compiled queries, an incremental scan over the line store (so a search
// over a million lines can run in slices and keep up with new lines), match navigation, and the
// filter mode's projection (matching lines with N lines of context).
import type { LogLineStore } from './lineStore';

export interface SearchOptions {
  text: string;
  regex: boolean;
  caseSensitive: boolean;
}

export type CompiledQuery = { ok: true; test: RegExp; all: RegExp } | { ok: false; error: string };

const SPECIAL = /[.*+?^${}()|[\]\\]/g;
/** More occurrences than this in one line are counted as this many. */
const MAX_COUNT_PER_LINE = 10_000;

/** Null for an empty query; an error for a regular expression that does not compile. */
export function compileQuery({ text, regex, caseSensitive }: SearchOptions): CompiledQuery | null {
  if (!text) return null;
  const source = regex ? text : text.replace(SPECIAL, '\\$&');
  const flags = caseSensitive ? '' : 'i';
  try {
    return { ok: true, test: new RegExp(source, flags), all: new RegExp(source, `${flags}g`) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** Where `all` (a global regex) matches in `text`: [start, end) pairs; empty matches are skipped. */
export function matchRanges(text: string, all: RegExp, limit = 2_000): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  all.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (ranges.length < limit && (match = all.exec(text)) !== null) {
    if (match[0].length === 0) {
      all.lastIndex += 1;
      if (all.lastIndex > text.length) break;
      continue;
    }
    ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}

export function countMatches(text: string, all: RegExp): number {
  let count = 0;
  all.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (count < MAX_COUNT_PER_LINE && (match = all.exec(text)) !== null) {
    if (match[0].length === 0) {
      all.lastIndex += 1;
      if (all.lastIndex > text.length) break;
      continue;
    }
    count += 1;
  }
  // A line that matches only by empty matches (`^`, `x*`) still counts once.
  return Math.max(1, count);
}

/** One match: a line and which occurrence in it. */
export interface MatchPosition {
  seq: number;
  occurrence: number;
}

/** The result of one query over one store, grown by `scan` as lines are searched or arrive. */
export class LogSearch {
  private seqs: number[] = [];
  private counts: number[] = [];
  private start = 0;
  private occurrences = 0;
  private scannedTo: number;

  constructor(
    readonly query: Extract<CompiledQuery, { ok: true }>,
    fromSeq: number,
  ) {
    this.scannedTo = fromSeq;
  }

  /** Matching lines still in the store. */
  get lineCount(): number {
    return this.seqs.length - this.start;
  }

  /** Occurrences in the lines still in the store. */
  get matchCount(): number {
    return this.occurrences;
  }

  /** Lines up to here (exclusive) have been searched. */
  get scanned(): number {
    return this.scannedTo;
  }

  /** Searches up to `budget` more lines; true while lines are left to search. */
  scan(store: LogLineStore, budget: number): boolean {
    this.prune(store.firstSeq);
    if (this.scannedTo < store.firstSeq) this.scannedTo = store.firstSeq;
    const end = Math.min(store.endSeq, this.scannedTo + budget);
    const { test, all } = this.query;
    store.findLines(this.scannedTo, end, test, (seq, text) => {
      const count = countMatches(text, all);
      this.seqs.push(seq);
      this.counts.push(count);
      this.occurrences += count;
    });
    this.scannedTo = end;
    return end < store.endSeq;
  }

  /**
   * Takes the result of searching lines `fromSeq` .. `toSeq - 1` elsewhere (the regex worker):
   * `matches` is [seq, count, seq, count, …]. Lines that left the store meanwhile are dropped.
   */
  record(store: LogLineStore, fromSeq: number, toSeq: number, matches: readonly number[]): void {
    if (fromSeq !== this.scannedTo) return; // a stale answer, for lines already searched
    this.prune(store.firstSeq);
    for (let i = 0; i + 1 < matches.length; i += 2) {
      const seq = matches[i]!;
      const count = matches[i + 1]!;
      if (seq < store.firstSeq) continue;
      this.seqs.push(seq);
      this.counts.push(count);
      this.occurrences += count;
    }
    this.scannedTo = Math.max(toSeq, store.firstSeq);
  }

  /** Forgets matches in lines that left the store. */
  prune(firstSeq: number): void {
    while (this.start < this.seqs.length && this.seqs[this.start]! < firstSeq) {
      this.occurrences -= this.counts[this.start]!;
      this.start += 1;
    }
    if (this.start > 4096 && this.start * 2 > this.seqs.length) {
      this.seqs = this.seqs.slice(this.start);
      this.counts = this.counts.slice(this.start);
      this.start = 0;
    }
  }

  /** Matching line sequence numbers, oldest first. */
  lineSeqs(): readonly number[] {
    return this.start === 0 ? this.seqs : this.seqs.slice(this.start);
  }

  /** Index in `seqs` of the first matching line at or after `seq`. */
  private lowerBound(seq: number): number {
    let lo = this.start;
    let hi = this.seqs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.seqs[mid]! < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  isMatchLine(seq: number): boolean {
    const index = this.lowerBound(seq);
    return this.seqs[index] === seq;
  }

  /** The first match at or after `seq` (wrapping to the first match), or null when there is none. */
  firstFrom(seq: number): MatchPosition | null {
    if (this.lineCount === 0) return null;
    const index = this.lowerBound(seq);
    const found = index < this.seqs.length ? index : this.start;
    return { seq: this.seqs[found]!, occurrence: 0 };
  }

  /** The next (+1) or previous (-1) match from `current`, wrapping around. */
  step(current: MatchPosition | null, direction: 1 | -1): MatchPosition | null {
    if (this.lineCount === 0) return null;
    if (!current) return direction === 1 ? this.firstFrom(0) : this.last();
    const index = this.lowerBound(current.seq);
    const onLine = this.seqs[index] === current.seq;
    if (onLine) {
      const count = this.counts[index]!;
      const occurrence = current.occurrence + direction;
      if (occurrence >= 0 && occurrence < count) return { seq: current.seq, occurrence };
    }
    if (direction === 1) {
      const next = onLine ? index + 1 : index;
      return next < this.seqs.length ? { seq: this.seqs[next]!, occurrence: 0 } : { seq: this.seqs[this.start]!, occurrence: 0 };
    }
    const previous = index - 1;
    if (previous < this.start) return this.last();
    return { seq: this.seqs[previous]!, occurrence: this.counts[previous]! - 1 };
  }

  private last(): MatchPosition {
    const index = this.seqs.length - 1;
    return { seq: this.seqs[index]!, occurrence: this.counts[index]! - 1 };
  }

  /** 1-based number of `position` among all matches ("3 of 120"), or 0 if it is not a match. */
  ordinal(position: MatchPosition | null): number {
    if (!position) return 0;
    const index = this.lowerBound(position.seq);
    if (this.seqs[index] !== position.seq) return 0;
    let before = 0;
    for (let i = this.start; i < index; i++) before += this.counts[i]!;
    return before + position.occurrence + 1;
  }
}

/** A separator row in the filter view: lines are hidden here. */
export const GAP = -1;

/**
 * The filter view's rows: every matching line with `context` lines before and after, in order,
 * overlapping ranges merged, a GAP row where lines are left out.
 */
export function filterRows(matchSeqs: readonly number[], context: number, firstSeq: number, endSeq: number): number[] {
  const rows: number[] = [];
  let lastShown = firstSeq - 1;
  for (const seq of matchSeqs) {
    if (seq < firstSeq || seq >= endSeq) continue;
    const from = Math.max(firstSeq, seq - context);
    const to = Math.min(endSeq - 1, seq + context);
    if (to <= lastShown) continue;
    if (from > lastShown + 1 && rows.length > 0) rows.push(GAP);
    for (let row = Math.max(from, lastShown + 1); row <= to; row++) rows.push(row);
    lastShown = to;
  }
  return rows;
}
