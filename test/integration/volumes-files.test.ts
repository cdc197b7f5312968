// files.list, files.stat and files.read with a volume as the target: a volume no container uses is
// read through a helper container that is created, never started and removed afterwards, also when
// the read fails; paths are the volume's own, and nothing outside the volume is shown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../src/main/backend';
import { createEngine } from '../../src/main/engine/core/engine';
import { webHost } from '../../src/main/host';
import type { DirectoryListing, FileContent, FileEntry } from '../../src/shared/types/files';
import { docker, removeTestContainers, TEST_LABELS, testImage, uniqueName } from '../helpers/engine';

const dispatcher = createBackend({ engine: createEngine(), host: webHost }).dispatcher;
const volume = uniqueName('browse');

async function call<T>(channel: string, input: unknown): Promise<T> {
  const outcome = await dispatcher.invoke(channel, input);
  if (!outcome.ok) throw new Error(`${channel}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as T;
}

/** Helper containers for this file's volume still on the engine (there must never be one after a call). */
const helpers = async (): Promise<string[]> =>
  (await docker().listContainers({ all: true, filters: { label: [`berth.volume-helper=${volume}`] } })).map((c) => c.Id);

beforeAll(async () => {
  await docker().createVolume({ Name: volume, Labels: { ...TEST_LABELS } });
  const writer = await docker().createContainer({
    Image: testImage,
    Cmd: ['sh', '-c', 'echo hello > /v/a.txt && mkdir -p /v/sub && echo deep > /v/sub/b.txt && ln -s /etc /v/escape && ln -s sub /v/inside'],
    Labels: { ...TEST_LABELS },
    HostConfig: { Binds: [`${volume}:/v`] },
  });
  await writer.start();
  await writer.wait();
  await writer.remove();
});

afterAll(async () => {
  await removeTestContainers();
  await docker()
    .getVolume(volume)
    .remove()
    .catch(() => undefined);
});

describe('files.* on a volume no container uses', () => {
  it('lists a folder with the volume’s own paths, and leaves no helper container', async () => {
    const root = await call<DirectoryListing>('files.list', { volume, path: '/' });
    expect(root.path).toBe('/');
    expect(root.entries.map((e) => [e.path, e.kind]).sort()).toEqual([
      ['/a.txt', 'file'],
      ['/escape', 'symlink'],
      ['/inside', 'symlink'],
      ['/sub', 'directory'],
    ]);
    const sub = await call<DirectoryListing>('files.list', { volume, path: '/sub' });
    expect(sub.entries.map((e) => e.path)).toEqual(['/sub/b.txt']);
    // A link to a folder inside the volume is followed, as in a container.
    expect((await call<DirectoryListing>('files.list', { volume, path: '/inside' })).path).toBe('/sub');
    expect(await helpers()).toEqual([]);
  });

  it('reads a file and stats a path', async () => {
    const content = await call<FileContent>('files.read', { volume, path: '/sub/b.txt' });
    expect(content).toMatchObject({ path: '/sub/b.txt', kind: 'text', text: 'deep\n' });
    expect(await call<FileEntry>('files.stat', { volume, path: '/a.txt' })).toMatchObject({ path: '/a.txt', kind: 'file', size: 6 });
    expect(await helpers()).toEqual([]);
  });

  it('refuses what would leave the volume, a missing path and a missing volume in plain words, leaving no helper', async () => {
    const escape = await dispatcher.invoke('files.list', { volume, path: '/escape' });
    expect(escape).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!escape.ok) expect(escape.error.message).toBe(`That path leads outside volume ${volume} (through a link): Berth shows only the volume's own files.`);
    const dotdot = await dispatcher.invoke('files.read', { volume, path: '/../../etc/passwd' });
    expect(dotdot).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const missing = await dispatcher.invoke('files.read', { volume, path: '/nope.txt' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!missing.ok) {
      expect(missing.error.message).toContain(`/nope.txt`);
      expect(missing.error.message).toContain(`volume ${volume}`);
      expect(missing.error.message).not.toMatch(/berth-volume|[0-9a-f]{12}/);
    }
    const noVolume = await dispatcher.invoke('files.list', { volume: 'berth-test-no-such-volume', path: '/' });
    expect(noVolume).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no volume named berth-test-no-such-volume on this engine.' } });
    expect(await helpers()).toEqual([]);
  });

  it('takes a container or a volume, not both and not neither', async () => {
    expect(await dispatcher.invoke('files.list', { volume, id: 'x1', path: '/' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatcher.invoke('files.stat', { path: '/' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
