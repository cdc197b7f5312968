// The engine cut off or stalled by a relay between main and the engine socket (the other way to stop
// it; see engine-faults-streams/-transfers for a real dockerd killed): a cut ends what cannot
// outlive it with a plain error, lets events and the monitor resume by themselves, and every view
// works again within RECOVERY_MS of the engine being reachable; a stall (bytes held) freezes
// nothing else in main, and the stream or transfer goes on when the bytes flow again.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dispatcher } from '../../src/main/dispatch';
import { createEngine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import { headlessFileHost } from '../../src/main/transfers/headless-host';
import type { EngineState } from '../../src/shared/types/engine';
import type { SessionMessage } from '../../src/shared/types/terminal';
import type { DownloadStart } from '../../src/shared/types/transfers';
import { docker, removeTestContainers, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { engineSocket, startRelayedEngine, type RelayedEngine } from '../helpers/engine-relay';
import { expectPlainError, faults, RECOVERY_MS, timeToSucceed } from '../helpers/fault-engine';
import { MeteredRelay } from '../helpers/metered-relay';
import { probe, subscribeWorks } from '../helpers/stream-probe';
import { seed } from './files-support';
import { call, finalOf } from './images-support';

const MiB = 1024 * 1024;
let relayed: RelayedEngine;
let dispatcher: Dispatcher;
let chatty: string;

beforeAll(async () => {
  relayed = await startRelayedEngine('berth-faults-relay');
  dispatcher = createBackend({ engine: relayed.engine, host: webHost }).dispatcher;
  const container = await docker().createContainer({
    Image: testImage,
    name: uniqueName('faults-relay'),
    Labels: { ...TEST_LABELS },
    Cmd: ['sh', '-c', 'trap "exit 0" TERM; i=0; while true; do i=$((i+1)); echo "line $i"; sleep 0.01; done'],
    StopTimeout: 1,
  });
  await container.start();
  chatty = container.id;
});

afterAll(async () => {
  console.log(faults.report('engine-faults-relay'));
  await relayed?.stop();
  await removeTestContainers();
});

const isOutput = (m: unknown): boolean => (m as SessionMessage).kind === 'output';

/** Resolves how long a command that needs the engine took; fails if main did not answer in `limit` ms. */
async function answersWithin(limit: number): Promise<number> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    dispatcher.invoke('containers.inspect', { id: chatty }),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`main did not answer a command within ${limit} ms`)), limit);
    }),
  ]).finally(() => clearTimeout(timer));
  expect(outcome.ok).toBe(true);
  return Date.now() - started;
}

describe('the connection to the engine cut', () => {
  it('ends what cannot outlive it plainly, resumes events and the monitor, and every view works again', async () => {
    const states = probe(dispatcher, 'engine.watch', {});
    const events = probe(dispatcher, 'events.watch', { types: ['container'], actions: ['create'] });
    const mortal = [
      probe(dispatcher, 'logs.follow', { id: chatty, tail: 5 }),
      probe(dispatcher, 'stats.watch', { id: chatty }),
      probe(dispatcher, 'exec.session', { id: chatty, command: ['sh', '-c', 'while true; do echo tick; sleep 0.05; done'], tty: false }),
      probe(dispatcher, 'attach.session', { id: chatty, logs: false }),
    ];
    await Promise.all(mortal.map((view) => view.waitForMessage(view.topic.endsWith('session') ? isOutput : () => true)));
    await states.waitForMessage((s: EngineState) => s.status === 'connected');

    faults.count('relay cut (six open streams)');
    await relayed.relay.down();
    for (const view of [states, events, ...mortal]) faults.count(`stream under the relay cut: ${view.topic}`);
    await waitFor(() => mortal.every((view) => view.final()), { timeout: 15_000, message: 'streams finished' });
    for (const view of mortal) {
      const final = view.final();
      // The container still runs: only an error is the truth here, never a plain end.
      expect(final?.kind, view.topic).toBe('error');
      if (final?.kind === 'error') expectPlainError(final.error);
    }
    await states.waitForMessage((s: EngineState) => s.status === 'disconnected', 15_000);
    expect(events.final()).toBeUndefined();

    const seenStates = states.messages().length;
    await relayed.relay.up();
    const back = Date.now();
    const times: Record<string, number> = {};
    await Promise.all([
      states
        .waitForMessage((s: EngineState) => s.status === 'connected', 15_000, seenStates)
        .then(() => (times['engine.watch (by itself)'] = Date.now() - back)),
      (async () => {
        const marker = uniqueName('faults-marker');
        await docker().createContainer({ Image: testImage, name: marker, Labels: { ...TEST_LABELS } });
        await events.waitForMessage((e: { actorName?: string }) => e.actorName === marker, 15_000);
        times['events.watch (by itself)'] = Date.now() - back;
      })(),
      ...[
        ['logs.follow', { id: chatty, tail: 5 }, () => true],
        ['stats.watch', { id: chatty }, () => true],
        ['exec.session', { id: chatty, command: ['echo', 'back'], tty: false }, isOutput],
        ['attach.session', { id: chatty, logs: false }, isOutput],
      ].map(async ([topic, input, match]) => {
        times[topic as string] = await timeToSucceed(back, () => subscribeWorks(dispatcher, topic as string, input, match as (m: unknown) => boolean));
      }),
    ]);
    for (const [what, ms] of Object.entries(times)) {
      faults.recovered(`relay cut: ${what}`, ms);
      expect(ms, what).toBeLessThan(RECOVERY_MS);
    }
    for (const view of [states, events, ...mortal]) view.close();
    expect(dispatcher.openStreamCount()).toBe(0);
  });
});

describe('a stream stalled by the engine', () => {
  it.each([
    ['logs.follow', { tail: 1 }, /\/logs\?/],
    ['stats.watch', {}, /\/stats\?/],
    ['exec.session', { command: ['sh', '-c', 'while true; do echo tick; sleep 0.05; done'], tty: false }, /\/exec\/[^/]+\/start/],
    ['attach.session', { logs: false }, /\/attach\?/],
  ] as const)('%s: main keeps answering, and the stream goes on when the engine does', async (topic, extra, request) => {
    const view = probe(dispatcher, topic, { id: chatty, ...extra });
    const isData = topic.endsWith('session') ? isOutput : () => true;
    await view.waitForMessage(isData);
    faults.count(`relay stall: ${topic}`);
    expect(relayed.relay.stall(request)).toBeGreaterThan(0);
    // While it is held: other commands go to the engine and back, and the stream is still open.
    for (let i = 0; i < 3; i++) await answersWithin(5_000);
    expect(view.final()).toBeUndefined();
    const seen = view.messages().length;
    relayed.relay.release();
    const released = Date.now();
    await view.waitForMessage(isData, 10_000, seen + 1);
    faults.recovered(`relay stall released: ${topic}`, Date.now() - released);
    view.close();
    expect(dispatcher.openStreamCount()).toBe(0);
  });
});

describe('a transfer stalled by the engine', () => {
  let dir: string;
  let metered: MeteredRelay;
  let viaMetered: Dispatcher;
  let savePath = '';

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'berth-faults-stall-'));
    metered = new MeteredRelay(engineSocket(), dir);
    await metered.up();
    viaMetered = createBackend({
      engine: createEngine({ DOCKER_HOST: `unix://${metered.socketPath}` }),
      host: headlessFileHost({ save: () => savePath }),
    }).dispatcher;
  });

  afterAll(async () => {
    await metered?.down();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('an export held mid-way: other commands answer, and it completes once the bytes flow', async () => {
    const box = await docker().createContainer({ Image: testImage, name: uniqueName('faults-stall'), Labels: { ...TEST_LABELS } });
    await seed(box.id, '/', [{ name: 'blob.bin', body: randomBytes(16 * MiB) }]);
    const folder = path.join(dir, 'export');
    mkdirSync(folder);
    savePath = path.join(folder, 'box.tar');
    const held = metered.when('fromEngine', 2 * MiB, 'stall');
    const start = await call<DownloadStart>(viaMetered, 'containers.export', { id: box.id });
    if (start.status !== 'started') throw new Error('dismissed');
    await held;
    faults.count('relay stall: export');
    // The same engine, through the same relay, answers other requests meanwhile.
    for (let i = 0; i < 3; i++) expect((await viaMetered.invoke('containers.inspect', { id: box.id })).ok).toBe(true);
    metered.resume();
    const released = Date.now();
    const final = await finalOf(viaMetered, start.transferId);
    faults.recovered('relay stall released: export (done)', Date.now() - released);
    expect(final.phase).toBe('done');
    expect(final.bytes).toBeGreaterThan(16 * MiB);
  });
});
