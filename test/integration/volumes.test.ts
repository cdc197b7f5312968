// volumes.* against the real engine: each action checked with the docker CLI, each refusal in plain
// words and changing nothing; the prune preview names exactly what the prune then removes.
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../src/main/backend';
import { createEngine } from '../../src/main/engine/core/engine';
import { webHost } from '../../src/main/host';
import { volumeCreateCommand, volumePruneCommand, volumeRemoveCommand } from '../../src/shared/cli/volumes';
import type { VolumePrunePreview, VolumePruneResult, VolumeSummary } from '../../src/shared/types/volumes';
import { runShellLine } from '../helpers/cli-line';
import { docker, dockerCli, removeTestContainers, TEST_LABELS, testImage, uniqueName } from '../helpers/engine';

const dispatcher = createBackend({ engine: createEngine(), host: webHost }).dispatcher;
const made: string[] = [];
// Other test files make and remove volumes on the same engine meanwhile: comparisons with the whole
// engine's list look only at this file's volumes, which all start with TAG.
const TAG = uniqueName('voltest');
let counter = 0;
const volumeName = (what: string): string => `${TAG}-${what}-${++counter}`;

afterAll(async () => {
  await removeTestContainers();
  for (const name of made)
    await docker()
      .getVolume(name)
      .remove({ force: true })
      .catch(() => undefined);
});

async function call<T>(channel: string, input: unknown): Promise<T> {
  const outcome = await dispatcher.invoke(channel, input);
  if (!outcome.ok) throw new Error(`${channel}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as T;
}

async function volume(labels: Record<string, string> = {}): Promise<string> {
  const name = volumeName('vol');
  await docker().createVolume({ Name: name, Labels: { ...TEST_LABELS, ...labels } });
  made.push(name);
  return name;
}

async function userOf(volumeName: string, options: { start?: boolean } = {}): Promise<string> {
  const name = uniqueName('voluser');
  const created = await docker().createContainer({
    Image: testImage,
    name,
    Cmd: ['sleep', '3600'],
    Labels: { ...TEST_LABELS },
    HostConfig: { Binds: [`${volumeName}:/data`] },
  });
  if (options.start) await created.start();
  return name;
}

/** This file's volumes (and with `all`, every volume) as `docker volume ls` lists them. */
const cliVolumes = async (all = false): Promise<string[]> =>
  (await dockerCli(['volume', 'ls', '--format', '{{.Name}}'])).stdout.split('\n').filter((name) => name && (all || name.startsWith(TAG)));

describe('volumes.create', () => {
  it('creates with driver options and labels, as docker volume inspect shows, and its CLI line makes the same', async () => {
    const name = volumeName('made');
    made.push(name);
    const spec = { name, driver: 'local', driverOptions: { type: 'tmpfs', device: 'tmpfs', o: 'size=1m' }, labels: { ...TEST_LABELS, tier: 'a b' } };
    expect(await call('volumes.create', spec)).toEqual({ name });
    const inspected = JSON.parse((await dockerCli(['volume', 'inspect', name])).stdout) as Array<{
      Options: Record<string, string>;
      Labels: Record<string, string>;
    }>;
    expect(inspected[0]?.Options).toEqual(spec.driverOptions);
    expect(inspected[0]?.Labels).toEqual(spec.labels);

    const twin = volumeName('twin');
    made.push(twin);
    const line = volumeCreateCommand({ ...spec, name: twin });
    const shell = await runShellLine(line);
    expect(shell.code, shell.stderr).toBe(0);
    expect(shell.stdout.toString().trim()).toBe(twin);
    const twinInspect = JSON.parse((await dockerCli(['volume', 'inspect', twin])).stdout) as Array<{
      Options: Record<string, string>;
      Labels: Record<string, string>;
    }>;
    expect(twinInspect[0]?.Options).toEqual(spec.driverOptions);
    expect(twinInspect[0]?.Labels).toEqual(spec.labels);
  });

  it('creates an unnamed volume and answers its generated name', async () => {
    const { name } = await call<{ name: string }>('volumes.create', { labels: { ...TEST_LABELS } });
    made.push(name);
    expect(name).toMatch(/^[0-9a-f]{64}$/);
    expect(await cliVolumes(true)).toContain(name);
  });

  it('refuses a bad name, a taken name, an unknown driver and an unknown option, in plain words, making nothing', async () => {
    const before = await cliVolumes();
    const bad = await dispatcher.invoke('volumes.create', { name: 'no spaces', labels: { ...TEST_LABELS } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!bad.ok) expect(bad.error.message).toMatch(/letter or digit/);
    const slash = await dispatcher.invoke('volumes.create', { name: '/host/path' });
    expect(slash).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const taken = await volume({ owner: 'first' });
    const again = await dispatcher.invoke('volumes.create', { name: taken, labels: { owner: 'second' } });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: `A volume named ${taken} already exists.` } });

    // The engine looks for the plugin for about 15 s before it answers.
    const driver = await dispatcher.invoke('volumes.create', { name: volumeName('nodriver'), driver: 'berth-no-such-driver' });
    expect(driver).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!driver.ok) expect(driver.error.message).toMatch(/no volume driver named berth-no-such-driver/);

    const option = await dispatcher.invoke('volumes.create', { name: volumeName('badopt'), driverOptions: { bogus: '1' } });
    expect(option).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!option.ok) expect(option.error.message).toMatch(/invalid option/);
    expect((await cliVolumes()).sort()).toEqual([...before, taken].sort());
  });
});

describe('volumes.list', () => {
  it('lists the volumes docker volume ls lists, with their users by name, labels and created time', async () => {
    const used = await volume({ role: 'used' });
    const free = await volume();
    const runner = await userOf(used, { start: true });
    const stopped = await userOf(used);
    const list = await call<VolumeSummary[]>('volumes.list', {});
    expect(
      list
        .map((v) => v.name)
        .filter((name) => name.startsWith(TAG))
        .sort(),
    ).toEqual((await cliVolumes()).sort());
    const row = list.find((v) => v.name === used);
    expect(row).toMatchObject({ driver: 'local', labels: { ...TEST_LABELS, role: 'used' }, anonymous: false, scope: 'local' });
    expect(row?.usedBy).toEqual([runner, stopped].sort());
    expect(row?.mountpoint).toMatch(new RegExp(`/volumes/${used}/_data$`));
    expect(Math.abs((row?.created ?? 0) - Date.now() / 1000)).toBeLessThan(600);
    expect(row?.sizeBytes).toBeUndefined();
    expect(list.find((v) => v.name === free)?.usedBy).toEqual([]);
  });

  it('with size, gives each volume the size docker system df -v reports', async () => {
    const name = await volume();
    const box = await userOf(name);
    const written = await docker().createContainer({
      Image: testImage,
      Cmd: ['sh', '-c', 'head -c 300000 /dev/zero > /data/blob'],
      Labels: { ...TEST_LABELS },
      HostConfig: { Binds: [`${name}:/data`] },
    });
    await written.start();
    await written.wait();
    const list = await call<VolumeSummary[]>('volumes.list', { size: true });
    const row = list.find((v) => v.name === name);
    expect(row?.sizeBytes).toBeGreaterThanOrEqual(300_000);
    const df = JSON.parse((await dockerCli(['system', 'df', '-v', '--format', '{{json .Volumes}}'])).stdout) as Array<{ Name: string; Size: string }>;
    expect(df.some((v) => v.Name === name)).toBe(true);
    expect(row?.usedBy).toContain(box);
  });
});

describe('volumes.remove', () => {
  it('removes an unused volume, as docker volume ls then shows', async () => {
    const name = await volume();
    expect(await call('volumes.remove', { name })).toEqual({ name });
    expect(await cliVolumes()).not.toContain(name);
  });

  it('refuses while a container uses it, naming the containers, even with force, and keeps it', async () => {
    const name = await volume();
    const runner = await userOf(name, { start: true });
    const stopped = await userOf(name);
    for (const force of [false, true]) {
      const refused = await dispatcher.invoke('volumes.remove', { name, force });
      expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      if (!refused.ok) {
        expect(refused.error.message).toContain(runner);
        expect(refused.error.message).toContain(stopped);
        expect(refused.error.message).not.toMatch(/[0-9a-f]{64}/);
      }
    }
    expect(await cliVolumes()).toContain(name);
    // The CLI says the same (by id): docker does not remove it either.
    const cli = await runShellLine(volumeRemoveCommand([name], true));
    expect(cli.code).not.toBe(0);
    expect(cli.stderr).toMatch(/volume is in use/);
  });

  it('says plainly that a missing volume is not there; with force (as -f) that is no error', async () => {
    const missing = await dispatcher.invoke('volumes.remove', { name: 'berth-test-no-such-volume' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no volume named berth-test-no-such-volume on this engine.' } });
    expect(await call('volumes.remove', { name: 'berth-test-no-such-volume', force: true })).toEqual({ name: 'berth-test-no-such-volume' });
  });
});

describe('volumes.inspect', () => {
  it('answers the engine document, and NOT_FOUND in plain words for a missing volume', async () => {
    const name = await volume({ k: 'v' });
    const doc = await call<Record<string, unknown>>('volumes.inspect', { name });
    const cli = JSON.parse((await dockerCli(['volume', 'inspect', name])).stdout) as unknown[];
    expect(doc).toEqual(cli[0]);
    const missing = await dispatcher.invoke('volumes.inspect', { name: 'berth-test-no-such-volume' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no volume named berth-test-no-such-volume on this engine.' } });
    expect(await dispatcher.invoke('volumes.inspect', { name: '../etc' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('volumes.prunePreview and volumes.prune', () => {
  it('removes exactly what the preview showed: unused anonymous volumes only, unless all', async () => {
    const label = `berth.test.prune=${uniqueName('p')}`;
    const [key, value] = label.split('=') as [string, string];
    const named = await volume({ [key]: value });
    const usedNamed = await volume({ [key]: value });
    await userOf(usedNamed);
    const anonymous = (await call<{ name: string }>('volumes.create', { labels: { ...TEST_LABELS, [key]: value } })).name;
    made.push(anonymous);
    const filters = { label: [label], all: false };

    const preview = await call<VolumePrunePreview>('volumes.prunePreview', { filters });
    expect(preview.volumes.map((v) => v.name)).toEqual([anonymous]);
    expect(preview.filters).toEqual(filters);
    const pruned = await call<VolumePruneResult>('volumes.prune', { filters: preview.filters });
    expect(pruned.removed).toEqual([anonymous]);
    expect(pruned.spaceReclaimed).toBe(preview.spaceReclaimable);

    const all = { label: [label], all: true };
    const previewAll = await call<VolumePrunePreview>('volumes.prunePreview', { filters: all });
    expect(previewAll.volumes.map((v) => v.name)).toEqual([named]);
    const prunedAll = await call<VolumePruneResult>('volumes.prune', { filters: all });
    expect(prunedAll.removed).toEqual([named]);
    const left = await cliVolumes();
    expect(left).toContain(usedNamed);
    expect(left).not.toContain(named);
    expect(volumePruneCommand(all)).toBe(`docker volume prune --force --all --filter label=${label}`);
  });

  it('reports the space a volume with data frees', async () => {
    const label = `berth.test.prune=${uniqueName('s')}`;
    const [key, value] = label.split('=') as [string, string];
    const name = await volume({ [key]: value });
    const writer = await docker().createContainer({
      Image: testImage,
      Cmd: ['sh', '-c', 'head -c 200000 /dev/zero > /data/blob'],
      Labels: { ...TEST_LABELS },
      HostConfig: { Binds: [`${name}:/data`], AutoRemove: false },
    });
    await writer.start();
    await writer.wait();
    await writer.remove();
    const preview = await call<VolumePrunePreview>('volumes.prunePreview', { filters: { label: [label], all: true } });
    expect(preview.volumes.map((v) => v.name)).toEqual([name]);
    expect(preview.spaceReclaimable).toBeGreaterThanOrEqual(200_000);
    const pruned = await call<VolumePruneResult>('volumes.prune', { filters: preview.filters });
    expect(pruned).toEqual({ removed: [name], spaceReclaimed: pruned.spaceReclaimed });
    expect(pruned.spaceReclaimed).toBeGreaterThanOrEqual(200_000);
  });
});
