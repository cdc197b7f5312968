// rename, update, wait, prune (with its preview) and `ps --size` against the real engine: each
// command's effect checked with the docker CLI, and each failure in plain words, changing nothing.
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../src/main/backend';
import { createEngine } from '../../src/main/engine/core/engine';
import { webHost } from '../../src/main/host';
import type { ContainerPrunePreview, ContainerPruneResult, ContainerSummary } from '../../src/shared/types/containers';
import { docker, dockerCli, removeTestContainers, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';

const dispatcher = createBackend({ engine: createEngine(), host: webHost }).dispatcher;

afterAll(async () => {
  await removeTestContainers();
});

async function call<T>(channel: string, input: unknown): Promise<T> {
  const outcome = await dispatcher.invoke(channel, input);
  if (!outcome.ok) throw new Error(`${channel}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as T;
}

async function container(cmd: string[], options: { start?: boolean; labels?: Record<string, string> } = {}): Promise<{ id: string; name: string }> {
  const name = uniqueName('maint');
  const created = await docker().createContainer({ Image: testImage, name, Cmd: cmd, Labels: { ...TEST_LABELS, ...options.labels }, StopTimeout: 1 });
  if (options.start) await created.start();
  return { id: created.id, name };
}

const inspectField = async (id: string, format: string): Promise<string> => (await dockerCli(['inspect', '--format', format, id])).stdout.trim();

describe('containers.rename', () => {
  it('renames, as docker inspect then shows', async () => {
    const box = await container(['true']);
    const renamed = uniqueName('renamed');
    expect(await call('containers.rename', { id: box.id, name: renamed })).toEqual({ id: box.id });
    expect(await inspectField(box.id, '{{.Name}}')).toBe(`/${renamed}`);
  });

  it('refuses a name in use, a name the engine would refuse and a missing container, changing nothing', async () => {
    const first = await container(['true']);
    const second = await container(['true']);
    const taken = await dispatcher.invoke('containers.rename', { id: second.id, name: first.name });
    expect(taken).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!taken.ok) expect(taken.error.message).toMatch(/already in use/);
    const bad = await dispatcher.invoke('containers.rename', { id: second.id, name: 'no spaces allowed' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await inspectField(second.id, '{{.Name}}')).toBe(`/${second.name}`);
    const missing = await dispatcher.invoke('containers.rename', { id: 'berth-test-no-such-container', name: uniqueName('x') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('containers.update', () => {
  it('sets limits and the restart policy as `docker update` does on a twin container', async () => {
    const viaBerth = await container(['sleep', '600'], { start: true });
    const viaCli = await container(['sleep', '600'], { start: true });
    const result = await call<{ id: string; warnings: string[] }>('containers.update', {
      id: viaBerth.id,
      memoryBytes: 64 * 1024 * 1024,
      memorySwapBytes: 128 * 1024 * 1024,
      nanoCpus: 500_000_000,
      cpuShares: 512,
      pidsLimit: 100,
      restartPolicy: { name: 'on-failure', maximumRetryCount: 3 },
    });
    expect(result.id).toBe(viaBerth.id);
    const cli = await dockerCli([
      'update',
      '--memory',
      '64m',
      '--memory-swap',
      '128m',
      '--cpus',
      '0.5',
      '--cpu-shares',
      '512',
      '--pids-limit',
      '100',
      '--restart',
      'on-failure:3',
      viaCli.id,
    ]);
    expect(cli.code).toBe(0);
    const fields =
      '{{json .HostConfig.Memory}} {{json .HostConfig.MemorySwap}} {{json .HostConfig.NanoCpus}} {{json .HostConfig.CpuShares}} {{json .HostConfig.PidsLimit}} {{json .HostConfig.RestartPolicy}}';
    const berth = await inspectField(viaBerth.id, fields);
    expect(berth).toBe(await inspectField(viaCli.id, fields));
    expect(berth).toBe('67108864 134217728 500000000 512 100 {"MaximumRetryCount":3,"Name":"on-failure"}');
  });

  it('changes only what it names', async () => {
    const box = await container(['sleep', '600'], { start: true });
    await call('containers.update', { id: box.id, memoryBytes: 64 * 1024 * 1024, memorySwapBytes: 128 * 1024 * 1024 });
    await call('containers.update', { id: box.id, pidsLimit: 50 });
    expect(await inspectField(box.id, '{{.HostConfig.Memory}} {{.HostConfig.PidsLimit}}')).toBe('67108864 50');
  });

  it('passes on the engine refusing memory above the swap limit, and refuses an empty update, changing nothing', async () => {
    const box = await container(['sleep', '600'], { start: true });
    await call('containers.update', { id: box.id, memoryBytes: 64 * 1024 * 1024, memorySwapBytes: 96 * 1024 * 1024 });
    const above = await dispatcher.invoke('containers.update', { id: box.id, memoryBytes: 128 * 1024 * 1024 });
    expect(above).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!above.ok) expect(above.error.message).toMatch(/memoryswap/i);
    expect(await dispatcher.invoke('containers.update', { id: box.id, memoryBytes: 64 * 1024 * 1024, memorySwapBytes: 32 * 1024 * 1024 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/at least the memory limit/) },
    });
    // A field present but undefined (as an in-process caller may send) is no update either.
    expect(await dispatcher.invoke('containers.update', { id: box.id, memoryBytes: undefined })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatcher.invoke('containers.update', { id: box.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/at least one/) },
    });
    expect(await inspectField(box.id, '{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}}')).toBe('67108864 100663296');
    expect(await dispatcher.invoke('containers.update', { id: 'berth-test-no-such-container', pidsLimit: 5 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('says in words that a container uses more memory than the new limit, and keeps the old one', async () => {
    const box = await container(['sh', '-c', 'dd if=/dev/zero of=/dev/shm/fill bs=1M count=40 && touch /filled && exec sleep 600'], { start: true });
    await waitFor(async () => (await dockerCli(['exec', box.id, 'ls', '/filled'])).code === 0, { message: 'the container did not fill its memory' });
    const below = await dispatcher.invoke('containers.update', { id: box.id, memoryBytes: 8 * 1024 * 1024, memorySwapBytes: 16 * 1024 * 1024 });
    expect(below).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!below.ok) expect(below.error.message).toMatch(/uses \d+\.\d MiB, more than the new memory limit of 8\.0 MiB/);
    expect(await inspectField(box.id, '{{.HostConfig.Memory}}')).toBe('0');
    expect(await dispatcher.invoke('containers.update', { id: box.id, cpuShares: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('containers.wait', () => {
  it('answers with the exit code once the container stops, as docker wait does', async () => {
    const box = await container(['sh', '-c', 'exit 3'], { start: true });
    expect(await call('containers.wait', { id: box.id })).toEqual({ exitCode: 3 });
    expect((await dockerCli(['wait', box.id])).stdout.trim()).toBe('3');
  });

  it('waits for a running container until it is killed', async () => {
    const box = await container(['sleep', '600'], { start: true });
    const waiting = call<{ exitCode: number }>('containers.wait', { id: box.id });
    let settled = false;
    void waiting.then(() => (settled = true));
    // Still waiting while it runs: the engine answered nothing for a round trip of another command.
    await call('containers.list', { all: true });
    expect(settled).toBe(false);
    await docker().getContainer(box.id).kill();
    expect(await waiting).toEqual({ exitCode: 137 });
  });

  it('says NOT_FOUND for a missing container', async () => {
    expect(await dispatcher.invoke('containers.wait', { id: 'berth-test-no-such-container' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('containers.prunePreview and containers.prune', () => {
  it('previews exactly the stopped containers the filters take, and prune removes those', async () => {
    const run = uniqueName('prune');
    const labels = { 'berth.prune': run };
    const exited = await container(['true'], { start: true, labels });
    const created = await container(['true'], { labels });
    const running = await container(['sleep', '600'], { start: true, labels });
    const other = await container(['true'], { start: true, labels: { 'berth.prune': 'someone-else' } });
    await docker().getContainer(exited.id).wait();
    await docker().getContainer(other.id).wait();

    const preview = await call<ContainerPrunePreview & { filters: { label: string[] } }>('containers.prunePreview', {
      filters: { label: [`berth.prune=${run}`] },
    });
    expect(preview.containers.map((c) => c.id).sort()).toEqual([exited.id, created.id].sort());
    expect(preview.filters).toEqual({ label: [`berth.prune=${run}`] });

    const pruned = await call<ContainerPruneResult>('containers.prune', { filters: preview.filters });
    expect(pruned.removed.sort()).toEqual([exited.id, created.id].sort());
    expect(pruned.spaceReclaimed).toBe(preview.spaceReclaimable);
    const left = (await docker().listContainers({ all: true, filters: { label: ['berth.prune'] } })).map((c) => c.Id);
    expect(left).toContain(running.id);
    expect(left).toContain(other.id);
    expect(left).not.toContain(exited.id);
  });

  it('with label!=, keeps what has every excluded label, as the engine prune does', async () => {
    const run = uniqueName('prune-not');
    const base = { 'berth.prune': run };
    const plain = await container(['true'], { labels: base });
    const keepA = await container(['true'], { labels: { ...base, 'berth.keep': 'yes' } });
    const keepBoth = await container(['true'], { labels: { ...base, 'berth.keep': 'yes', 'berth.pin': '1' } });
    const keepOther = await container(['true'], { labels: { ...base, 'berth.keep': 'no' } });

    const one = await call<ContainerPrunePreview>('containers.prunePreview', { filters: { label: [`berth.prune=${run}`], labelNot: ['berth.keep=yes'] } });
    expect(one.containers.map((c) => c.id).sort()).toEqual([plain.id, keepOther.id].sort());
    // Two excludes: only a container with both is kept (the engine ANDs label! filters).
    const both = await call<ContainerPrunePreview & { filters: { label: string[]; labelNot?: string[] } }>('containers.prunePreview', {
      filters: { label: [`berth.prune=${run}`], labelNot: ['berth.keep', 'berth.pin'] },
    });
    expect(both.containers.map((c) => c.id).sort()).toEqual([plain.id, keepA.id, keepOther.id].sort());
    expect(both.filters.labelNot).toEqual(['berth.keep', 'berth.pin']);

    const pruned = await call<ContainerPruneResult>('containers.prune', { filters: both.filters });
    expect(pruned.removed.sort()).toEqual(both.containers.map((c) => c.id).sort());
    const left = (await docker().listContainers({ all: true, filters: { label: [`berth.prune=${run}`] } })).map((c) => c.Id);
    expect(left).toEqual([keepBoth.id]);
  });

  it('with until, takes only containers created before it, and says when that was as a time', async () => {
    const run = uniqueName('prune-until');
    const box = await container(['true'], { labels: { 'berth.prune': run } });
    const created = Math.floor(Date.parse((await docker().getContainer(box.id).inspect()).Created) / 1000);
    const before = await call<ContainerPrunePreview & { filters: { until?: string } }>('containers.prunePreview', {
      filters: { label: [`berth.prune=${run}`], until: String(created - 60) },
    });
    expect(before.containers).toEqual([]);
    const after = await call<ContainerPrunePreview>('containers.prunePreview', { filters: { label: [`berth.prune=${run}`], until: String(created + 1) } });
    expect(after.containers.map((c) => c.id)).toEqual([box.id]);
    const asked = Math.floor(Date.now() / 1000);
    const relative = await call<ContainerPrunePreview & { filters: { until?: string } }>('containers.prunePreview', {
      filters: { label: [`berth.prune=${run}`], until: '1h' },
    });
    expect(relative.containers).toEqual([]);
    expect(Number(relative.filters.until)).toBeGreaterThanOrEqual(asked - 3600);
    expect(Number(relative.filters.until)).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) - 3600);
    // The same resolved filters as the CLI line: docker container prune keeps it too.
    expect((await dockerCli(['container', 'prune', '--force', '--filter', `label=berth.prune=${run}`, '--filter', `until=${created - 60}`])).code).toBe(0);
    expect((await docker().listContainers({ all: true, filters: { id: [box.id] } })).length).toBe(1);
  });

  it('refuses an until it cannot read, and a bad label filter, before anything is removed', async () => {
    expect(await dispatcher.invoke('containers.prunePreview', { filters: { label: [], until: 'yesterday' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await dispatcher.invoke('containers.prune', { filters: { label: ['has space=x y'] } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});

describe('containers.list with size', () => {
  it('adds the writable layer and the whole size, the numbers docker inspect --size gives', async () => {
    const box = await container(['sh', '-c', 'head -c 1048576 /dev/zero > /big'], { start: true });
    await docker().getContainer(box.id).wait();
    const rows = await call<ContainerSummary[]>('containers.list', { all: true, size: true });
    const row = rows.find((r) => r.id === box.id);
    expect(row?.sizes?.sizeRw).toBeGreaterThanOrEqual(1_048_576);
    expect(String(row?.sizes?.sizeRw)).toBe((await dockerCli(['inspect', '--size', '--format', '{{.SizeRw}}', box.id])).stdout.trim());
    expect(String(row?.sizes?.sizeRootFs)).toBe((await dockerCli(['inspect', '--size', '--format', '{{.SizeRootFs}}', box.id])).stdout.trim());
    const plain = await call<ContainerSummary[]>('containers.list', { all: true });
    expect(plain.find((r) => r.id === box.id)?.sizes).toBeUndefined();
  });
});
