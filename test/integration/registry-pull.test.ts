// Pull from a real registry (docker-registry on 127.0.0.1): progress, cancel, a registry that goes
// away, unknown names, run/create pulling what is missing, tag and history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistryTask } from '../../src/shared/types/registries';
import type { CreatedContainer } from '../../src/shared/types/containers';
import { docker, dockerCli, removeTestContainers, TEST_LABELS, testImage, waitFor } from '../helpers/engine';
import {
  dockerHost,
  privateDockerConfig,
  pushRandomImage,
  pushTaggedImage,
  recordingDispatcher,
  startRegistry,
  type RecordingDispatcher,
  type TestRegistry,
} from '../helpers/registry';
import { startRelayedEngine } from '../helpers/engine-relay';
import { createBackend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import { TcpRelay } from '../helpers/tcp-relay';

const LAYER_MB = 50;
let registry: TestRegistry;
let config: Awaited<ReturnType<typeof privateDockerConfig>>;
let berth: RecordingDispatcher;
let bigRef: string;
let smallRef: string;

async function imageExists(ref: string): Promise<boolean> {
  return (await dockerCli(['image', 'inspect', ref])).code === 0;
}

async function removeImage(ref: string): Promise<void> {
  await dockerCli(['image', 'rm', '-f', ref]);
}

beforeAll(async () => {
  config = await privateDockerConfig();
  registry = await startRegistry();
  bigRef = `${registry.host}/berth-test/big:1`;
  smallRef = `${registry.host}/berth-test/small:1`;
  await pushRandomImage(dockerHost(), bigRef, LAYER_MB);
  await pushTaggedImage(dockerHost(), testImage, smallRef);
  berth = recordingDispatcher();
}, 300_000);

afterAll(async () => {
  berth?.close();
  await removeTestContainers();
  for (const ref of [bigRef, smallRef]) if (ref) await removeImage(ref);
  await registry?.stop();
  await config?.restore();
});

/**
 * Starts a pull of the big image through a relay in front of the registry that holds its bytes once
 * 5 MiB went through; resolves when it holds (the pull is then mid-way until `relay.release()`).
 */
async function pullHeldMidway(): Promise<{ relay: TcpRelay; ref: string; taskId: string }> {
  const relay = new TcpRelay(registry.port);
  await relay.up();
  const ref = `${relay.host}/berth-test/big:1`;
  await removeImage(bigRef); // else its layer "already exists" and nothing is downloaded
  const held = relay.holdAfterBytes(5 * 1024 * 1024);
  const { taskId } = await berth.call<{ taskId: string }>('images.pull', { reference: ref });
  await held;
  return { relay, ref, taskId };
}

describe('images.pull', () => {
  it('pulls with per-layer progress that rises to the total, then names the image', { timeout: 120_000 }, async () => {
    // Through a relay that holds the registry's bytes mid-way: a local pull can be over before a
    // second progress frame is due, so the middle of the pull is made to last until it was seen.
    const { relay, ref, taskId } = await pullHeldMidway();
    try {
      const midway = (): boolean =>
        berth.task(taskId)?.layers.some((l) => l.phase === 'downloading' && l.currentBytes > 0 && l.currentBytes < (l.totalBytes ?? 0)) ?? false;
      await waitFor(midway, { timeout: 30_000, message: 'a layer shown part-way downloaded while the relay holds the pull' });
      relay.release();
      const task = await berth.settled(taskId);
      expect(task.phase, JSON.stringify(task.error)).toBe('done');
      expect(task.commandLine).toBe(`docker pull ${ref}`);
      const inspected = await docker().getImage(ref).inspect();
      expect(task.result?.imageId).toBe(inspected.Id);
      expect(task.result?.sizeBytes).toBe(inspected.Size);
      expect(task.result?.digest).toMatch(/^sha256:[0-9a-f]{64}$/);

      const frames = berth.taskFrames.map((list) => list.find((t) => t.taskId === taskId)).filter((t): t is RegistryTask => t !== undefined);
      const layerId = task.layers.reduce((a, b) => ((a.totalBytes ?? 0) >= (b.totalBytes ?? 0) ? a : b)).id;
      const big = frames.map((f) => f.layers.find((l) => l.id === layerId)).filter((l) => l?.phase === 'downloading');
      expect(big.length).toBeGreaterThan(0);
      for (let i = 1; i < big.length; i++) expect(big[i]!.currentBytes).toBeGreaterThanOrEqual(big[i - 1]!.currentBytes);
      expect(big[0]!.totalBytes!).toBeGreaterThan(LAYER_MB * 1024 * 1024 * 0.9);
      expect(task.layers.find((l) => l.id === layerId)?.phase).toBe('done');
      // Overall bytes rise to the total as well.
      const byteSeries = frames.map((f) => f.bytes);
      for (let i = 1; i < byteSeries.length; i++) expect(byteSeries[i]!).toBeGreaterThanOrEqual(byteSeries[i - 1]!);
      expect(task.bytes).toBe(task.totalBytes);
      // At most ten frames a second, however many messages the engine sent (the frames are ≥ 110 ms
      // apart, so the count is bounded by the time the task was listed, first and last frame included).
      const seconds = (task.endedAt! - task.startedAt) / 1000;
      expect(frames.length).toBeLessThanOrEqual(Math.floor(seconds / 0.11) + 2);
    } finally {
      await relay.cut();
      await removeImage(ref);
    }
  });

  it('says plainly when the tag or the repository is unknown', async () => {
    const missingTag = `${registry.host}/berth-test/big:nope`;
    const tagTask = await berth.settled((await berth.call<{ taskId: string }>('images.pull', { reference: missingTag })).taskId);
    expect(tagTask.phase).toBe('failed');
    expect(tagTask.error?.code).toBe('NOT_FOUND');
    expect(tagTask.error?.message).toBe(`${missingTag} is not in the registry ${registry.host}: unknown repository or tag.`);
    const missingRepo = `${registry.host}/berth-test/nothing-here:1`;
    const repoTask = await berth.settled((await berth.call<{ taskId: string }>('images.pull', { reference: missingRepo })).taskId);
    expect(repoTask.error?.code).toBe('NOT_FOUND');
  });

  it('pulls for a platform, shown in the CLI line', async () => {
    const arch = (await docker().getImage(testImage).inspect()).Architecture;
    await removeImage(smallRef);
    const ok = await berth.settled((await berth.call<{ taskId: string }>('images.pull', { reference: smallRef, platform: `linux/${arch}` })).taskId);
    expect(ok.phase, JSON.stringify(ok.error)).toBe('done');
    expect(ok.commandLine).toBe(`docker pull --platform linux/${arch} ${smallRef}`);
    // A wrong platform: engines before 23 pull a single-platform image anyway, so only the mapping
    // of the newer engines' refusal is tested (test/unit/registries/registry-errors.test.ts).
  });

  it('refuses a bad reference before starting anything', async () => {
    const outcome = await berth.invoke('images.pull', { reference: 'Bad Name' });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('INVALID_INPUT');
  });

  it('cancel mid-pull stops the engine and leaves no image', { timeout: 120_000 }, async () => {
    const { relay, ref, taskId } = await pullHeldMidway();
    try {
      await waitFor(() => (berth.task(taskId)?.bytes ?? 0) > 0, { timeout: 30_000, message: 'some bytes before cancel' });
      expect(await berth.call('images.cancelTask', { taskId })).toEqual({ cancelled: true });
      const task = await berth.settled(taskId);
      expect(task.phase).toBe('cancelled');
      expect(task.error?.code).toBe('CANCELLED');
      // Let the registry's bytes flow again: the engine, no longer pulling, closes the layer's
      // download instead of finishing it (its read, held by the relay, only now returns).
      relay.release();
      await waitFor(() => relay.busiest()?.closed, { timeout: 30_000, message: 'the engine to close the download' });
      expect(relay.busiest()!.bytes).toBeLessThan(LAYER_MB * 1024 * 1024 * 0.8);
      expect(await imageExists(ref)).toBe(false);
      expect(berth.taskFrames.at(-1)?.find((t) => t.taskId === taskId)?.phase).toBe('cancelled');
      const again = await berth.invoke('images.cancelTask', { taskId });
      expect(again).toEqual({ ok: true, result: { cancelled: false } });
    } finally {
      await relay.cut();
      await removeImage(ref);
    }
  });

  it('a registry killed mid-pull gives a plain error and no image', async () => {
    // A registry of its own, killed (SIGKILL) while the relay holds the pull mid-way.
    const doomed = await startRegistry();
    const relay = new TcpRelay(doomed.port);
    await relay.up();
    const ref = `${relay.host}/berth-test/doomed:1`;
    try {
      await pushRandomImage(dockerHost(), `${doomed.host}/berth-test/doomed:1`, 20);
      const held = relay.holdAfterBytes(5 * 1024 * 1024);
      const { taskId } = await berth.call<{ taskId: string }>('images.pull', { reference: ref });
      await held;
      await doomed.kill();
      await relay.cut();
      // The engine retries a broken download a few times (5 s, 10 s, …) before it gives up.
      const task = await berth.settled(taskId, 230_000);
      expect(task.phase).toBe('failed');
      expect(task.error?.code).toBe('REGISTRY_UNAVAILABLE');
      expect(task.error?.message).toMatch(
        new RegExp(`^The registry ${relay.host.replace(/\./g, '\\.')} is not reachable from the engine \\(.*connection refused\\)\\.$`),
      );
      expect(await imageExists(ref)).toBe(false);
      const listed = await berth.call<Array<{ repoTags: string[] }>>('images.list', {});
      expect(listed.some((image) => image.repoTags.some((tag) => tag.startsWith(relay.host)))).toBe(false);
    } finally {
      await relay.cut();
      await doomed.stop();
    }
  }, 250_000);

  it('an engine that goes away mid-pull ends the task with a plain error', { timeout: 120_000 }, async () => {
    const relay = new TcpRelay(registry.port);
    await relay.up();
    const relayed = await startRelayedEngine('berth-registry-engine');
    const ref = `${relay.host}/berth-test/big:1`;
    await removeImage(bigRef);
    try {
      const dispatcher = createBackend({ engine: relayed.engine, host: webHost }).dispatcher;
      let last: RegistryTask[] = [];
      const subscription = dispatcher.subscribe('images.tasks', {}, (frame) => {
        if (frame.kind === 'data') last = frame.message as RegistryTask[];
      });
      if (!subscription.ok) throw new Error(subscription.error.message);
      const held = relay.holdAfterBytes(5 * 1024 * 1024);
      const started = await dispatcher.invoke('images.pull', { reference: ref });
      if (!started.ok) throw new Error(started.error.message);
      const { taskId } = started.result as { taskId: string };
      await held;
      await relayed.relay.down();
      const task = await waitFor(() => last.find((t) => t.taskId === taskId && t.phase !== 'running'), { timeout: 30_000 });
      expect(task.phase).toBe('failed');
      expect(task.error).toEqual({ code: 'ENGINE_UNAVAILABLE', message: `The engine went away during the pull of ${ref}; nothing was completed.` });
      subscription.close();
      // The engine's own pull ends with its client: let the bytes flow and see the download dropped.
      relay.release();
      await waitFor(() => relay.busiest()?.closed, { timeout: 30_000, message: 'the engine to close the download' });
      expect(await imageExists(ref)).toBe(false);
    } finally {
      await relayed.stop();
      await relay.cut();
      await removeImage(ref);
    }
  });

  it('cancelTask of an unknown task is NOT_FOUND', async () => {
    const outcome = await berth.invoke('images.cancelTask', { taskId: `r${'0'.repeat(24)}` });
    expect(outcome.ok ? 'ok' : outcome.error.code).toBe('NOT_FOUND');
  });
});

describe('run and create pull what is missing', () => {
  const spec = (pull?: 'missing' | 'always' | 'never') => ({
    image: smallRef,
    command: ['sleep', '30'],
    labels: { ...TEST_LABELS },
    ...(pull ? { pull } : {}),
  });

  it('run with a missing image pulls it (a task on images.tasks), then starts the container', async () => {
    await removeImage(smallRef);
    const created = await berth.call<CreatedContainer>('containers.run', spec());
    expect(created.pulled?.taskId).toMatch(/^r[0-9a-f]{24}$/);
    const task = berth.task(created.pulled!.taskId) ?? (await berth.settled(created.pulled!.taskId));
    expect(task.origin).toBe('run');
    expect(task.kind).toBe('pull');
    const state = await docker().getContainer(created.id).inspect();
    expect(state.State.Running).toBe(true);
    expect(created.pulled?.imageId).toBe(state.Image);
  });

  it('missing does not pull an image that is there; always does; never refuses a missing one', async () => {
    const present = await berth.call<CreatedContainer>('containers.create', spec());
    expect(present.pulled).toBeUndefined();
    const always = await berth.call<CreatedContainer>('containers.create', spec('always'));
    expect(always.pulled?.taskId).toBeDefined();
    await removeImage(smallRef);
    const never = await berth.invoke('containers.create', spec('never'));
    expect(never.ok).toBe(false);
    if (!never.ok) {
      expect(never.error.code).toBe('NOT_FOUND');
      expect(never.error.message).toBe(`Image ${smallRef} is not on this engine. Pull or import it first (--pull never).`);
    }
  });

  it("a pull that fails fails the run with the pull's message, and creates nothing", async () => {
    const before = (await docker().listContainers({ all: true })).length;
    const outcome = await berth.invoke('containers.run', { ...spec(), image: `${registry.host}/berth-test/small:missing` });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('NOT_FOUND');
    expect((await docker().listContainers({ all: true })).length).toBe(before);
  });
});

describe('images.tag and images.history', () => {
  it('tags an image and lists its history as docker image history does', async () => {
    const tagged = await berth.call<{ reference: string; commandLine: string }>('images.tag', {
      source: testImage,
      repository: 'berth-test/tagged',
      tag: 'v1',
    });
    expect(tagged).toEqual({ reference: 'berth-test/tagged:v1', commandLine: `docker tag ${testImage} berth-test/tagged:v1` });
    expect(await imageExists('berth-test/tagged:v1')).toBe(true);
    const history = await berth.call<Array<{ id: string; createdBy: string; sizeBytes: number }>>('images.history', { id: 'berth-test/tagged:v1' });
    const cli = await dockerCli(['image', 'history', '--no-trunc', '--human=false', '--format', '{{.ID}}\t{{.Size}}\t{{.CreatedBy}}', 'berth-test/tagged:v1']);
    const rows = cli.stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t'));
    expect(history.map((h) => [h.id, String(h.sizeBytes)])).toEqual(rows.map((r) => [r[0], r[1]]));
    await removeImage('berth-test/tagged:v1');
  });

  it('tag and history of a missing image are NOT_FOUND; a bad tag is INVALID_INPUT', async () => {
    const tag = await berth.invoke('images.tag', { source: 'berth-test/nope:1', repository: 'berth-test/x' });
    expect(tag.ok ? 'ok' : tag.error.code).toBe('NOT_FOUND');
    const history = await berth.invoke('images.history', { id: 'berth-test/nope:1' });
    expect(history.ok ? 'ok' : history.error.code).toBe('NOT_FOUND');
    const bad = await berth.invoke('images.tag', { source: testImage, repository: 'berth-test/x', tag: '-bad' });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('INVALID_INPUT');
  });
});
