// Fuzz of every command and stream topic through the dispatcher in-process (what Electron's IPC
// calls), from the contract's zod schemas: valid inputs (confined to the fuzz's own objects, see
// fuzz-scope.ts) and mutated ones (hostile-input.ts). Every answer must be `{ok,result}` or
// `{ok:false,error:{code,message}}`, a refused input must be INVALID_INPUT and change nothing, and
// main must never throw. BERTH_FUZZ_SEED / BERTH_FUZZ_RUNS change the inputs (`npm run fuzz`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, commands, streams, TOPICS } from '../../src/shared/contract';
import type { Dispatcher } from '../../src/main/dispatch';
import { createEngine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import type { StreamFrame } from '../../src/shared/transport';
import { docker, removeTestContainers } from '../helpers/engine';
import { outcomeProblem, FuzzTally, pendingCheck, pendingFailures, preview, watchForCrashes } from './fuzz-oracle';
import { fuzzCommand, fuzzTopic, type FuzzContext, type FuzzTransport } from './fuzz-runner';
import { createWorld, fuzzTimeout, NONE_REF_PREFIX, removeFuzzNetworks, removeFuzzVolumes } from './fuzz-scope';

const world = createWorld();
const engine = createEngine();
const backend = createBackend({ engine, host: world.host });
const dispatcher: Dispatcher = backend.dispatcher;
const tally = new FuzzTally();
const crashWatch = watchForCrashes();

/** Subscribes in-process; waits for the first frame when `hold` (at most 300 ms), then closes. */
async function subscribeInProcess(topic: string, input: unknown, hold: boolean): Promise<{ outcome: unknown; frames: unknown[] }> {
  const frames: StreamFrame[] = [];
  let firstFrame: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => (firstFrame = resolve));
  const outcome = dispatcher.subscribe(
    topic,
    input,
    (frame) => {
      frames.push(frame);
      firstFrame();
    },
    { acknowledges: hold },
  );
  if (!outcome.ok) return { outcome, frames };
  if (typeof outcome.close !== 'function' || typeof outcome.acknowledge !== 'function') return { outcome: { broken: Object.keys(outcome) }, frames };
  if (hold) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([arrived, new Promise<void>((resolve) => (timer = setTimeout(resolve, 300)))]);
    clearTimeout(timer);
    outcome.acknowledge(frames.length || 1);
  }
  outcome.close();
  return { outcome: { ok: true, result: null }, frames };
}

const transport: FuzzTransport = {
  name: 'dispatcher',
  jsonOnly: false,
  invoke: (channel, input) => dispatcher.invoke(channel, input),
  subscribe: subscribeInProcess,
  wire: (input) => input,
  openStreams: () => dispatcher.openStreamCount(),
  transfers: backend.transfers,
};

const ctx: FuzzContext = { world, tally, transport, crashes: crashWatch.crashes };

beforeAll(() => {
  engine.monitor.start();
});

afterAll(async () => {
  console.log(tally.table('Contract fuzz, dispatcher'));
  if (pendingFailures.length)
    console.log(
      `KNOWN_PENDING checks that failed (${pendingFailures.length}):\n  ${[...new Set(pendingFailures.map((f) => f.slice(0, 200)))].slice(0, 10).join('\n  ')}`,
    );
  crashWatch.stop();
  engine.monitor.stop();
  await removeTestContainers();
  await removeFuzzVolumes();
  await removeFuzzNetworks();
  const own = (await docker().listImages()).flatMap((image) => image.RepoTags ?? []).filter((tag) => tag.startsWith('berth-test/fuzz-'));
  for (const tag of own)
    await docker()
      .getImage(tag)
      .remove({ force: true })
      .catch(() => undefined);
});

describe('every command, in-process', () => {
  for (const channel of CHANNELS) it(channel, () => fuzzCommand(ctx, channel), fuzzTimeout(90_000));
});

describe('every stream topic, in-process', () => {
  for (const topic of TOPICS) it(topic, () => fuzzTopic(ctx, topic), fuzzTimeout(90_000));
});

describe('NUL bytes where the engine takes C strings', () => {
  // Each of these is valid but for the NUL; a NUL must be refused as INVALID_INPUT before the engine sees it.
  const cases: Array<[string, Record<string, unknown>]> = [
    ['containers.create', { image: 'berth-test/busybox', env: [{ key: 'A', value: 'a\0b' }] }],
    ['containers.create', { image: 'berth-test/busybox', command: ['sh', '-c\0'] }],
    ['containers.run', { image: 'berth-test/busybox', entrypoint: ['\0sh'] }],
    ['containers.create', { image: 'berth-test/busybox', labels: { 'berth.test': '1', key: 'v\0' } }],
    ['containers.create', { image: 'berth-test/busybox', labels: { 'berth.test': '1', 'k\0ey': 'v' } }],
    ['exec.session', { id: `${NONE_REF_PREFIX}nul`, env: [{ key: 'A', value: '\0' }] }],
  ];

  it.each(cases.map(([channel, input], index) => [index, channel, input] as const))(
    'case %i (%s) is refused (KNOWN_PENDING: nul-in-env-command-labels)',
    async (_index, channel, input) => {
      const spec = channel === 'exec.session' ? streams['exec.session'] : commands[channel as 'containers.create'];
      pendingCheck('nul-in-env-command-labels', !spec.input.safeParse(input).success, `${channel} accepts ${preview(input)}`);
      if (spec.input.safeParse(input).success) return; // not sent while pending: it would reach the engine
      const outcome = channel === 'exec.session' ? dispatcher.subscribe(channel, input, () => undefined) : await dispatcher.invoke(channel, input);
      expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    },
  );
});

describe('names that are not channels', () => {
  const names: unknown[] = [
    '',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'containers.list ',
    'CONTAINERS.LIST',
    'x'.repeat(1 << 20),
    '\0',
    '\uD800',
    null,
    undefined,
    42,
    {},
    [],
    { toString: 1, valueOf: 1 },
    Object.create(null),
    Symbol('x'),
    10n,
  ];

  it('an unknown command is NOT_FOUND, whatever its name is made of', async () => {
    for (const name of names) {
      const outcome = await dispatcher.invoke(name as string, {});
      expect(outcomeProblem(outcome), preview(name)).toBeUndefined();
      expect(outcome, preview(name)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      if (!outcome.ok) expect(outcome.error.message.length, preview(name)).toBeLessThan(200);
    }
    expect(crashWatch.crashes).toEqual([]);
  });

  it('an unknown topic is NOT_FOUND and opens nothing', () => {
    for (const name of names) {
      const outcome = dispatcher.subscribe(name as string, {}, () => undefined);
      expect(outcome, preview(name)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(dispatcher.openStreamCount()).toBe(0);
  });

  it('left Object.prototype as it was and main without a crash', () => {
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(crashWatch.crashes).toEqual([]);
  });
});
