// files.listing and files.copyOut with a volume no container uses as the target: through a helper
// container that lives as long as the listing or the copy and is gone afterwards, whether the copy
// is done, fails or is cancelled half-way (a metered relay in front of the engine holds it there).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/main/engine/core/engine';
import type { CopyOutStart } from '../../src/shared/contract/files';
import { headlessFileHost } from '../../src/main/transfers/headless-host';
import type { ListingUpdate } from '../../src/shared/types/files';
import { copyOutCommand } from '../../src/shared/cli/files';
import { throughVolumeHelper, VOLUME_HELPER_NAME, volumeHelperPath } from '../../src/shared/cli/volumes';
import { engineSocket } from '../helpers/engine-relay';
import { docker, dockerCli, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { MeteredRelay } from '../helpers/metered-relay';
import { call, dispatcherFor, finalOf } from './images-support';

const MiB = 1024 * 1024;
let dir: string;
let savePath = '';
let openPaths: string[] = [];
const host = { ...headlessFileHost({ save: () => savePath }), chooseOpenPaths: async () => openPaths };
let relay: MeteredRelay;
let relayEngine: ReturnType<typeof createEngine>;
let viaRelay: ReturnType<typeof dispatcherFor>;
const volume = uniqueName('copyout');

const helpers = async (): Promise<string[]> =>
  (await docker().listContainers({ all: true, filters: { label: [`berth.volume-helper=${volume}`] } })).map((c) => c.Id);

function listing(folder: string): Promise<ListingUpdate[]> {
  return new Promise((resolve, reject) => {
    const seen: ListingUpdate[] = [];
    const outcome = viaRelay.subscribe('files.listing', { volume, path: folder }, (frame) => {
      if (frame.kind === 'data') seen.push(frame.message as ListingUpdate);
      else if (frame.kind === 'end') resolve(seen);
      else reject(new Error(`${frame.error.code} ${frame.error.message}`));
    });
    if (!outcome.ok) reject(new Error(outcome.error.message));
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'berth-volume-out-'));
  relay = new MeteredRelay(engineSocket(), dir);
  await relay.up();
  relayEngine = createEngine({ DOCKER_HOST: `unix://${relay.socketPath}` });
  viaRelay = dispatcherFor(relayEngine, host);
  await docker().createVolume({ Name: volume, Labels: { ...TEST_LABELS } });
  await dockerCli([
    'run',
    '--rm',
    '--label',
    'berth.test=1',
    '-v',
    `${volume}:/v`,
    testImage,
    'sh',
    '-c',
    'echo hello > /v/a.txt && chmod 640 /v/a.txt && mkdir -p /v/sub && echo deep > /v/sub/b.txt && head -c 25165824 /dev/urandom > /v/big.bin',
  ]);
});

afterAll(async () => {
  relayEngine?.monitor.stop();
  await relay?.down();
  rmSync(dir, { recursive: true, force: true });
  await docker()
    .getVolume(volume)
    .remove()
    .catch(() => undefined);
});

describe('files.listing of a volume', () => {
  it('streams the folder with the volume’s own paths, says it is a volume, and leaves no helper', async () => {
    const updates = await listing('/sub');
    const done = updates.at(-1)!;
    expect(done).toMatchObject({ kind: 'done', path: '/sub', method: { kind: 'archive', reason: 'volume' } });
    const entries = updates.flatMap((update) => (update.kind === 'entries' ? update.entries : []));
    expect(entries.map((entry) => entry.path)).toEqual(['/sub/b.txt']);
    expect(await helpers()).toEqual([]);
  });
});

describe('files.copyOut from a volume', () => {
  it('copies a file out with its content and mode, and leaves no helper', async () => {
    savePath = path.join(dir, 'a-copy.txt');
    const started = await call<CopyOutStart>(viaRelay, 'files.copyOut', { volume, path: '/a.txt' });
    expect(started).toMatchObject({ status: 'started', delivery: 'file', copied: { path: '/a.txt', as: 'file' } });
    if (started.status !== 'started') throw new Error('not started');
    expect(await finalOf(viaRelay, started.transferId)).toMatchObject({ phase: 'done' });
    expect(readFileSync(savePath, 'utf8')).toBe('hello\n');
    expect(statSync(savePath).mode & 0o777).toBe(0o640);
    expect(await helpers()).toEqual([]);
  });

  it('the shown line (a helper container made for it, docker cp, removed) copies the same file out', async () => {
    const target = path.join(dir, 'a-by-cli.txt');
    const line = throughVolumeHelper(
      volume,
      copyOutCommand(
        VOLUME_HELPER_NAME,
        { path: volumeHelperPath('/a.txt'), as: 'file', followedLink: false, replaced: false },
        { kind: 'host', path: target },
      ),
    );
    const ran = spawnSync('sh', ['-c', line.replace(/ busybox /, ` ${testImage} `)], { env: process.env, encoding: 'utf8' });
    expect(ran.status, ran.stderr).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(readFileSync(path.join(dir, 'a-copy.txt'), 'utf8'));
    expect(statSync(target).mode & 0o777).toBe(0o640);
    // Its helper is gone too.
    expect((await dockerCli(['ps', '-a', '--filter', `name=^${VOLUME_HELPER_NAME}$`, '--format', '{{.Names}}'])).stdout.trim()).toBe('');
  });

  it('copies a folder out (extracted) and as a .tar, leaving no helper', async () => {
    const into = mkdtempSync(path.join(dir, 'folder-'));
    openPaths = [into];
    const folder = await call<CopyOutStart>(viaRelay, 'files.copyOut', { volume, path: '/sub' });
    if (folder.status !== 'started') throw new Error(`not started: ${folder.status}`);
    expect(await finalOf(viaRelay, folder.transferId)).toMatchObject({ phase: 'done' });
    expect(readFileSync(path.join(into, 'sub', 'b.txt'), 'utf8')).toBe('deep\n');
    savePath = path.join(dir, 'sub.tar');
    const tar = await call<CopyOutStart>(viaRelay, 'files.copyOut', { volume, path: '/sub', format: 'tar' });
    if (tar.status !== 'started') throw new Error('not started');
    expect(await finalOf(viaRelay, tar.transferId)).toMatchObject({ phase: 'done' });
    expect((await dockerCli(['run', '--rm', '-v', `${dir}:/h`, testImage, 'tar', '-tf', '/h/sub.tar'])).stdout.split('\n').filter(Boolean).sort()).toEqual([
      'sub/',
      'sub/b.txt',
    ]);
    expect(await helpers()).toEqual([]);
  });

  it('refuses the volume’s root and a missing path, leaving no helper', async () => {
    expect(await viaRelay.invoke('files.copyOut', { volume, path: '/' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await viaRelay.invoke('files.copyOut', { volume, path: '/missing' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.not.stringContaining('berth-volume') as unknown },
    });
    expect(await helpers()).toEqual([]);
  });

  it('a copy that fails (the save folder is gone) leaves no helper and no file', async () => {
    savePath = path.join(dir, 'no-such-folder', 'a.txt');
    const started = await call<CopyOutStart>(viaRelay, 'files.copyOut', { volume, path: '/a.txt' });
    if (started.status !== 'started') throw new Error('not started');
    expect(await finalOf(viaRelay, started.transferId)).toMatchObject({ phase: 'failed' });
    expect(existsSync(savePath)).toBe(false);
    await waitFor(async () => (await helpers()).length === 0, { message: 'the helper of a failed copy is removed' });
  });

  it('cancelled half-way: no file is left and the helper is gone', async () => {
    savePath = path.join(dir, 'big.bin');
    const reached = relay.when('fromEngine', 4 * MiB, 'pause');
    const started = await call<CopyOutStart>(viaRelay, 'files.copyOut', { volume, path: '/big.bin' });
    if (started.status !== 'started') throw new Error('not started');
    await reached;
    expect(await helpers()).toHaveLength(1);
    await call(viaRelay, 'transfers.cancel', { transferId: started.transferId });
    relay.resume();
    expect(await finalOf(viaRelay, started.transferId)).toMatchObject({ phase: 'cancelled' });
    expect(readdirSync(dir).filter((name) => name.includes('big.bin'))).toEqual([]);
    await waitFor(async () => (await helpers()).length === 0, { message: 'the helper of a cancelled copy is removed' });
  });
});
