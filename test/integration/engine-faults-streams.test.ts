// The engine stopped for real (SIGKILL: a crash; SIGTERM: a clean stop) under every kind of open
// stream: logs follow, stats, exec, attach end with a plain error (or end as the container stops
// with a clean stop); events and the engine monitor wait and resume by themselves; every view works
// again within RECOVERY_MS of the engine answering. A private dockerd (test/helpers/fault-engine.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dispatcher } from '../../src/main/dispatch';
import type { Engine } from '../../src/main/engine/core/engine';
import type { EngineState } from '../../src/shared/types/engine';
import type { EngineEvent } from '../../src/shared/types/events';
import type { SessionMessage } from '../../src/shared/types/terminal';
import { TEST_LABELS, uniqueName, waitFor } from '../helpers/engine';
import { expectPlainError, faults, OUTAGES, RECOVERY_MS, startFaultEngine, timeToSucceed, type FaultEngine } from '../helpers/fault-engine';
import { probe, subscribeWorks, type Probe } from '../helpers/stream-probe';

let env: FaultEngine;
let berth: Engine;
let dispatcher: Dispatcher;
const outcomes: string[] = [];

beforeAll(async () => {
  env = await startFaultEngine();
  berth = env.berth();
  dispatcher = env.dispatcher(berth);
  await berth.monitor.whenConnected(10_000);
});

afterAll(async () => {
  console.log(faults.report('engine-faults-streams'));
  console.log(`[engine-faults] how each stream ended:\n  ${outcomes.join('\n  ')}`);
  await env?.close();
});

const isOutput = (m: unknown): boolean => (m as SessionMessage).kind === 'output';
const isCreateOf =
  (name: string) =>
  (m: unknown): boolean =>
    (m as EngineEvent).action === 'create' && (m as EngineEvent).actorName === name;
const createMarker = async (prefix: string): Promise<string> => {
  const name = uniqueName(prefix);
  await env.docker.createContainer({ Image: env.image, name, Labels: { ...TEST_LABELS } });
  return name;
};

/** How a stream that cannot outlive the engine finished: a plain error, or (container stopped) an end. */
function checkFinished(view: Probe, signal: string): void {
  const final = view.final();
  expect(final, `${view.topic} finished`).toBeDefined();
  const ended = view.messages<SessionMessage>().find((m) => m.kind === 'ended');
  if (final?.kind === 'error') {
    expectPlainError(final.error);
    outcomes.push(`${signal} ${view.topic}: error ${final.error.code}: ${final.error.message}`);
  } else {
    // Only a clean stop may end a stream without an error: the engine stopped the container first.
    expect(signal, `${view.topic} ended without an error after a crash`).toBe('SIGTERM');
    outcomes.push(`${signal} ${view.topic}: end${ended ? ` (${ended.reason})` : ''}`);
  }
}

describe.each(OUTAGES)('the engine stopped with %s under open streams', (signal) => {
  it('ends what cannot outlive it plainly, resumes what can, and every view works again', async () => {
    const id = await env.chattyContainer(`faults-${signal.toLowerCase()}`);
    const states = probe(dispatcher, 'engine.watch', {});
    const events = probe(dispatcher, 'events.watch', { types: ['container'] });
    const logs = probe(dispatcher, 'logs.follow', { id, tail: 5 });
    const stats = probe(dispatcher, 'stats.watch', { id });
    const exec = probe(dispatcher, 'exec.session', { id, command: ['sh', '-c', 'while true; do echo tick; sleep 0.05; done'], tty: false });
    const attach = probe(dispatcher, 'attach.session', { id, logs: false });
    const before = await createMarker('before');
    await Promise.all([
      logs.waitForMessage(() => true),
      stats.waitForMessage(() => true),
      exec.waitForMessage(isOutput),
      attach.waitForMessage(isOutput),
      events.waitForMessage(isCreateOf(before)),
    ]);

    await env.stop(signal, 'six open streams');
    for (const view of [states, events, logs, stats, exec, attach]) faults.count(`stream under the engine ${signal}: ${view.topic}`);
    const mortal = [logs, stats, exec, attach];
    await waitFor(() => mortal.every((view) => view.final()), { timeout: 20_000, message: 'streams finished' });
    for (const view of mortal) checkFinished(view, signal);
    await states.waitForMessage((s: EngineState) => s.status === 'disconnected');
    // Waiting, not failed: the subscriber sees no error and keeps its subscription.
    expect(events.final()).toBeUndefined();
    expect(states.final()).toBeUndefined();
    const refused = await dispatcher.invoke('containers.list', { all: true });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expectPlainError(refused.error);

    const seenStates = states.messages().length;
    const answered = await env.start();
    const restarted = env.docker.getContainer(id).start();
    const monitorBack = states.waitForMessage((s: EngineState) => s.status === 'connected', 15_000, seenStates).then(() => Date.now() - answered);
    const after = await createMarker('after');
    const eventsBack = events.waitForMessage(isCreateOf(after), 15_000).then(() => Date.now() - answered);
    const views = {
      'logs.follow': () => subscribeWorks(dispatcher, 'logs.follow', { id, tail: 5 }),
      'stats.watch': () => subscribeWorks(dispatcher, 'stats.watch', { id }),
      'exec.session': () => subscribeWorks(dispatcher, 'exec.session', { id, command: ['echo', 'back'], tty: false }, isOutput),
      'attach.session': () => subscribeWorks(dispatcher, 'attach.session', { id, logs: true }, isOutput),
    };
    const viewTimes = Promise.all(Object.entries(views).map(async ([topic, works]) => [topic, await timeToSucceed(answered, works)] as const));
    await restarted;
    const times: Record<string, number> = {
      'engine.watch (by itself)': await monitorBack,
      'events.watch (by itself)': await eventsBack,
      ...Object.fromEntries(await viewTimes),
    };
    for (const [what, ms] of Object.entries(times)) {
      faults.recovered(`${signal} ${what}`, ms);
      expect(ms, `${what} recovered`).toBeLessThan(RECOVERY_MS);
    }
    // The events stream resumed where it was: the marker made before is not delivered again.
    expect(events.messages().filter(isCreateOf(before))).toHaveLength(1);

    for (const view of [states, events, ...mortal]) view.close();
    expect(dispatcher.openStreamCount()).toBe(0);
  }, 90_000);
});
