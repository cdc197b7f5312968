// The engine going away under the inspection features: events.watch waits and resumes, a stream
// closed during the outage never reconnects, and commands fail with a plain ENGINE_UNAVAILABLE.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import type { EngineEvent } from '../../src/shared/types/events';
import type { StreamFrame } from '../../src/shared/transport';
import { startRelayedEngine, type EngineRelay, type RelayedEngine } from '../helpers/engine-relay';
import { docker, removeTestContainers, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';

const events = (frames: StreamFrame[]): EngineEvent[] => frames.flatMap((f) => (f.kind === 'data' ? [f.message as EngineEvent] : []));

describe('inspection features while the engine goes away', () => {
  let relayed: RelayedEngine;
  let relay: EngineRelay;
  let engine: Engine;

  beforeAll(async () => {
    relayed = await startRelayedEngine('berth-outage');
    ({ relay, engine } = relayed);
  });

  afterAll(async () => {
    await relayed?.stop();
    await removeTestContainers();
  });

  it('keeps the events stream waiting, never reconnects one closed meanwhile, and answers commands plainly', async () => {
    const dispatcher = createBackend({ engine, host: webHost }).dispatcher;
    const name = uniqueName('outage');
    const frames: StreamFrame[] = [];
    const sub = dispatcher.subscribe('events.watch', { containers: [name] }, (frame) => frames.push(frame));
    if (!sub.ok) throw new Error(sub.error.message);
    const container = await docker().createContainer({ Image: testImage, name, Cmd: ['sleep', '300'], Labels: { ...TEST_LABELS } });
    await waitFor(() => events(frames).some((e) => e.action === 'create'));

    await relay.down();
    await waitFor(() => engine.monitor.state.status === 'disconnected', { timeout: 15_000 });
    // Waiting, not failed: no error or end frame, still counted open.
    expect(frames.every((f) => f.kind === 'data')).toBe(true);
    expect(dispatcher.openStreamCount()).toBe(1);
    for (const [channel, input] of [
      ['containers.top', { id: name }],
      ['containers.inspect', { id: name }],
      ['containers.ports', { id: name }],
      ['containers.isolation', { id: name }],
    ] as const) {
      const outcome = await dispatcher.invoke(channel, input);
      expect(outcome, channel).toMatchObject({ ok: false, error: { code: 'ENGINE_UNAVAILABLE', message: expect.stringMatching(/not reachable/) } });
    }

    // Closed while the engine is away (the view was left): it must not come back with the engine.
    sub.close();
    expect(dispatcher.openStreamCount()).toBe(0);
    await container.start();
    await relay.up();
    const before = relay.countRequests(/^GET \S*\/events\?/);
    await waitFor(() => engine.monitor.state.status === 'connected', { timeout: 20_000 });
    // A control subscription proves an /events request would be seen.
    const control: StreamFrame[] = [];
    const again = dispatcher.subscribe('events.watch', { containers: [name], since: '5m' }, (frame) => control.push(frame));
    if (!again.ok) throw new Error(again.error.message);
    await waitFor(() => events(control).some((e) => e.action === 'start'), { timeout: 15_000 });
    expect(relay.countRequests(/^GET \S*\/events\?/) - before).toBe(1);
    expect(events(frames).some((e) => e.action === 'start')).toBe(false);
    again.close();
    expect(dispatcher.openStreamCount()).toBe(0);
  });
});
