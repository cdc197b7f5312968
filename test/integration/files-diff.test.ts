// `docker diff` and a changed file against its image's version, on the real engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineDiffSync } from '../../src/shared/files/line-diff';
import type { ContainerChange, FileDiff } from '../../src/shared/types/files';
import { dockerCli, removeTestContainers } from '../helpers/engine';
import { createHarness } from './dispatch-harness';
import { createdContainer, runningContainer, seed, temporaryContainers } from './files-support';

const harness = createHarness();
let box: { id: string; name: string };
let imagePasswd: string;

beforeAll(async () => {
  box = await runningContainer('files-diff');
  imagePasswd = (await dockerCli(['exec', box.id, 'cat', '/etc/passwd'])).stdout;
  const script = [
    "sed -i 's/^nobody:.*/nobody:x:65534:65534:nobody:\\/nonexistent:\\/bin\\/false/' /etc/passwd",
    "echo 'app:x:1000:1000::/home/app:/bin/sh' >> /etc/passwd",
    'rm /etc/group',
    "printf 'hello\\n' > /etc/added.txt",
    'cp /bin/busybox /root/copy-of-busybox',
  ].join(' && ');
  const result = await dockerCli(['exec', box.id, 'sh', '-c', script]);
  expect(result.code, result.stderr).toBe(0);
});

afterAll(async () => {
  harness.stop();
  await removeTestContainers();
});

describe('docker diff', () => {
  it('lists added, changed and deleted paths', async () => {
    const changes = await harness.invoke<ContainerChange[]>('containers.diff', { id: box.name });
    expect(changes).toEqual(
      expect.arrayContaining([
        { path: '/etc', kind: 'changed' },
        { path: '/etc/passwd', kind: 'changed' },
        { path: '/etc/group', kind: 'deleted' },
        { path: '/etc/added.txt', kind: 'added' },
        { path: '/root/copy-of-busybox', kind: 'added' },
      ]),
    );
  });

  it('an untouched container has no changes, and a missing one is NOT_FOUND', async () => {
    const fresh = await createdContainer('files-diff-fresh');
    expect(await harness.invoke('containers.diff', { id: fresh.id })).toEqual([]);
    expect(await harness.outcome('containers.diff', { id: 'berth-test-gone' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('a file against the image', () => {
  it('a changed text file shows exactly the lines that changed', async () => {
    const diff = await harness.invoke<FileDiff>('files.diffWithImage', { id: box.id, path: '/etc/passwd' });
    expect(diff.image).toMatchObject({ state: 'text', text: imagePasswd, truncated: false });
    expect(diff.container.state).toBe('text');
    if (diff.image.state !== 'text' || diff.container.state !== 'text') return;
    const lines = lineDiffSync(diff.image.text, diff.container.text);
    expect(lines.lines.filter((line) => line.kind === 'removed').map((line) => line.text)).toEqual([
      imagePasswd.split('\n').find((line) => line.startsWith('nobody:')),
    ]);
    expect(lines.lines.filter((line) => line.kind === 'added').map((line) => line.text)).toEqual([
      'nobody:x:65534:65534:nobody:/nonexistent:/bin/false',
      'app:x:1000:1000::/home/app:/bin/sh',
    ]);
    const root = lines.lines.find((line) => line.text.startsWith('root:'));
    expect(root).toMatchObject({ kind: 'same', oldNo: 1, newNo: 1 });
    expect(await temporaryContainers()).toEqual([]);
  });

  it('an added file has no image side; a deleted one no container side', async () => {
    const added = await harness.invoke<FileDiff>('files.diffWithImage', { id: box.id, path: '/etc/added.txt' });
    expect(added).toMatchObject({ image: { state: 'missing' }, container: { state: 'text', text: 'hello\n' } });
    const deleted = await harness.invoke<FileDiff>('files.diffWithImage', { id: box.id, path: '/etc/group' });
    expect(deleted.container).toEqual({ state: 'missing' });
    expect(deleted.image.state).toBe('text');
  });

  it('binary files give sizes only, and a folder says so', async () => {
    const binary = await harness.invoke<FileDiff>('files.diffWithImage', { id: box.id, path: '/root/copy-of-busybox' });
    expect(binary.image).toEqual({ state: 'missing' });
    expect(binary.container).toMatchObject({ state: 'binary' });
    if (binary.container.state === 'binary') expect(binary.container.size).toBeGreaterThan(1_000_000);
    expect(binary.container).not.toHaveProperty('text');
    const folder = await harness.invoke<FileDiff>('files.diffWithImage', { id: box.id, path: '/etc' });
    expect(folder).toMatchObject({ image: { state: 'directory' }, container: { state: 'directory' } });
  });

  it('caps a large text file and says so', async () => {
    const stopped = await createdContainer('files-diff-large');
    await seed(stopped.id, '/', [{ name: 'big.txt', body: 'line\n'.repeat(400_000) }]);
    const diff = await harness.invoke<FileDiff>('files.diffWithImage', { id: stopped.id, path: '/big.txt' });
    expect(diff.container).toMatchObject({ state: 'text', size: 2_000_000, truncated: true });
    if (diff.container.state === 'text') expect(diff.container.text.length).toBe(diff.limitBytes);
    expect(await temporaryContainers()).toEqual([]);
  });
});
