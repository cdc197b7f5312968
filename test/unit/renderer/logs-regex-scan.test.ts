import { afterEach, describe, expect, it, vi } from 'vitest';
import { LogLineStore } from '../../../src/renderer/features/logs/lineStore';
import { RegexWorkerScan, type RegexScanEvents, type RegexWorker } from '../../../src/renderer/features/logs/regex-scan';
import { searchSlice, type RegexSliceRequest, type RegexSliceResult } from '../../../src/renderer/features/logs/regex-slice';
import { compileQuery, LogSearch } from '../../../src/renderer/features/logs/search';

afterEach(() => {
  vi.useRealTimers();
});

function storeOf(texts: string[], maxLines?: number): LogLineStore {
  const store = new LogLineStore(maxLines ? { maxLines } : {});
  store.append(texts.map((text) => ({ stream: 'stdout' as const, text })));
  return store;
}

function searchFor(store: LogLineStore, text: string): LogSearch {
  const query = compileQuery({ text, regex: true, caseSensitive: false });
  if (!query?.ok) throw new Error('query did not compile');
  return new LogSearch(query, store.firstSeq);
}

/** A worker stand-in: answers with the real slice search when told to, or never. */
class FakeWorker implements RegexWorker {
  onmessage: ((event: MessageEvent<RegexSliceResult>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  requests: RegexSliceRequest[] = [];
  terminated = false;
  postMessage(message: RegexSliceRequest): void {
    this.requests.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(): void {
    const request = this.requests.shift()!;
    this.onmessage?.({ data: searchSlice(request) } as MessageEvent<RegexSliceResult>);
  }
}

function recorder() {
  const seen = { progress: 0, scanning: [] as boolean[], tooSlow: [] as Array<[number, number]>, unavailable: 0 };
  const events: RegexScanEvents = {
    progress: () => (seen.progress += 1),
    scanning: (busy) => seen.scanning.push(busy),
    tooSlow: (from, to) => seen.tooSlow.push([from, to]),
    unavailable: () => (seen.unavailable += 1),
  };
  return { seen, events };
}

describe('searchSlice (what the worker runs)', () => {
  it('answers matching lines with their occurrence counts', () => {
    expect(searchSlice({ id: 7, source: 'o+', flags: 'i', firstSeq: 100, joined: 'foo boo\nbar\nOK' })).toEqual({ id: 7, matches: [100, 2, 102, 1] });
  });
});

describe('RegexWorkerScan', () => {
  it('searches in the worker slice by slice, and again when lines arrive', () => {
    const store = storeOf(['error one', 'fine', 'ERROR two']);
    const search = searchFor(store, 'err(or)?');
    const worker = new FakeWorker();
    const { seen, events } = recorder();
    const scan = new RegexWorkerScan(search, store, events, () => worker);
    scan.kick();
    expect(worker.requests[0]).toMatchObject({ source: 'err(or)?', flags: 'i', firstSeq: 0, joined: 'error one\nfine\nERROR two' });
    worker.answer();
    expect(search.lineSeqs()).toEqual([0, 2]);
    expect(search.matchCount).toBe(2);
    expect(seen.scanning).toEqual([true, false]);
    store.append([{ stream: 'stdout', text: 'another error' }]);
    scan.kick();
    expect(worker.requests[0]).toMatchObject({ firstSeq: 3, joined: 'another error' });
    worker.answer();
    expect(search.lineSeqs()).toEqual([0, 2, 3]);
    scan.dispose();
    expect(worker.terminated).toBe(true);
  });

  it('stops the worker and says where when a slice passes the deadline', () => {
    vi.useFakeTimers();
    const store = storeOf(['a'.repeat(40) + '!']);
    const search = searchFor(store, '(a+)+$');
    const worker = new FakeWorker();
    const { seen, events } = recorder();
    const scan = new RegexWorkerScan(search, store, events, () => worker, 5_000);
    scan.kick();
    vi.advanceTimersByTime(4_999);
    expect(seen.tooSlow).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen.tooSlow).toEqual([[0, 1]]);
    expect(worker.terminated).toBe(true);
    expect(seen.scanning).toEqual([true, false]);
    scan.kick(); // stopped for good: nothing more is sent
    expect(worker.requests).toHaveLength(1);
  });

  it('says "unavailable" when no worker can start, or when it fails', () => {
    const store = storeOf(['x']);
    const first = recorder();
    new RegexWorkerScan(searchFor(store, 'x'), store, first.events, () => {
      throw new Error('workers are not allowed here');
    }).kick();
    expect(first.seen.unavailable).toBe(1);
    const second = recorder();
    const worker = new FakeWorker();
    new RegexWorkerScan(searchFor(store, 'x'), store, second.events, () => worker).kick();
    worker.onerror?.({} as ErrorEvent);
    expect(second.seen.unavailable).toBe(1);
    expect(worker.terminated).toBe(true);
  });

  it('ignores an answer for lines that left the store, and a stale answer', () => {
    const store = storeOf(['m1', 'm2', 'm3'], 3);
    const search = searchFor(store, 'm');
    const worker = new FakeWorker();
    const scan = new RegexWorkerScan(search, store, recorder().events, () => worker);
    scan.kick();
    store.append([
      { stream: 'stdout', text: 'm4' },
      { stream: 'stdout', text: 'm5' },
    ]); // m1, m2 leave
    worker.answer();
    expect(search.lineSeqs()).toEqual([2]);
    search.record(store, 0, 3, [0, 1]); // the same slice again: already searched
    expect(search.lineSeqs()).toEqual([2]);
    scan.kick();
    worker.answer();
    expect(search.lineSeqs()).toEqual([2, 3, 4]);
  });
});
