// The renderer's stats store: which streams it opens and closes, what it keeps, and when.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BerthError } from '../../../src/shared/errors';
import type { StatsSample } from '../../../src/shared/types/stats';
import type { BerthClient, StreamHandlers } from '../../../src/renderer/api/client';
import type { PageVisibility } from '../../../src/renderer/features/stats/page-visibility';
import { HISTORY_CAPACITY, StatsStore } from '../../../src/renderer/features/stats/stats-store';
import { RingBuffer } from '../../../src/renderer/features/stats/ring-buffer';
import { GAP_MS, toChartPoints } from '../../../src/renderer/features/stats/chart-data';
import { niceTicks } from '../../../src/renderer/features/stats/axis';

interface OpenStream {
  id: string;
  handlers: StreamHandlers<StatsSample>;
  closed: boolean;
}

/** A client whose stats.watch streams the test drives by hand. */
function fakeClient() {
  const streams: OpenStream[] = [];
  const client = {
    transport: 'web',
    invoke: () => Promise.reject(new Error('not used')),
    subscribe: (topic: string, input: { id: string }, handlers: StreamHandlers<StatsSample>) => {
      expect(topic).toBe('stats.watch');
      const stream: OpenStream = { id: input.id, handlers, closed: false };
      streams.push(stream);
      return () => {
        stream.closed = true;
      };
    },
  } as unknown as BerthClient;
  const open = () => streams.filter((s) => !s.closed);
  return { client, streams, open };
}

function fakeVisibility() {
  let hidden = false;
  const listeners = new Set<() => void>();
  const visibility: PageVisibility = {
    hidden: () => hidden,
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const set = (value: boolean) => {
    hidden = value;
    for (const listener of listeners) listener();
  };
  return { visibility, set };
}

const sample = (id: string, time: number, cpu = 1): StatsSample => ({
  id,
  name: id,
  time,
  cpuPercent: cpu,
  onlineCpus: 2,
  memoryUsedBytes: 1024,
  memoryLimitBytes: 4096,
  memoryPercent: 25,
  networkRxBytes: 0,
  networkTxBytes: 0,
  networkRxRate: 0,
  networkTxRate: 0,
  blockReadBytes: 0,
  blockWriteBytes: 0,
  blockReadRate: 0,
  blockWriteRate: 0,
  pids: 1,
});

let fake: ReturnType<typeof fakeClient>;
let page: ReturnType<typeof fakeVisibility>;
let store: StatsStore;

beforeEach(() => {
  vi.useFakeTimers();
  fake = fakeClient();
  page = fakeVisibility();
  store = new StatsStore(fake.client, page.visibility);
});
afterEach(() => {
  store.dispose();
  vi.useRealTimers();
});

describe('StatsStore streams', () => {
  it('opens one stream per watched running container, however many views watch it', () => {
    const releaseA = store.retain('a');
    const releaseB = store.retain('a');
    expect(fake.open()).toHaveLength(0); // not known to run yet
    store.setRunning('a', true);
    store.setRunning('a', true);
    expect(fake.open().map((s) => s.id)).toEqual(['a']);
    releaseA();
    vi.advanceTimersByTime(1000);
    expect(fake.open()).toHaveLength(1);
    releaseB();
    vi.advanceTimersByTime(1000);
    expect(fake.open()).toHaveLength(0);
    expect(store.openStreams()).toBe(0);
  });

  it('opens nothing for a stopped container', () => {
    store.retain('a');
    store.setRunning('a', false);
    expect(fake.streams).toHaveLength(0);
  });

  it('keeps the stream when one view unmounts and another mounts at once', () => {
    const release = store.retain('a');
    store.setRunning('a', true);
    release();
    store.retain('a');
    vi.advanceTimersByTime(1000);
    expect(fake.streams).toHaveLength(1);
    expect(fake.open()).toHaveLength(1);
  });

  it('closes every stream while the page is hidden and reopens them when it is shown', () => {
    store.retain('a');
    store.retain('b');
    store.setRunning('a', true);
    store.setRunning('b', true);
    expect(fake.open()).toHaveLength(2);
    page.set(true);
    expect(fake.open()).toHaveLength(0);
    expect(store.get('a').status).toBe('paused');
    page.set(false);
    expect(
      fake
        .open()
        .map((s) => s.id)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(store.get('a').status).toBe('connecting');
  });

  it('keeps the history after the last view is gone, and adds to it when watched again', () => {
    const release = store.retain('a');
    store.setRunning('a', true);
    const first = fake.open()[0]!;
    first.handlers.onMessage(sample('a', 1000));
    first.handlers.onMessage(sample('a', 2000));
    first.handlers.onMessage(sample('a', 2000)); // a repeat is not stored twice
    expect(store.get('a')).toMatchObject({ status: 'live', latest: { time: 2000 } });
    release();
    vi.advanceTimersByTime(1000);
    expect(first.closed).toBe(true);
    expect(store.get('a').history.size).toBe(2);
    store.retain('a');
    store.setRunning('a', true);
    fake.open()[0]!.handlers.onMessage(sample('a', 9000));
    expect(
      store
        .get('a')
        .history.toArray()
        .map((s) => s.time),
    ).toEqual([1000, 2000, 9000]);
  });

  it('shows "stopped" when the stream ends, and watches again once the list says it runs', () => {
    store.retain('a');
    store.setRunning('a', true);
    fake.open()[0]!.handlers.onEnd?.();
    expect(store.get('a').status).toBe('stopped');
    expect(store.openStreams()).toBe(0);
    store.setRunning('a', true); // restarted
    expect(fake.open()).toHaveLength(1);
  });

  it('a removed container is not watched again; an engine outage is retried', () => {
    store.retain('gone');
    store.setRunning('gone', true);
    fake.open()[0]!.handlers.onError?.(new BerthError('NOT_FOUND', 'Container gone no longer exists.'));
    expect(store.get('gone')).toMatchObject({ status: 'error', error: { code: 'NOT_FOUND' } });
    store.setRunning('gone', true);
    vi.advanceTimersByTime(60_000);
    expect(fake.streams.filter((s) => s.id === 'gone')).toHaveLength(1);

    store.retain('b');
    store.setRunning('b', true);
    fake.open()[0]!.handlers.onError?.(new BerthError('ENGINE_UNAVAILABLE', 'The Docker engine is not reachable.'));
    expect(store.openStreams()).toBe(0);
    vi.advanceTimersByTime(2_000);
    expect(fake.open().map((s) => s.id)).toEqual(['b']);
  });

  it('notifies only the listeners of the container that changed', () => {
    const a = vi.fn();
    const b = vi.fn();
    store.subscribe('a', a);
    store.subscribe('b', b);
    store.retain('a');
    store.setRunning('a', true);
    fake.open()[0]!.handlers.onMessage(sample('a', 1000));
    expect(a).toHaveBeenCalled();
    expect(b).not.toHaveBeenCalled();
  });

  it('keeps 15 minutes of readings at one a second', () => {
    expect(HISTORY_CAPACITY).toBe(900);
    store.retain('a');
    store.setRunning('a', true);
    const stream = fake.open()[0]!;
    for (let i = 1; i <= 1000; i += 1) stream.handlers.onMessage(sample('a', i * 1000));
    const kept = store.get('a').history.toArray();
    expect(kept).toHaveLength(900);
    expect(kept[0]?.time).toBe(101_000);
    expect(kept.at(-1)?.time).toBe(1_000_000);
  });
  it('keeps as many seconds as the history setting says, cutting what it kept when it shrinks', () => {
    store.retain('a');
    store.setRunning('a', true);
    const stream = fake.open()[0]!;
    store.setHistorySeconds(120);
    for (let i = 1; i <= 300; i += 1) stream.handlers.onMessage(sample('a', i * 1000));
    expect(store.get('a').history.toArray()).toHaveLength(120);
    const before = store.get('a').version;
    store.setHistorySeconds(60);
    const kept = store.get('a').history.toArray();
    expect(kept.map((reading) => reading.time)).toEqual(Array.from({ length: 60 }, (_, i) => (241 + i) * 1000));
    expect(store.get('a').version).toBeGreaterThan(before);
    store.setHistorySeconds(3600);
    for (let i = 301; i <= 400; i += 1) stream.handlers.onMessage(sample('a', i * 1000));
    expect(store.get('a').history.toArray()).toHaveLength(160);
  });
});

describe('RingBuffer', () => {
  it('keeps the newest items in order', () => {
    const ring = new RingBuffer<number>(3);
    expect(ring.toArray()).toEqual([]);
    expect(ring.last()).toBeUndefined();
    for (const n of [1, 2, 3, 4, 5]) ring.push(n);
    expect(ring.toArray()).toEqual([3, 4, 5]);
    expect(ring.size).toBe(3);
    expect(ring.last()).toBe(5);
    expect(ring.since((n) => n >= 4)).toEqual([4, 5]);
    expect(() => new RingBuffer(0)).toThrow(RangeError);
  });
});

describe('toChartPoints', () => {
  it('keeps the window and breaks the line where readings stopped', () => {
    const ring = new RingBuffer<StatsSample>(10);
    for (const time of [1000, 2000, 3000, 3000 + GAP_MS + 1000, 3000 + GAP_MS + 2000]) ring.push(sample('a', time, time / 1000));
    const now = 3000 + GAP_MS + 2000;
    const points = toChartPoints(ring, now - 1500, now, { cpu: (s) => s.cpuPercent });
    expect(points.map((p) => p.time)).toEqual([2000, 3000, 3001, 3000 + GAP_MS + 1000, now]);
    expect(points.map((p) => p.cpu)).toEqual([2, 3, null, (3000 + GAP_MS + 1000) / 1000, now / 1000]);
  });
});

describe('niceTicks', () => {
  it('uses round steps of the axis unit and reaches the maximum', () => {
    expect(niceTicks(60.8 * 2 ** 20, 'bytes')).toEqual([0, 20, 40, 60, 80].map((n) => n * 2 ** 20));
    expect(niceTicks(0, 'bytes', 1024)).toEqual([0, 256, 512, 768, 1024]);
    expect(niceTicks(17.09, 'decimal')).toEqual([0, 5, 10, 15, 20]);
    expect(niceTicks(0.84, 'decimal', 0)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(2, 'count', 4)).toEqual([0, 1, 2, 3, 4]);
    expect(niceTicks(37, 'count')).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(0, 'decimal').length).toBeGreaterThan(1);
  });
});
