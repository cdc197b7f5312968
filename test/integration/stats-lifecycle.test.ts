// stats.watch over a container's life: stopped, stopping, removed, unknown, bad input, the engine
// going away, and closing the stream releasing the engine connection.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Dispatcher } from '../../src/main/dispatch';
import { createEngine, type Engine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import type { StreamFrame } from '../../src/shared/transport';
import type { StatsSample } from '../../src/shared/types/stats';
import { docker, removeTestContainers, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { EngineRelay, engineSocket } from '../helpers/engine-relay';

const direct = createEngine();
const dispatcher = createBackend({ engine: direct, host: webHost }).dispatcher;

interface Watch {
  frames: StreamFrame[];
  samples(): StatsSample[];
  last(): StreamFrame | undefined;
  close(): void;
}

function watch(target: Dispatcher, id: unknown): Watch {
  const frames: StreamFrame[] = [];
  const outcome = target.subscribe('stats.watch', { id }, (frame) => frames.push(frame));
  if (!outcome.ok) throw new Error(`stats.watch refused: ${outcome.error.code}: ${outcome.error.message}`);
  return {
    frames,
    samples: () => frames.flatMap((f) => (f.kind === 'data' ? [f.message as StatsSample] : [])),
    last: () => frames.at(-1),
    close: outcome.close,
  };
}

async function runSleeper(name: string): Promise<string> {
  const container = await docker().createContainer({ Image: testImage, name, Cmd: ['sleep', '1000'], Labels: { ...TEST_LABELS } });
  await container.start();
  return container.id;
}

const ended = (w: Watch) => w.last()?.kind === 'end' || w.last()?.kind === 'error';

afterEach(() => expect(dispatcher.openStreamCount()).toBe(0));
afterAll(removeTestContainers);

describe('stats.watch over a container life', () => {
  it('ends at once, without a reading, for a container that is not running', async () => {
    const name = uniqueName('created');
    await docker().createContainer({ Image: testImage, name, Labels: { ...TEST_LABELS } });
    const w = watch(dispatcher, name);
    await waitFor(() => ended(w), { message: 'no end frame' });
    expect(w.frames).toEqual([{ kind: 'end' }]);
  });

  it('ends (no error) when the container stops while watched', async () => {
    const name = uniqueName('stops');
    const id = await runSleeper(name);
    const w = watch(dispatcher, name);
    await waitFor(() => w.samples().length >= 1, { message: 'no reading' });
    expect(dispatcher.openStreamCount()).toBe(1);
    await docker().getContainer(id).stop({ t: 0 });
    await waitFor(() => ended(w), { timeout: 15_000, message: 'the stream did not end' });
    expect(w.last()).toEqual({ kind: 'end' });
    expect(w.frames.some((f) => f.kind === 'error')).toBe(false);
  });

  it('fails NOT_FOUND, naming the container, when it is removed while watched', async () => {
    const name = uniqueName('removed');
    const id = await runSleeper(name);
    const w = watch(dispatcher, id);
    await waitFor(() => w.samples().length >= 1, { message: 'no reading' });
    await docker().getContainer(id).remove({ force: true });
    await waitFor(() => ended(w), { timeout: 15_000, message: 'the stream did not end' });
    expect(w.last()).toMatchObject({ kind: 'error', error: { code: 'NOT_FOUND', message: `Container ${name} no longer exists.` } });
  });

  it('fails NOT_FOUND for a container that does not exist', async () => {
    const w = watch(dispatcher, 'berth-test-no-such-container');
    await waitFor(() => ended(w));
    expect(w.frames).toEqual([{ kind: 'error', error: { code: 'NOT_FOUND', message: 'No such container: berth-test-no-such-container' } }]);
    const shot = await dispatcher.invoke('containers.stats', { id: 'berth-test-no-such-container' });
    expect(shot).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses bad input with INVALID_INPUT, on both channels, opening nothing', async () => {
    for (const input of [{}, { id: '' }, { id: 'a b' }, { id: 42 }, { id: 'web', extra: true }, null, 'web']) {
      const subscribed = dispatcher.subscribe('stats.watch', input, () => undefined);
      expect(subscribed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await dispatcher.invoke('containers.stats', input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    const subscribed = dispatcher.subscribe('stats.watch', { id: '' }, () => undefined);
    if (!subscribed.ok) expect(subscribed.error.message).toMatch(/container id or name is required/);
  });

  it('one-shot stats of a stopped container are zeros, as the CLI shows them', async () => {
    const name = uniqueName('oneshot');
    await docker().createContainer({ Image: testImage, name, Labels: { ...TEST_LABELS } });
    const shot = await dispatcher.invoke('containers.stats', { id: name });
    expect(shot).toMatchObject({ ok: true, result: { cpuPercent: 0, memoryUsedBytes: 0, memoryLimitBytes: 0, pids: 0 } });
  });
});

describe('stats.watch and the engine connection', () => {
  let dir: string;
  let relay: EngineRelay;
  let engine: Engine;
  let relayed: Dispatcher;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'berth-stats-relay-'));
    relay = new EngineRelay(engineSocket(), dir);
    await relay.up();
    engine = createEngine({ DOCKER_HOST: `unix://${relay.socketPath}` });
    relayed = createBackend({ engine, host: webHost }).dispatcher;
  });

  afterAll(async () => {
    engine?.monitor.stop();
    await relay?.down();
    rmSync(dir, { recursive: true, force: true });
  });

  it('closing the stream closes its connection to the engine', async () => {
    const id = await runSleeper(uniqueName('release'));
    const w = watch(relayed, id);
    await waitFor(() => w.samples().length >= 2, { message: 'no readings' });
    expect(relay.connectionsFor(/^GET \S*\/stats\?stream=true/)).toHaveLength(1);
    expect(relay.connectionsFor(/^GET \S*\/stats\?stream=true/)[0]?.closed).toBe(false);
    w.close();
    expect(relayed.openStreamCount()).toBe(0);
    await waitFor(() => relay.connectionsFor(/^GET \S*\/stats\?stream=true/)[0]?.closed, { message: 'the engine connection stayed open' });
  });

  it('fails ENGINE_UNAVAILABLE when the engine goes away mid-stream', async () => {
    const id = await runSleeper(uniqueName('outage'));
    const w = watch(relayed, id);
    await waitFor(() => w.samples().length >= 1, { message: 'no reading' });
    await relay.down();
    await waitFor(() => ended(w), { timeout: 15_000, message: 'the stream did not end' });
    expect(w.last()).toMatchObject({ kind: 'error', error: { code: 'ENGINE_UNAVAILABLE' } });
    expect(relayed.openStreamCount()).toBe(0);
    await relay.up();
  });
});
