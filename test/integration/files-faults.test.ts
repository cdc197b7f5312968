// Faults in the middle of a copy, made deterministic with a metered relay in front of the engine:
// a cancel, the engine going away, the container removed. Each ends with a clear message, no
// temporary file on the host, and the container as it was wherever that can be done.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CopyOutStart } from '../../src/shared/contract/files';
import type { PickedItem } from '../../src/shared/types/files';
import type { DownloadStart, TransferProgress, UploadStart } from '../../src/shared/types/transfers';
import { createEngine } from '../../src/main/engine/core/engine';
import { headlessFileHost } from '../../src/main/transfers/headless-host';
import { docker, removeTestContainers } from '../helpers/engine';
import { engineSocket } from '../helpers/engine-relay';
import { MeteredRelay } from '../helpers/metered-relay';
import { changesOf, createdContainer, runningContainer, seed } from './files-support';
import { call, dispatcherFor, finalOf } from './images-support';

const MiB = 1024 * 1024;
let dir: string;
let relay: MeteredRelay;
let savePath = '';
let openPaths: string[] = [];
const host = { ...headlessFileHost({ save: () => savePath }), chooseOpenPaths: async () => openPaths };
let viaRelay: ReturnType<typeof dispatcherFor>;
let relayEngine: ReturnType<typeof createEngine>;
let bigFile: string;

/** Every entry under `folder` (to check nothing was left behind). */
const leftovers = (folder: string): string[] => readdirSync(folder);

async function pickVia(paths: string[]): Promise<string[]> {
  openPaths = paths;
  return (await call<PickedItem[]>(viaRelay, 'files.pickItems', {})).map((item) => item.fileHandle);
}

/** A container holding /big/blob.bin (24 MiB) and /big/small.txt. */
async function containerWithBigFolder(prefix: string): Promise<{ id: string; name: string }> {
  const made = await createdContainer(prefix);
  await seed(made.id, '/', [
    { name: 'big/', type: 'directory' },
    { name: 'big/blob.bin', body: randomBytes(24 * MiB) },
    { name: 'big/small.txt', body: 'small' },
  ]);
  return made;
}

type RelayAction = 'pause' | 'cut';

/**
 * Copies /big (or one file of it) out of a fresh container into a new folder under the test's
 * dir, with the relay set to `action` once 2 MiB came from the engine; resolves when it did.
 */
async function copyOutMetered(prefix: string, folderName: string, what: 'folder' | 'file', action: RelayAction) {
  const box = await containerWithBigFolder(prefix);
  const outDir = path.join(dir, folderName);
  mkdirSync(outDir);
  if (what === 'folder') openPaths = [outDir];
  else savePath = path.join(outDir, 'blob.bin');
  const reached = relay.when('fromEngine', 2 * MiB, action);
  const out = await call<CopyOutStart | DownloadStart>(viaRelay, 'files.copyOut', { id: box.id, path: what === 'folder' ? '/big' : '/big/blob.bin' });
  if (out.status !== 'started') throw new Error('not started');
  await reached;
  return { box, outDir, transferId: out.transferId };
}

/** Copies the 24 MiB upload into `destination` in `box`, with the relay set to `action` once 4 MiB went to the engine. */
async function copyInMetered(box: { id: string }, destination: string, action: RelayAction): Promise<string> {
  const reached = relay.when('toEngine', 4 * MiB, action);
  const started = await call<UploadStart>(viaRelay, 'files.copyIn', { id: box.id, destination, source: { kind: 'items', handles: await pickVia([bigFile]) } });
  await reached;
  return started.transferId;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'berth-files-faults-'));
  relay = new MeteredRelay(engineSocket(), dir);
  await relay.up();
  relayEngine = createEngine({ DOCKER_HOST: `unix://${relay.socketPath}` });
  viaRelay = dispatcherFor(relayEngine, host);
  bigFile = path.join(dir, 'upload.bin');
  writeFileSync(bigFile, randomBytes(24 * MiB));
});

beforeEach(async () => {
  relay.resume();
  if (!(await relayAnswers())) await relay.up();
});

async function relayAnswers(): Promise<boolean> {
  return relayEngine.docker.ping().then(
    () => true,
    () => false,
  );
}

afterAll(async () => {
  relayEngine?.monitor.stop();
  await relay?.down();
  rmSync(dir, { recursive: true, force: true });
  await removeTestContainers();
});

describe('cancelling a copy', () => {
  it('out of a container (folder): nothing is left on the host', async () => {
    const { outDir, transferId } = await copyOutMetered('faults-cancel-out', 'cancel-folder', 'folder', 'pause');
    await call(viaRelay, 'transfers.cancel', { transferId: transferId });
    relay.resume();
    expect(await finalOf(viaRelay, transferId)).toMatchObject({ phase: 'cancelled', error: { code: 'CANCELLED' } });
    expect(leftovers(outDir)).toEqual([]);
  });

  it('out of a container (file): no partial file', async () => {
    const { outDir, transferId } = await copyOutMetered('faults-cancel-file', 'cancel-file', 'file', 'pause');
    await call(viaRelay, 'transfers.cancel', { transferId: transferId });
    relay.resume();
    expect(await finalOf(viaRelay, transferId)).toMatchObject({ phase: 'cancelled' });
    expect(leftovers(outDir)).toEqual([]);
  });

  it('into a running container: what had arrived is removed again, the container is as it was', async () => {
    const box = await runningContainer('faults-cancel-in');
    await seed(box.id, '/', [{ name: 'dest/', type: 'directory' }]);
    const before = await changesOf(box.id);
    const transferId = await copyInMetered(box, '/dest', 'pause');
    await call(viaRelay, 'transfers.cancel', { transferId: transferId });
    relay.resume();
    const final = await finalOf(viaRelay, transferId);
    expect(final).toMatchObject({ phase: 'cancelled', error: { code: 'CANCELLED' } });
    expect(final.error?.message).toMatch(/removed again \(\/dest\/upload\.bin\)/);
    expect(await changesOf(box.id)).toEqual(before);
  });

  it('into a stopped container: the message names what could not be removed', async () => {
    const box = await createdContainer('faults-cancel-stopped');
    await seed(box.id, '/', [{ name: 'dest/', type: 'directory' }]);
    const transferId = await copyInMetered(box, '/dest', 'pause');
    await call(viaRelay, 'transfers.cancel', { transferId: transferId });
    relay.resume();
    const final = await finalOf(viaRelay, transferId);
    expect(final).toMatchObject({ phase: 'cancelled', error: { code: 'CANCELLED' } });
    // Nothing can delete from a stopped container without starting it: said, not hidden.
    expect(await changesOf(box.id)).toContain('1 /dest/upload.bin');
    expect(final.error?.message).toMatch(/left in the container, because it is not running.*\/dest\/upload\.bin/);
  });
});

describe('progress while a copy is under way', () => {
  it('into a container: bytes between none and all are reported while the engine is held', async () => {
    const box = await createdContainer('faults-progress-in');
    const transferId = await copyInMetered(box, '/tmp', 'pause');
    let found: (progress: TransferProgress) => void = () => {};
    const midwayFound = new Promise<TransferProgress>((resolve) => (found = resolve));
    // The state comes at once (during subscribe), so the test only records it here.
    const watch = viaRelay.subscribe('transfers.watch', { transferId }, (frame) => {
      const progress = frame.kind === 'data' ? (frame.message as TransferProgress) : undefined;
      if (progress?.phase === 'running' && progress.bytes > 0 && progress.bytes < 24 * MiB) found(progress);
    });
    const midway = await midwayFound;
    if (watch.ok) watch.close();
    expect(midway.direction).toBe('upload');
    relay.resume();
    const final = await finalOf(viaRelay, transferId);
    expect(final.phase).toBe('done');
    expect(final.bytes).toBeGreaterThanOrEqual(24 * MiB);
  });
});

describe('the engine going away mid-copy', () => {
  it('out of a container: a plain error and nothing on the host', async () => {
    const { outDir, transferId } = await copyOutMetered('faults-cut-out', 'cut-out', 'folder', 'cut');
    const final = await finalOf(viaRelay, transferId);
    expect(final).toMatchObject({ phase: 'failed', error: { code: 'ENGINE_UNAVAILABLE' } });
    expect(final.error?.message).toMatch(/engine/i);
    expect(leftovers(outDir)).toEqual([]);
  });

  it('into a container: a plain error that says what may be partly copied; the host file is untouched', async () => {
    const box = await createdContainer('faults-cut-in');
    await seed(box.id, '/', [{ name: 'dest/', type: 'directory' }]);
    const transferId = await copyInMetered(box, '/dest', 'cut');
    const final = await finalOf(viaRelay, transferId);
    expect(final).toMatchObject({ phase: 'failed', error: { code: 'ENGINE_UNAVAILABLE' } });
    expect(final.error?.message).toMatch(/\/dest\/upload\.bin/);
    expect(readdirSync(dir)).toContain('upload.bin');
  });
});

describe('the container removed mid-copy', () => {
  it('out of it: either the whole copy or a plain error with nothing on the host', async () => {
    const { box, outDir, transferId } = await copyOutMetered('faults-gone-out', 'gone-out', 'folder', 'pause');
    // The engine may hold the removal until the archive it is streaming is read: do not wait for it here.
    const removal = docker().getContainer(box.id).remove({ force: true });
    relay.resume();
    const final = await finalOf(viaRelay, transferId);
    await removal;
    if (final.phase === 'done') {
      // The engine finishes the archive before it removes the container: the copy is whole (and
      // says so when the removal is already visible by then).
      expect(readdirSync(path.join(outDir, 'big')).sort()).toEqual(['blob.bin', 'small.txt']);
      expect(statSync(path.join(outDir, 'big', 'blob.bin')).size).toBe(24 * MiB);
      for (const warning of final.warnings ?? []) expect(warning).toMatch(/was removed during the copy/);
    } else {
      expect(final).toMatchObject({ phase: 'failed' });
      expect(final.error?.message.length).toBeGreaterThan(10);
      expect(leftovers(outDir)).toEqual([]);
    }
  });

  it('into it: the engine finishes the copy, then removes it; the host is untouched', async () => {
    const box = await runningContainer('faults-gone-in');
    const transferId = await copyInMetered(box, '/tmp', 'pause');
    const removal = docker().getContainer(box.id).remove({ force: true });
    relay.resume();
    const final = await finalOf(viaRelay, transferId);
    await removal;
    // The engine serialises the two: it lets the copy finish, then removes the container. Berth
    // reports the copy as it ended, and a removal it sees right after as a failure, in plain words.
    if (final.phase !== 'done') {
      expect(final).toMatchObject({ phase: 'failed', error: { code: 'NOT_FOUND' } });
      expect(final.error?.message).toMatch(/was removed while the files were being copied into it/);
    }
    await expect(docker().getContainer(box.id).inspect()).rejects.toMatchObject({ statusCode: 404 });
    expect(readdirSync(dir)).toContain('upload.bin');
  });
});
