// files.copyIn into a volume no container uses: through a helper container that lives as long as
// the copy and is gone afterwards, whether the copy is done, refused or cancelled half-way (a
// metered relay in front of the engine holds it there, so the cancel is deterministic).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/main/engine/core/engine';
import { headlessFileHost } from '../../src/main/transfers/headless-host';
import type { PickedItem } from '../../src/shared/types/files';
import type { UploadStart } from '../../src/shared/types/transfers';
import { engineSocket } from '../helpers/engine-relay';
import { docker, dockerCli, TEST_LABELS, testImage, uniqueName } from '../helpers/engine';
import { MeteredRelay } from '../helpers/metered-relay';
import { call, dispatcherFor, finalOf } from './images-support';

const MiB = 1024 * 1024;
let dir: string;
let openPaths: string[] = [];
const host = { ...headlessFileHost({ save: () => '' }), chooseOpenPaths: async () => openPaths };
let relay: MeteredRelay;
let relayEngine: ReturnType<typeof createEngine>;
let viaRelay: ReturnType<typeof dispatcherFor>;
const volume = uniqueName('copyin');

const helpers = async (): Promise<string[]> =>
  (await docker().listContainers({ all: true, filters: { label: [`berth.volume-helper=${volume}`] } })).map((c) => c.Id);

/** The volume's files as a throwaway container lists them (`find`). */
async function volumeFiles(): Promise<string[]> {
  const run = await dockerCli(['run', '--rm', '--label', 'berth.test=1', '-v', `${volume}:/v`, testImage, 'find', '/v', '-type', 'f']);
  return run.stdout.split('\n').filter(Boolean).sort();
}

async function pick(paths: string[]): Promise<string[]> {
  openPaths = paths;
  return (await call<PickedItem[]>(viaRelay, 'files.pickItems', {})).map((item) => item.fileHandle);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'berth-volume-copy-'));
  relay = new MeteredRelay(engineSocket(), dir);
  await relay.up();
  relayEngine = createEngine({ DOCKER_HOST: `unix://${relay.socketPath}` });
  viaRelay = dispatcherFor(relayEngine, host);
  await docker().createVolume({ Name: volume, Labels: { ...TEST_LABELS } });
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

describe('files.copyIn into a volume', () => {
  it('copies a file in, answers the volume’s own path, and leaves no helper', async () => {
    const file = path.join(dir, 'notes.txt');
    writeFileSync(file, 'kept in a volume\n');
    const started = await call<UploadStart>(viaRelay, 'files.copyIn', { volume, destination: '/', source: { kind: 'items', handles: await pick([file]) } });
    expect(await finalOf(viaRelay, started.transferId)).toMatchObject({ phase: 'done', result: { destination: '/', items: '1' } });
    expect(await volumeFiles()).toEqual(['/v/notes.txt']);
    expect(await helpers()).toEqual([]);
  });

  it('refuses a name already there (unless replacing) and a destination that is not a folder, leaving no helper', async () => {
    const file = path.join(dir, 'notes.txt');
    const taken = await viaRelay.invoke('files.copyIn', { volume, destination: '/', source: { kind: 'items', handles: await pick([file]) } });
    expect(taken).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Already in /: notes.txt. Choose to replace them to copy anyway.' } });
    const notFolder = await viaRelay.invoke('files.copyIn', { volume, destination: '/notes.txt', source: { kind: 'items', handles: await pick([file]) } });
    expect(notFolder).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '/notes.txt is not a folder.' } });
    expect(await call(viaRelay, 'files.conflicts', { volume, destination: '/', names: ['notes.txt', 'other'] })).toEqual({
      destinationIsDirectory: true,
      existing: ['notes.txt'],
    });
    expect(await helpers()).toEqual([]);
  });

  it('cancelled half-way: the helper is gone, and what arrived is named as left in the volume (nothing runs there to remove it)', async () => {
    const big = path.join(dir, 'big.bin');
    writeFileSync(big, randomBytes(24 * MiB));
    const reached = relay.when('toEngine', 4 * MiB, 'pause');
    const started = await call<UploadStart>(viaRelay, 'files.copyIn', { volume, destination: '/', source: { kind: 'items', handles: await pick([big]) } });
    await reached;
    expect(await helpers()).toHaveLength(1);
    await call(viaRelay, 'transfers.cancel', { transferId: started.transferId });
    relay.resume();
    const final = await finalOf(viaRelay, started.transferId);
    expect(final).toMatchObject({ phase: 'cancelled', error: { code: 'CANCELLED' } });
    expect(final.error?.message).toMatch(
      new RegExp(`left in volume ${volume} \\(Berth runs nothing in it to remove them; a container that mounts it can\\): /big\\.bin`),
    );
    expect(final.error?.message).not.toMatch(/berth-volume|container, because/);
    expect(await volumeFiles()).toEqual(['/v/big.bin', '/v/notes.txt']);
    expect(await helpers()).toEqual([]);
  });
});
