// system.df against the real engine: the lists hold what this file made (an image, a container that
// wrote bytes, a volume with a file), the totals are what `docker system df` prints for the same
// engine, and each prune preview (images, volumes, build cache) names what the prune then removes.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../src/main/backend';
import { createEngine } from '../../src/main/engine/core/engine';
import { webHost } from '../../src/main/host';
import { builderPruneCommand, systemDfCommand } from '../../src/shared/cli/system';
import type { ImagePrunePreview, ImagePruneResult } from '../../src/shared/types/images';
import type { BuildCachePrunePreview, BuildCachePruneResult, DiskUsage, DiskUsageCategory } from '../../src/shared/types/system';
import type { VolumePrunePreview, VolumePruneResult } from '../../src/shared/types/volumes';
import { runShellLine } from '../helpers/cli-line';
import { docker, dockerCli, removeTestContainers, TEST_LABELS, testImage, uniqueName } from '../helpers/engine';
import { tarOf } from '../helpers/tar-fixture';

const dispatcher = createBackend({ engine: createEngine(), host: webHost }).dispatcher;
const TAG = uniqueName('df');
const LABEL = `berth.test.df=${TAG}`;
const volumes: string[] = [];
const images: string[] = [];

async function call<T>(channel: string, input: unknown): Promise<T> {
  const outcome = await dispatcher.invoke(channel, input);
  if (!outcome.ok) throw new Error(`${channel}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as T;
}

/** Runs `script` in a new container of the test image until it exits; the container stays (stopped). */
async function ranContainer(script: string, binds: string[] = []): Promise<string> {
  const container = await docker().createContainer({
    Image: testImage,
    name: uniqueName('df-run'),
    Cmd: ['sh', '-c', script],
    Labels: { ...TEST_LABELS },
    HostConfig: { Binds: binds },
  });
  await container.start();
  const { StatusCode } = (await container.wait()) as { StatusCode: number };
  expect(StatusCode).toBe(0);
  return container.id;
}

/** An image of its own: the test image with a file of `bytes` random bytes, committed (untagged when no repository). */
async function committedImage(bytes: number, repository?: string, label = LABEL): Promise<string> {
  const id = await ranContainer(`head -c ${bytes} /dev/urandom > /blob`);
  const answer = (await docker()
    .getContainer(id)
    .commit({ ...(repository ? { repo: repository, tag: '1' } : {}), changes: [`LABEL ${label}`] })) as { Id: string };
  await docker().getContainer(id).remove({ force: true });
  images.push(answer.Id);
  return answer.Id;
}

/** go-units' HumanSize, as the docker CLI prints sizes: decimal units, 4 significant digits. */
function humanSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let size = bytes;
  let unit = 0;
  while (size >= 1000 && unit < units.length - 1) {
    size /= 1000;
    unit++;
  }
  return `${Number(size.toPrecision(4))}${units[unit]}`;
}

afterAll(async () => {
  await removeTestContainers();
  for (const name of volumes)
    await docker()
      .getVolume(name)
      .remove({ force: true })
      .catch(() => undefined);
  for (const id of images)
    await docker()
      .getImage(id)
      .remove({ force: true })
      .catch(() => undefined);
});

describe('system.df', () => {
  let imageId: string;
  let writerId: string;
  let volumeName: string;
  let usage: DiskUsage;

  beforeAll(async () => {
    imageId = await committedImage(150_000, `berth-test/${TAG}`);
    writerId = await ranContainer('head -c 300000 /dev/urandom > /written');
    volumeName = `${TAG}-vol`;
    await docker().createVolume({ Name: volumeName, Labels: { ...TEST_LABELS } });
    volumes.push(volumeName);
    const filler = await ranContainer('head -c 200000 /dev/urandom > /data/file', [`${volumeName}:/data`]);
    await docker().getContainer(filler).remove({ force: true });
    usage = await call<DiskUsage>('system.df', {});
  }, 60_000);

  it('lists the image made, with its size and no container using it', () => {
    const image = usage.images.find((row) => row.id === imageId);
    expect(image?.repoTags).toEqual([`berth-test/${TAG}:1`]);
    expect(image?.containers).toBe(0);
    expect(image?.uniqueSizeBytes).toBeGreaterThanOrEqual(150_000);
    expect(image?.sharedSizeBytes).toBe((image?.sizeBytes ?? 0) - (image?.uniqueSizeBytes ?? 0));
  });

  it('lists the container with the bytes it wrote as its writable layer, stopped', () => {
    const container = usage.containers.find((row) => row.id === writerId);
    expect(container?.state).toBe('exited');
    expect(container?.sizeRw).toBeGreaterThanOrEqual(300_000);
    expect(container?.sizeRw).toBeLessThan(310_000);
    expect(container?.sizeRootFs).toBeGreaterThan(container?.sizeRw ?? 0);
  });

  it('lists the volume with the file in it and no container linked', () => {
    const volume = usage.volumes.find((row) => row.name === volumeName);
    expect(volume).toMatchObject({ driver: 'local', links: 0 });
    expect(volume?.sizeBytes).toBeGreaterThanOrEqual(200_000);
    expect(volume?.sizeBytes).toBeLessThan(210_000);
  });

  it('has totals that count the lists', () => {
    expect(usage.totals.images.count).toBe(usage.images.length);
    expect(usage.totals.containers.count).toBe(usage.containers.length);
    expect(usage.totals.volumes.count).toBe(usage.volumes.length);
    expect(usage.totals.containers.reclaimableBytes).toBeGreaterThanOrEqual(300_000);
    expect(usage.totals.volumes.reclaimableBytes).toBeGreaterThanOrEqual(200_000);
  });

  it('computes count, active, size and reclaimable exactly as `docker system df` prints them for the same engine', async () => {
    // A running container that uses the image made here: the image becomes active and its unique
    // size leaves the reclaimable space; the running container's layer is not reclaimable.
    const running = await docker().createContainer({ Image: imageId, name: uniqueName('df-live'), Cmd: ['sleep', '3600'], Labels: { ...TEST_LABELS } });
    await running.start();
    await docker().createContainer({
      Image: testImage,
      name: uniqueName('df-user'),
      Cmd: ['true'],
      Labels: { ...TEST_LABELS },
      HostConfig: { Binds: [`${volumeName}:/data`] },
    });
    const [ours, cli] = [await call<DiskUsage>('system.df', {}), await dockerCli(['system', 'df', '--format', '{{json .}}'])];
    expect(cli.code, cli.stderr).toBe(0);
    const rows = cli.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { Type: string; TotalCount: string; Active: string; Size: string; Reclaimable: string });
    const byType: Record<string, DiskUsageCategory> = { Images: 'images', Containers: 'containers', 'Local Volumes': 'volumes', 'Build Cache': 'buildCache' };
    expect(rows.map((row) => row.Type).sort()).toEqual(Object.keys(byType).sort());
    for (const row of rows) {
      const totals = ours.totals[byType[row.Type]!];
      const reclaimable = humanSize(totals.reclaimableBytes);
      expect({ type: row.Type, count: row.TotalCount, active: row.Active, size: row.Size, reclaimable: row.Reclaimable }).toEqual({
        type: row.Type,
        count: String(totals.count),
        active: String(totals.active),
        size: humanSize(totals.sizeBytes),
        reclaimable: row.Type === 'Build Cache' || totals.sizeBytes === 0 ? reclaimable : `${reclaimable} (${totals.reclaimablePercent}%)`,
      });
    }
    const image = ours.images.find((row) => row.id === imageId);
    expect(image?.containers).toBe(1);
    expect(ours.volumes.find((row) => row.name === volumeName)?.links).toBe(1);
    expect(ours.totals.containers.active).toBeGreaterThanOrEqual(1);
    await removeTestContainers();
  }, 60_000);

  it('names its CLI line, which the docker CLI runs', async () => {
    expect(systemDfCommand(true)).toBe('docker system df -v');
    const shell = await runShellLine(systemDfCommand(true));
    expect(shell.code, shell.stderr).toBe(0);
    expect(shell.stdout.toString()).toContain(volumeName);
  });
});

describe('prune previews name what the prune removes', () => {
  it('images: dangling ones by default, every unused one with all; a used one never', async () => {
    const label = `${LABEL}-prune`;
    const dangling = await committedImage(10_000, undefined, label);
    const tagged = await committedImage(20_000, `berth-test/${TAG}-tagged`, label);
    const used = await committedImage(30_000, `berth-test/${TAG}-used`, label);
    await docker().createContainer({ Image: used, name: uniqueName('df-keep'), Cmd: ['true'], Labels: { ...TEST_LABELS } });

    const danglingPreview = await call<ImagePrunePreview>('images.prunePreview', { labels: [label] });
    expect(danglingPreview.images.map((image) => image.id)).toEqual([dangling]);
    expect(danglingPreview.spaceReclaimable).toBeGreaterThanOrEqual(10_000);
    const allPreview = await call<ImagePrunePreview>('images.prunePreview', { labels: [label], all: true });
    expect(allPreview.images.map((image) => image.id).sort()).toEqual([dangling, tagged].sort());

    const pruned = await call<ImagePruneResult>('images.prune', { labels: [label] });
    expect(pruned.deleted).toContain(dangling);
    expect(pruned.deleted).not.toContain(tagged);
    const prunedAll = await call<ImagePruneResult>('images.prune', { labels: [label], all: true });
    expect(prunedAll.deleted).toContain(tagged);
    expect(prunedAll.deleted).not.toContain(used);
    expect((await docker().getImage(used).inspect()).Id).toBe(used);
    expect((await call<ImagePrunePreview>('images.prunePreview', { labels: [label], all: true })).images).toEqual([]);
    await removeTestContainers();
  }, 60_000);

  it('volumes: the preview lists the unused volume with its size, and the prune removes exactly it', async () => {
    const name = `${TAG}-prunable`;
    await docker().createVolume({ Name: name, Labels: { ...TEST_LABELS, [LABEL.split('=')[0]!]: TAG } });
    volumes.push(name);
    const filler = await ranContainer('head -c 50000 /dev/urandom > /data/f', [`${name}:/data`]);
    await docker().getContainer(filler).remove({ force: true });
    const preview = await call<VolumePrunePreview>('volumes.prunePreview', { filters: { label: [LABEL], all: true } });
    expect(preview.volumes.map((volume) => volume.name)).toEqual([name]);
    expect(preview.spaceReclaimable).toBeGreaterThanOrEqual(50_000);
    const pruned = await call<VolumePruneResult>('volumes.prune', { filters: preview.filters });
    expect(pruned.removed).toEqual([name]);
  }, 60_000);

  it('build cache: a BuildKit build leaves records; the preview lists those the prune removes', async () => {
    const context = await tarOf([
      { name: 'Dockerfile', body: 'FROM scratch\nCOPY blob /blob\n' },
      { name: 'blob', body: Buffer.alloc(40_000, 7) },
    ]);
    const built = await docker().buildImage(Readable.from([context]), { version: '2', t: `berth-test/${TAG}-built:1` });
    const progress = await new Promise<unknown[]>((resolve, reject) =>
      docker().modem.followProgress(built, (err, output) => (err ? reject(err) : resolve(output))),
    );
    expect(JSON.stringify(progress)).not.toContain('"error"');
    images.push(`berth-test/${TAG}-built:1`);
    const usage = await call<DiskUsage>('system.df', {});
    expect(usage.buildCache.length).toBeGreaterThan(0);
    expect(usage.totals.buildCache.count).toBe(usage.buildCache.length);

    // Records used within ten years stay; the prune takes exactly what its preview listed.
    const recent = await call<BuildCachePrunePreview>('system.pruneBuildCachePreview', { all: true, until: '87600h' });
    expect(recent.items.every((item) => item.lastUsed === 0)).toBe(true);
    const prunedOld = await call<BuildCachePruneResult>('system.pruneBuildCache', { all: true, until: '87600h' });
    expect(prunedOld.removed.sort()).toEqual(recent.items.map((item) => item.id).sort());

    const preview = await call<BuildCachePrunePreview>('system.pruneBuildCachePreview', { all: true });
    expect(preview.items.length).toBeGreaterThan(0);
    const pruned = await call<BuildCachePruneResult>('system.pruneBuildCache', { all: true });
    expect(pruned.removed.sort()).toEqual(preview.items.map((item) => item.id).sort());
    expect(pruned.spaceReclaimed).toBe(preview.spaceReclaimable);
    expect((await call<DiskUsage>('system.df', {})).buildCache.filter((item) => !item.inUse)).toEqual([]);
    expect(builderPruneCommand({ all: true })).toBe('docker builder prune --force --all');
  }, 120_000);

  it('refuses unknown input plainly and changes nothing', async () => {
    const outcome = await dispatcher.invoke('system.pruneBuildCache', { all: 'yes' });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('INVALID_INPUT');
    const images = await dispatcher.invoke('images.prunePreview', { labels: ['=bad'] });
    expect(images.ok).toBe(false);
  });
});
