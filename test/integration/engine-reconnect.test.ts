import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import type { EngineEvent } from '../../src/shared/types/events';
import type { StreamFrame } from '../../src/shared/transport';
import { docker, removeTestContainers, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { startRelayedEngine, type EngineRelay, type RelayedEngine } from '../helpers/engine-relay';

describe('engine going away and coming back', () => {
  let relayed: RelayedEngine;
  let relay: EngineRelay;
  let engine: Engine;

  beforeAll(async () => {
    relayed = await startRelayedEngine('berth-relay');
    ({ relay, engine } = relayed);
  });

  afterAll(async () => {
    await relayed?.stop();
    await removeTestContainers();
  });

  it('reports the outage, refuses commands plainly, and resumes events without duplicates or gaps', async () => {
    const dispatcher = createBackend({ engine, host: webHost }).dispatcher;
    const states: string[] = [];
    const events: EngineEvent[] = [];
    const watchState = dispatcher.subscribe('engine.watch', {}, (frame: StreamFrame) => {
      if (frame.kind === 'data') states.push((frame.message as { status: string }).status);
    });
    const before = uniqueName('before');
    const during = uniqueName('during');
    const after = uniqueName('after');
    const watchEvents = dispatcher.subscribe('events.watch', { types: ['container'] }, (frame: StreamFrame) => {
      if (frame.kind === 'data') events.push(frame.message as EngineEvent);
    });
    expect(watchState.ok && watchEvents.ok).toBe(true);

    const create = (name: string) => docker().createContainer({ Image: testImage, name, Labels: { ...TEST_LABELS } });
    await create(before);
    await waitFor(() => events.some((e) => e.actorName === before && e.action === 'create'));

    await relay.down();
    await waitFor(() => engine.monitor.state.status === 'disconnected', { timeout: 15_000 });
    const refused = await dispatcher.invoke('containers.list', { all: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'ENGINE_UNAVAILABLE' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/not reachable/);

    // Happens while Berth cannot see the engine: it must still show up once, after reconnecting.
    await create(during);

    await relay.up();
    await waitFor(() => engine.monitor.state.status === 'connected', { timeout: 20_000 });
    await create(after);
    await waitFor(() => events.some((e) => e.actorName === after && e.action === 'create'), { timeout: 20_000 });

    const creates = events.filter((e) => e.action === 'create').map((e) => e.actorName);
    expect(creates).toEqual([before, during, after]);
    const times = events.map((e) => BigInt(e.timeNano));
    expect(times.every((t, i) => i === 0 || t > (times[i - 1] ?? 0n))).toBe(true);
    expect(states).toContain('disconnected');
    expect(states.at(-1)).toBe('connected');

    if (watchState.ok) watchState.close();
    if (watchEvents.ok) watchEvents.close();
    expect(dispatcher.openStreamCount()).toBe(0);
  });
});
