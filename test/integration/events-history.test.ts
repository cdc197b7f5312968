// events.watch with since/until (docker events --since/--until) and the action filter, against the
// real engine: history in order, streams that end by themselves, and bad times refused.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/shared/types/events';
import type { StreamFrame } from '../../src/shared/transport';
import { docker, removeTestContainers, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { createHarness } from './dispatch-harness';

const harness = createHarness();

const events = (frames: StreamFrame[]): EngineEvent[] => frames.flatMap((f) => (f.kind === 'data' ? [f.message as EngineEvent] : []));
const seconds = (ms: number): string => (ms / 1000).toFixed(3);
const LIFECYCLE = ['create', 'start', 'die', 'stop', 'destroy'];

/** Creates, starts, stops and removes one container; returns the wall-clock window around it. */
async function lifecycle(name: string): Promise<{ before: number; after: number; id: string }> {
  const before = Date.now();
  const container = await docker().createContainer({ Image: testImage, name, Cmd: ['sleep', '1000'], Labels: { ...TEST_LABELS } });
  await container.start();
  await container.stop({ t: 0 });
  await container.remove();
  // Seen by the engine's own log before the window closes.
  const live = harness.subscribe('events.watch', { containers: [container.id], since: seconds(before) });
  await waitFor(() => events(live.frames).some((e) => e.action === 'destroy'), { timeout: 15_000, message: 'destroy not logged' });
  live.close();
  return { before, after: Date.now(), id: container.id };
}

let history: { name: string; before: number; after: number; id: string };

beforeAll(async () => {
  harness.engine.monitor.start();
  await waitFor(() => harness.engine.monitor.state.status === 'connected');
  const name = uniqueName('history');
  history = { name, ...(await lifecycle(name)) };
});

afterEach(() => harness.closeAll());

afterAll(async () => {
  harness.stop();
  await removeTestContainers();
});

describe('events.watch history', () => {
  it('replays create, start, stop, remove in order between since and until, then ends', async () => {
    const sub = harness.subscribe('events.watch', { containers: [history.name], since: seconds(history.before), until: seconds(history.after) });
    await waitFor(() => sub.frames.at(-1)?.kind === 'end', { timeout: 15_000, message: 'the stream did not end at until' });
    const actions = events(sub.frames).map((e) => e.action);
    expect(actions.filter((a) => LIFECYCLE.includes(a))).toEqual(LIFECYCLE);
    expect(events(sub.frames).every((e) => e.actorId === history.id)).toBe(true);
    const times = events(sub.frames).map((e) => BigInt(e.timeNano));
    expect(times.every((t, i) => i === 0 || t > (times[i - 1] ?? 0n))).toBe(true);
    expect(harness.dispatcher.openStreamCount()).toBe(0);
  });

  it('filters history by action (--filter event=start) and takes RFC 3339 times', async () => {
    const since = new Date(history.before).toISOString();
    const until = new Date(history.after).toISOString();
    const sub = harness.subscribe('events.watch', { containers: [history.name], actions: ['start', 'destroy'], since, until });
    await waitFor(() => sub.frames.at(-1)?.kind === 'end', { timeout: 15_000 });
    expect(events(sub.frames).map((e) => e.action)).toEqual(['start', 'destroy']);
  });

  it('with until alone, replays what the engine keeps up to then', async () => {
    const sub = harness.subscribe('events.watch', { containers: [history.id], until: seconds(history.after) });
    await waitFor(() => sub.frames.at(-1)?.kind === 'end', { timeout: 15_000 });
    expect(
      events(sub.frames)
        .map((e) => e.action)
        .filter((a) => LIFECYCLE.includes(a)),
    ).toEqual(LIFECYCLE);
  });

  it('with since alone (a duration), replays and then stays live', async () => {
    const sub = harness.subscribe('events.watch', { containers: [history.name], since: '10m' });
    await waitFor(() => events(sub.frames).some((e) => e.action === 'destroy'), { timeout: 15_000 });
    expect(sub.frames.some((f) => f.kind !== 'data')).toBe(false);
    // Still open: a new container of the same name shows up live.
    const again = await docker().createContainer({ Image: testImage, name: history.name, Labels: { ...TEST_LABELS } });
    await waitFor(() => events(sub.frames).some((e) => e.action === 'create' && e.actorId === again.id), { timeout: 15_000 });
    await again.remove();
    expect(harness.dispatcher.openStreamCount()).toBe(1);
    sub.close();
    expect(harness.dispatcher.openStreamCount()).toBe(0);
  });

  it('a future until keeps the stream live until then, then ends it in main', async () => {
    const name = uniqueName('until');
    const sub = harness.subscribe('events.watch', { containers: [name], until: seconds(Date.now() + 3000) });
    const container = await docker().createContainer({ Image: testImage, name, Labels: { ...TEST_LABELS } });
    await waitFor(() => events(sub.frames).some((e) => e.action === 'create'), { timeout: 10_000 });
    await waitFor(() => sub.frames.at(-1)?.kind === 'end', { timeout: 15_000, message: 'no end after until' });
    expect(harness.dispatcher.openStreamCount()).toBe(0);
    await container.remove();
  });

  it('refuses bad times and since after until, without opening a stream', () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ since: 'yesterday' }, /^since: Not a valid time: "yesterday"\. Use a Unix timestamp/],
      [{ until: '2024-02-31' }, /^until: Not a valid time/],
      [{ since: '1718000060', until: '1718000000' }, /^since: since must not be after until\.$/],
      [{ since: -1 }, /^since: Not a valid time/],
      [{ actions: ['start;rm'] }, /^actions\.0: Not a valid event action\./],
    ];
    for (const [input, message] of cases) {
      const outcome = harness.dispatcher.subscribe('events.watch', input, () => undefined);
      expect(outcome.ok, JSON.stringify(input)).toBe(false);
      if (!outcome.ok) {
        expect(outcome.error.code).toBe('INVALID_INPUT');
        expect(outcome.error.message).toMatch(message);
      }
    }
    expect(harness.dispatcher.openStreamCount()).toBe(0);
  });
});
