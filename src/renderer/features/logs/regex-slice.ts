import { countMatches } from './search';

/** One slice of lines for the regex worker, and its answer. */
export interface RegexSliceRequest {
  id: number;
  source: string;
  flags: string;
  firstSeq: number;
  /**
   * The slice's lines joined by "\n" (a line never holds one): one string crosses to the worker
   * many times faster than thousands of small ones.
   */
  joined: string;
}

export interface RegexSliceResult {
  id: number;
  /** [seq, occurrences, seq, occurrences, …] of the matching lines. */
  matches: number[];
}

/** Searches one slice: what the worker runs, so a pattern that backtracks forever stalls only it. */
export function searchSlice({ id, source, flags, firstSeq, joined }: RegexSliceRequest): RegexSliceResult {
  const texts = joined.split('\n');
  const test = new RegExp(source, flags);
  const all = new RegExp(source, `${flags}g`);
  const matches: number[] = [];
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    if (test.test(text)) matches.push(firstSeq + i, countMatches(text, all));
  }
  return { id, matches };
}
