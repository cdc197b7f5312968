import { describe, expect, it } from 'vitest';
import { LogLineStore } from '../../../src/renderer/features/logs/lineStore';
import { compileQuery, filterRows, GAP, LogSearch, matchRanges } from '../../../src/renderer/features/logs/search';
import type { LogLine } from '../../../src/shared/types/logs';

const line = (text: string, stream: 'stdout' | 'stderr' = 'stdout'): LogLine => ({ stream, text });

function storeOf(texts: string[], limits?: { maxLines?: number; maxChars?: number }): LogLineStore {
  const store = new LogLineStore(limits);
  store.append(texts.map((text) => line(text)));
  return store;
}

function searchAll(store: LogLineStore, text: string, options: { regex?: boolean; caseSensitive?: boolean; slice?: number } = {}): LogSearch {
  const query = compileQuery({ text, regex: options.regex ?? false, caseSensitive: options.caseSensitive ?? false });
  if (!query?.ok) throw new Error('query did not compile');
  const search = new LogSearch(query, store.firstSeq);
  while (search.scan(store, options.slice ?? 3));
  return search;
}

describe('line store', () => {
  it('drops the oldest lines beyond its line cap, keeping sequence numbers', () => {
    const store = storeOf(['a', 'b', 'c', 'd', 'e'], { maxLines: 3 });
    expect(store.size).toBe(3);
    expect(store.dropped).toBe(2);
    expect([store.firstSeq, store.endSeq]).toEqual([2, 5]);
    expect([2, 3, 4].map((seq) => store.plain(seq))).toEqual(['c', 'd', 'e']);
    store.append([line('f'), line('g', 'stderr')]);
    expect([4, 5, 6].map((seq) => store.plain(seq))).toEqual(['e', 'f', 'g']);
    expect(store.isStderr(6)).toBe(true);
    expect(store.has(3)).toBe(false);
  });

  it('starts a new view on clear: nothing counted as removed for memory, line numbers from 1', () => {
    const store = storeOf(['a', 'b', 'c', 'd', 'e'], { maxLines: 3 });
    store.clear();
    expect(store.dropped).toBe(0);
    store.append([line('x'), line('y')]);
    expect(store.dropped).toBe(0);
    expect([store.lineNumber(store.firstSeq), store.lineNumber(store.endSeq - 1)]).toEqual([1, 2]);
    expect(store.has(4)).toBe(false);
    store.append([line('z'), line('w')]);
    expect(store.dropped).toBe(1);
    expect(store.lineNumber(store.firstSeq)).toBe(2);
  });

  it('drops the oldest lines beyond its character budget', () => {
    const store = storeOf(['12345', '12345', '12345'], { maxChars: 12 });
    expect(store.size).toBe(2);
    expect(store.totalChars).toBe(10);
  });

  it('keeps plain text for search and raw text for styling', () => {
    const store = new LogLineStore();
    store.append([{ stream: 'stdout', text: '\x1b[31mred\x1b[0m', timestamp: '2024-05-01T12:00:00.000000001Z', partial: true }]);
    expect(store.plain(0)).toBe('red');
    expect(store.raw(0)).toBe('\x1b[31mred\x1b[0m');
    expect(store.isPartial(0)).toBe(true);
    expect(store.lastTimestamp()).toBe('2024-05-01T12:00:00.000000001Z');
  });

  it('notices binary content', () => {
    expect(storeOf(['fine']).hasBinary).toBe(false);
    expect(storeOf(['bad \uFFFD byte']).hasBinary).toBe(true);
    expect(storeOf(['nul \x00 here']).hasBinary).toBe(true);
  });

  it('counts columns for wrapping: tabs, wide characters', () => {
    const store = storeOf(['abc', 'a\tb', '한글', 'x😀']);
    expect([0, 1, 2, 3].map((seq) => store.width(seq))).toEqual([3, 9, 4, 3]);
  });

  it('clear empties the view but keeps numbering', () => {
    const store = storeOf(['a', 'b']);
    store.clear();
    expect(store.size).toBe(0);
    store.append([line('c')]);
    expect(store.firstSeq).toBe(2);
    expect(store.plain(2)).toBe('c');
  });
});

describe('search', () => {
  const texts = ['GET /a 200', 'GET /b 500 error', 'POST /c 200', 'Error: boom; error again', 'done'];

  it('finds every line and counts every occurrence, case-insensitively by default', () => {
    const search = searchAll(storeOf(texts), 'error');
    expect(search.lineSeqs()).toEqual([1, 3]);
    expect(search.matchCount).toBe(3);
  });

  it('honours match case and regular expressions', () => {
    expect(searchAll(storeOf(texts), 'Error', { caseSensitive: true }).lineSeqs()).toEqual([3]);
    expect(searchAll(storeOf(texts), '^(GET|POST) /[ac]', { regex: true }).lineSeqs()).toEqual([0, 2]);
    expect(searchAll(storeOf(texts), '.', { regex: false }).lineSeqs()).toEqual([]);
  });

  it('reports a regular expression that does not compile', () => {
    const query = compileQuery({ text: '(unclosed', regex: true, caseSensitive: false });
    expect(query?.ok).toBe(false);
    expect(query && !query.ok && query.error).toMatch(/unterminated group|missing \)/i);
    expect(compileQuery({ text: '(unclosed', regex: false, caseSensitive: false })?.ok).toBe(true);
    expect(compileQuery({ text: '', regex: true, caseSensitive: false })).toBeNull();
  });

  it('moves next and previous through occurrences, wrapping around', () => {
    const search = searchAll(storeOf(texts), 'error');
    const first = search.step(null, 1);
    expect(first).toEqual({ seq: 1, occurrence: 0 });
    const second = search.step(first, 1);
    expect(second).toEqual({ seq: 3, occurrence: 0 });
    const third = search.step(second, 1);
    expect(third).toEqual({ seq: 3, occurrence: 1 });
    expect(search.step(third, 1)).toEqual(first);
    expect(search.step(first, -1)).toEqual(third);
    expect(search.ordinal(third)).toBe(3);
    expect(search.step(null, -1)).toEqual(third);
  });

  it('keeps up with new lines and forgets lines that left the buffer', () => {
    const store = storeOf(['x1', 'y', 'x2'], { maxLines: 3 });
    const search = searchAll(store, 'x');
    expect(search.lineSeqs()).toEqual([0, 2]);
    store.append([line('x3'), line('z')]);
    while (search.scan(store, 10));
    expect(search.lineSeqs()).toEqual([2, 3]);
    expect(search.matchCount).toBe(2);
  });

  it('handles empty matches without looping', () => {
    const search = searchAll(storeOf(['abc', '']), 'x*', { regex: true });
    expect(search.lineSeqs()).toEqual([0, 1]);
    expect(matchRanges('abc', /x*/g)).toEqual([]);
    expect(matchRanges('aXbX', /x/gi)).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('searches a million lines', () => {
    const store = new LogLineStore();
    const batch: LogLine[] = [];
    for (let i = 0; i < 1_000_000; i++) batch.push(line(`2024-05-01 INFO worker-${i % 37} request ${i} done`));
    store.append(batch);
    const search = searchAll(store, 'REQUEST 999999 done', { slice: 100_000 });
    expect(search.lineSeqs()).toEqual([999_999]);
    expect(searchAll(store, 'worker-36 ', { slice: 100_000 }).lineCount).toBe(27_027);
  }, 120_000);
});

describe('filter rows', () => {
  it('shows matching lines with context, merging overlaps and marking gaps', () => {
    expect(filterRows([2, 4, 10], 1, 0, 12)).toEqual([1, 2, 3, 4, 5, GAP, 9, 10, 11]);
    expect(filterRows([0, 11], 2, 0, 12)).toEqual([0, 1, 2, GAP, 9, 10, 11]);
    expect(filterRows([5], 0, 0, 12)).toEqual([5]);
    expect(filterRows([1, 5], 3, 3, 12)).toEqual([3, 4, 5, 6, 7, 8]);
  });
});
