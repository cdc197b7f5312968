import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BerthClient, StreamHandlers } from '../../../src/renderer/api/client';
import { LogLineStore } from '../../../src/renderer/features/logs/lineStore';
import { LogStreamController, normalizeTimeInput, type StreamStatus } from '../../../src/renderer/features/logs/logStream';
import { BerthError } from '../../../src/shared/errors';
import type { LogBatch } from '../../../src/shared/types/logs';

interface Subscription {
  topic: string;
  input: Record<string, unknown>;
  handlers: StreamHandlers<LogBatch>;
  closed: boolean;
}

/** A client that records subscriptions and lets the test play the server's part. */
function fakeClient(): { client: BerthClient; subs: Subscription[] } {
  const subs: Subscription[] = [];
  const client = {
    transport: 'web',
    invoke: () => Promise.reject(new Error('not used')),
    subscribe: (topic: string, input: Record<string, unknown>, handlers: StreamHandlers<LogBatch>) => {
      const sub: Subscription = { topic, input, handlers, closed: false };
      subs.push(sub);
      return () => {
        sub.closed = true;
      };
    },
  } as unknown as BerthClient;
  return { client, subs };
}

const TS = '2024-05-01T12:00:00.000000009Z';

describe('log stream controller', () => {
  let statuses: StreamStatus[];
  beforeEach(() => {
    vi.useFakeTimers();
    statuses = [];
  });
  afterEach(() => vi.useRealTimers());

  it('fetches with timestamps, then follows again from just after the last line', () => {
    const { client, subs } = fakeClient();
    const store = new LogLineStore({ maxLines: 1000 });
    const controller = new LogStreamController(client, store, (s) => statuses.push(s));
    controller.load({ id: 'web', tail: 1000, since: '10m', until: '', follow: false });
    expect(subs[0]).toMatchObject({ topic: 'logs.fetch', input: { id: 'web', tail: 1000, timestamps: true, since: '10m' } });
    subs[0]!.handlers.onMessage({ lines: [], first: true });
    subs[0]!.handlers.onMessage({ lines: [{ stream: 'stdout', text: 'a', timestamp: TS }] });
    subs[0]!.handlers.onEnd?.();
    expect(statuses.at(-1)?.phase).toBe('done');
    controller.setFollow(true);
    expect(subs[1]).toMatchObject({ topic: 'logs.follow', input: { id: 'web', tail: 'all', since: '1714564800.000000010' } });
    expect(store.size).toBe(1);
    controller.setFollow(false);
    expect(subs[1]!.closed).toBe(true);
    expect(statuses.at(-1)?.phase).toBe('paused');
  });

  it('retries a follow when the engine went away, keeping the lines, and closes everything on dispose', () => {
    const { client, subs } = fakeClient();
    const store = new LogLineStore({ maxLines: 1000 });
    const controller = new LogStreamController(client, store, (s) => statuses.push(s));
    controller.load({ id: 'web', tail: 10, since: '', until: '', follow: true });
    subs[0]!.handlers.onMessage({ lines: [{ stream: 'stderr', text: 'x', timestamp: TS }], first: true });
    subs[0]!.handlers.onError?.(new BerthError('ENGINE_UNAVAILABLE', 'gone'));
    expect(statuses.at(-1)).toMatchObject({ phase: 'error', retrying: true });
    vi.advanceTimersByTime(1_000);
    expect(subs[1]).toMatchObject({ topic: 'logs.follow', input: { since: '1714564800.000000010', tail: 'all' } });
    expect(store.size).toBe(1);
    controller.dispose();
    expect(subs.every((sub) => sub.closed || sub === subs[0])).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(subs).toHaveLength(2);
  });

  it('does not retry a container that is gone', () => {
    const { client, subs } = fakeClient();
    const controller = new LogStreamController(client, new LogLineStore({ maxLines: 1000 }), (s) => statuses.push(s));
    controller.load({ id: 'web', tail: 10, since: '', until: '', follow: true });
    subs[0]!.handlers.onError?.(new BerthError('NOT_FOUND', 'No such container: web'));
    vi.advanceTimersByTime(60_000);
    expect(subs).toHaveLength(1);
    expect(statuses.at(-1)).toMatchObject({ phase: 'error', retrying: false });
  });

  it('carries on after the last line when the transport subscribed again (no duplicated history)', () => {
    const { client, subs } = fakeClient();
    const store = new LogLineStore({ maxLines: 1000 });
    const controller = new LogStreamController(client, store, (s) => statuses.push(s));
    controller.load({ id: 'web', tail: 10, since: '', until: '', follow: true });
    subs[0]!.handlers.onMessage({ lines: [], first: true });
    subs[0]!.handlers.onMessage({ lines: [{ stream: 'stdout', text: 'one', timestamp: TS }] });
    subs[0]!.handlers.onMessage({ lines: [], first: true });
    subs[0]!.handlers.onMessage({ lines: [{ stream: 'stdout', text: 'one', timestamp: TS }] });
    expect(store.size).toBe(1);
    expect(subs[0]!.closed).toBe(true);
    expect(subs[1]).toMatchObject({ topic: 'logs.follow', input: { since: '1714564800.000000010' } });
  });

  it('resumes a follow that ended with the container once it runs again, at most once a second', () => {
    const { client, subs } = fakeClient();
    const controller = new LogStreamController(client, new LogLineStore({ maxLines: 1000 }), (s) => statuses.push(s));
    controller.load({ id: 'web', tail: 10, since: '', until: '', follow: true });
    subs[0]!.handlers.onEnd?.();
    expect(statuses.at(-1)?.phase).toBe('stopped');
    controller.containerRunning();
    controller.containerRunning();
    vi.advanceTimersByTime(0);
    expect(subs).toHaveLength(2);
    subs[1]!.handlers.onEnd?.();
    controller.containerRunning();
    vi.advanceTimersByTime(500);
    expect(subs).toHaveLength(2);
    vi.advanceTimersByTime(600);
    expect(subs).toHaveLength(3);
  });
});

describe('time input', () => {
  it("gives a local date-time this browser's zone, and leaves other forms alone", () => {
    expect(normalizeTimeInput('2024-05-01 12:00')).toMatch(/^2024-05-01T12:00[+-]\d{2}:\d{2}$/);
    expect(normalizeTimeInput(' 10m ')).toBe('10m');
    expect(normalizeTimeInput('2024-05-01T12:00:00Z')).toBe('2024-05-01T12:00:00Z');
  });
});
