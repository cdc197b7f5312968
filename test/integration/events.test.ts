// Streams through the real dispatcher: events.watch and engine.watch; engine.info.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/shared/types/events';
import type { EngineInfo, EngineState } from '../../src/shared/types/engine';
import type { StreamFrame } from '../../src/shared/transport';
import { createEngine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import { TEST_LABELS, removeTestContainers, testImage, uniqueName, waitFor } from '../helpers/engine';

const engine = createEngine();
const dispatcher = createBackend({ engine, host: webHost }).dispatcher;
const closers: Array<() => void> = [];

function subscribe(topic: string, input: unknown): { frames: StreamFrame[]; close: () => void } {
  const frames: StreamFrame[] = [];
  const outcome = dispatcher.subscribe(topic, input, (frame) => frames.push(frame));
  if (!outcome.ok) throw new Error(`${topic}: ${outcome.error.code}: ${outcome.error.message}`);
  closers.push(outcome.close);
  return { frames, close: outcome.close };
}

async function invoke(channel: string, input: unknown): Promise<unknown> {
  const outcome = await dispatcher.invoke(channel, input);
  if (!outcome.ok) throw new Error(`${channel}: ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.result;
}

const events = (frames: StreamFrame[]): EngineEvent[] => frames.flatMap((f) => (f.kind === 'data' ? [f.message as EngineEvent] : []));

/** True when `wanted` occurs in `actions` in this order (other actions may come between). */
function inOrder(actions: string[], wanted: string[]): boolean {
  let i = 0;
  for (const action of actions) if (action === wanted[i]) i += 1;
  return i === wanted.length;
}

beforeAll(async () => {
  engine.monitor.start();
  await waitFor(() => engine.monitor.state.status === 'connected', { timeout: 10_000 });
});

afterEach(() => {
  for (const close of closers.splice(0)) close();
});

afterAll(async () => {
  engine.monitor.stop();
  await removeTestContainers();
});

describe('events.watch', () => {
  it('delivers a container lifecycle in order, filtered to that container', async () => {
    const name = uniqueName('events');
    const other = uniqueName('bystander');
    const sub = subscribe('events.watch', { types: ['container'], containers: [name] });
    expect(dispatcher.openStreamCount()).toBe(1);
    // Acting right after subscribing loses nothing (the create is not missed); a bystander never shows up.
    const { id } = (await invoke('containers.create', {
      image: testImage,
      name,
      command: ['sleep', '1000'],
      labels: { ...TEST_LABELS },
    })) as { id: string };
    await invoke('containers.create', { image: testImage, name: other, command: ['true'], labels: { ...TEST_LABELS } });
    await invoke('containers.start', { id });
    await invoke('containers.stop', { id, timeout: 0 });
    await invoke('containers.remove', { id });

    const seen = await waitFor(
      () => {
        const list = events(sub.frames);
        return list.some((e) => e.action === 'destroy') ? list : undefined;
      },
      { timeout: 15_000, message: 'no destroy event' },
    );

    const actions = seen.map((e) => e.action);
    expect(inOrder(actions, ['create', 'start', 'die', 'stop', 'destroy']), actions.join(',')).toBe(true);
    for (const event of seen) {
      expect(event.type).toBe('container');
      expect(event.actorId).toBe(id);
      expect(event.actorName).toBe(name);
      expect(event.attributes['berth.test']).toBe('1');
      expect(event.timeNano).toMatch(/^\d{19}$/);
    }
    const times = seen.map((e) => BigInt(e.timeNano));
    for (let i = 1; i < times.length; i++) expect(times[i]! > times[i - 1]!).toBe(true);
    const die = seen.find((e) => e.action === 'die');
    expect(die?.attributes.exitCode).toBe('137');
    expect(sub.frames.every((f) => f.kind === 'data')).toBe(true);

    sub.close();
    expect(dispatcher.openStreamCount()).toBe(0);
    // Closed means closed: the same name again is seen by a new subscription, not by the old one.
    const count = sub.frames.length;
    const again = subscribe('events.watch', { containers: [name] });
    const second = (await invoke('containers.create', { image: testImage, name, labels: { ...TEST_LABELS } })) as { id: string };
    await invoke('containers.remove', { id: second.id });
    await waitFor(() => events(again.frames).some((e) => e.action === 'destroy'), { timeout: 15_000 });
    expect(sub.frames.length).toBe(count);
    again.close();
    expect(dispatcher.openStreamCount()).toBe(0);
  });

  it('filters by event type', async () => {
    const name = uniqueName('types');
    const images = subscribe('events.watch', { types: ['image'], containers: [name] });
    const containers = subscribe('events.watch', { types: ['container'], containers: [name] });
    expect(dispatcher.openStreamCount()).toBe(2);
    const { id } = (await invoke('containers.create', { image: testImage, name, labels: { ...TEST_LABELS } })) as { id: string };
    await invoke('containers.remove', { id });
    await waitFor(() => events(containers.frames).some((e) => e.action === 'destroy'), { timeout: 15_000 });
    expect(events(containers.frames).map((e) => e.action)).toEqual(['create', 'destroy']);
    expect(events(images.frames)).toEqual([]);
    images.close();
    containers.close();
    expect(dispatcher.openStreamCount()).toBe(0);
  });

  it('works on an engine whose monitor was never started', async () => {
    const fresh = createEngine();
    const freshDispatcher = createBackend({ engine: fresh, host: webHost }).dispatcher;
    expect(fresh.monitor.state.status).toBe('connecting');
    const name = uniqueName('fresh');
    const frames: StreamFrame[] = [];
    const outcome = freshDispatcher.subscribe('events.watch', { containers: [name] }, (f) => frames.push(f));
    if (!outcome.ok) throw new Error(outcome.error.message);
    closers.push(outcome.close);
    await invoke('containers.create', { image: testImage, name, labels: { ...TEST_LABELS } });
    await waitFor(() => events(frames).some((e) => e.action === 'create' && e.actorName === name), { timeout: 10_000 });
    outcome.close();
    expect(freshDispatcher.openStreamCount()).toBe(0);
    fresh.monitor.stop();
  });

  it('refuses a bad subscription without opening a stream', () => {
    const bad = dispatcher.subscribe('events.watch', { types: ['bogus'] }, () => undefined);
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const unknown = dispatcher.subscribe('events.nope', {}, () => undefined);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(dispatcher.openStreamCount()).toBe(0);
  });
});

describe('engine.watch', () => {
  it('delivers the current state at once, then changes', () => {
    const sub = subscribe('engine.watch', {});
    // Synchronously, before any await: the current state.
    expect(sub.frames).toHaveLength(1);
    const first = sub.frames[0];
    expect(first?.kind).toBe('data');
    const state = (first as { message: EngineState }).message;
    expect(state.status).toBe('connected');
    expect(state.host).toBe(process.env.DOCKER_HOST);
    expect(state.apiVersion).toMatch(/^1\.\d+$/);
    expect(dispatcher.openStreamCount()).toBe(1);
    sub.close();
    expect(dispatcher.openStreamCount()).toBe(0);
    expect(engine.monitor.listenerCount('state')).toBe(0);
  });

  it('reports a disconnected engine to its watchers', async () => {
    const dead = createEngine({ ...process.env, DOCKER_HOST: 'unix:///tmp/berth-no-such-engine/docker.sock' });
    const deadDispatcher = createBackend({ engine: dead, host: webHost }).dispatcher;
    const frames: StreamFrame[] = [];
    const outcome = deadDispatcher.subscribe('engine.watch', {}, (f) => frames.push(f));
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect((frames[0] as { message: EngineState }).message.status).toBe('connecting');
    dead.monitor.start();
    const last = await waitFor(
      () => {
        const f = frames.at(-1) as { message: EngineState } | undefined;
        return f?.message.status === 'disconnected' ? f.message : undefined;
      },
      { timeout: 5_000 },
    );
    expect(last.error).toMatch(/not reachable/);
    dead.monitor.stop();
    outcome.close();
    expect(deadDispatcher.openStreamCount()).toBe(0);
  });
});

describe('engine.info', () => {
  it('returns sane values', async () => {
    const info = (await invoke('engine.info', {})) as EngineInfo;
    expect(info.host).toBe(process.env.DOCKER_HOST);
    expect(info.serverVersion).toMatch(/^\d+\.\d+/);
    expect(info.apiVersion).toMatch(/^1\.\d+$/);
    expect(['1', '2']).toContain(info.cgroupVersion);
    expect(info.loggingDriver).not.toBe('');
    expect(info.storageDriver).not.toBe('');
    expect(info.osType).toBe('linux');
    expect(info.cpus).toBeGreaterThan(0);
    expect(info.memoryBytes).toBeGreaterThan(0);
    const c = info.containers;
    expect(c.total).toBe(c.running + c.paused + c.stopped);
    expect(info.images).toBeGreaterThanOrEqual(1);
    const ping = (await invoke('engine.ping', {})) as { ok: boolean; apiVersion: string; latencyMs: number };
    expect(ping.ok).toBe(true);
    expect(ping.apiVersion).toBe(info.apiVersion);
    expect(ping.latencyMs).toBeGreaterThanOrEqual(0);
  });
});
