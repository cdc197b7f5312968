// The transfers of the engine fault suites, each through its own metered relay in front of the
// fault engine, so each can be held at a chosen byte count (mid-way, deterministically) while the
// engine is stopped under it.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Dispatcher } from '../../src/main/dispatch';
import type { Engine } from '../../src/main/engine/core/engine';
import type { HostServices } from '../../src/main/host';
import { headlessFileHost } from '../../src/main/transfers/headless-host';
import type { PickedItem } from '../../src/shared/types/files';
import type { DownloadStart, PickedFile, UploadStart } from '../../src/shared/types/transfers';
import { tarOf } from './tar-fixture';
import { TEST_LABELS, uniqueName } from './engine';
import type { FaultEngine } from './fault-engine';
import { MeteredRelay, type RelayDirection } from './metered-relay';

const MiB = 1024 * 1024;

export type TransferKind = 'export' | 'import' | 'cp in' | 'cp out' | 'download log';
export const TRANSFER_KINDS: readonly TransferKind[] = ['export', 'import', 'cp in', 'cp out', 'download log'];

/** Where each kind is held: the direction and how many bytes have moved by then. */
const HOLD_AT: Record<TransferKind, { direction: RelayDirection; bytes: number }> = {
  export: { direction: 'fromEngine', bytes: 2 * MiB },
  'cp out': { direction: 'fromEngine', bytes: 2 * MiB },
  'download log': { direction: 'fromEngine', bytes: 1 * MiB },
  import: { direction: 'toEngine', bytes: 4 * MiB },
  'cp in': { direction: 'toEngine', bytes: 4 * MiB },
};

/** One kind of transfer with its own relay, Berth engine and dispatcher. */
export interface TransferLane {
  kind: TransferKind;
  relay: MeteredRelay;
  berth: Engine;
  dispatcher: Dispatcher;
  /** Starts the transfer, writing (downloads) into `folder`; resolves its transfer id. */
  start(folder: string): Promise<string>;
  /** Arms the relay to hold once the transfer is mid-way; resolves when it holds. */
  holdMidway(): Promise<void>;
}

export interface TransferFixtures {
  /**
   * Created containers with /big/blob.bin (24 MiB) and /big/small.txt: one exported, one copied
   * from (the engine locks a container while it streams an archive of it: the two would queue).
   */
  dataContainer: string;
  copyOutContainer: string;
  /** A created container with /dest, to copy into. */
  targetContainer: string;
  /** An exited container whose log is about 5 MB. */
  chattyLog: string;
  /** A 24 MiB file on the host (copied in), and a tar of it (imported). */
  upload: string;
  uploadTar: string;
}

export async function makeFixtures(env: FaultEngine, dir: string): Promise<TransferFixtures> {
  const create = async (prefix: string, extra: Record<string, unknown> = {}) =>
    (await env.docker.createContainer({ Image: env.image, name: uniqueName(prefix), Labels: { ...TEST_LABELS }, ...extra })).id;
  const bigFolder = await tarOf([
    { name: 'big/', type: 'directory' },
    { name: 'big/blob.bin', body: randomBytes(24 * MiB) },
    { name: 'big/small.txt', body: 'small' },
  ]);
  const dataContainer = await create('faults-data');
  await env.docker.getContainer(dataContainer).putArchive(bigFolder, { path: '/' });
  const copyOutContainer = await create('faults-copy-out');
  await env.docker.getContainer(copyOutContainer).putArchive(bigFolder, { path: '/' });
  const targetContainer = await create('faults-target');
  await env.docker.getContainer(targetContainer).putArchive(await tarOf([{ name: 'dest/', type: 'directory' }]), { path: '/' });
  const chattyLog = await create('faults-log', { Cmd: ['sh', '-c', 'head -c 3900000 /dev/urandom | base64'] });
  await env.docker.getContainer(chattyLog).start();
  await env.docker.getContainer(chattyLog).wait();
  const upload = path.join(dir, 'upload.bin');
  const body = randomBytes(24 * MiB);
  writeFileSync(upload, body);
  const uploadTar = path.join(dir, 'upload.tar');
  writeFileSync(uploadTar, await tarOf([{ name: 'upload.bin', body }]));
  return { dataContainer, copyOutContainer, targetContainer, chattyLog, upload, uploadTar };
}

async function call<T>(dispatcher: Dispatcher, channel: string, input: unknown): Promise<T> {
  const outcome = await dispatcher.invoke(channel, input);
  if (!outcome.ok) throw new Error(`${channel}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as T;
}

function startedId(start: DownloadStart): string {
  if (start.status !== 'started') throw new Error('the save dialog was dismissed');
  return start.transferId;
}

export async function openLane(env: FaultEngine, dir: string, kind: TransferKind, fixtures: TransferFixtures): Promise<TransferLane> {
  const relayDir = path.join(dir, `relay-${kind.replace(/ /g, '-')}`);
  mkdirSync(relayDir);
  const relay = new MeteredRelay(env.dockerHost.slice('unix://'.length), relayDir);
  await relay.up();
  const berth = env.berth(relay.socketPath);
  let savePath = '';
  let openPaths: string[] = [];
  const host: HostServices = {
    ...headlessFileHost({ save: () => savePath, open: () => openPaths[0] ?? null }),
    chooseOpenPaths: async () => openPaths,
  };
  const dispatcher = env.dispatcher(berth, host);
  const starters: Record<TransferKind, (folder: string) => Promise<string>> = {
    export: async (folder) => {
      savePath = path.join(folder, 'export.tar');
      return startedId(await call<DownloadStart>(dispatcher, 'containers.export', { id: fixtures.dataContainer }));
    },
    'cp out': async (folder) => {
      openPaths = [folder];
      return startedId(await call<DownloadStart>(dispatcher, 'files.copyOut', { id: fixtures.copyOutContainer, path: '/big' }));
    },
    'download log': async (folder) => {
      savePath = path.join(folder, 'container.log');
      return startedId(await call<DownloadStart>(dispatcher, 'logs.download', { id: fixtures.chattyLog }));
    },
    import: async () => {
      openPaths = [fixtures.uploadTar];
      const picked = await call<PickedFile>(dispatcher, 'transfers.pickFile', {});
      const repository = `berth-test/${uniqueName('faults-import').replace(/^berth-test-/, '')}`;
      return (await call<UploadStart>(dispatcher, 'images.import', { source: { kind: 'file', fileHandle: picked.fileHandle }, repository })).transferId;
    },
    'cp in': async () => {
      openPaths = [fixtures.upload];
      const handles = (await call<PickedItem[]>(dispatcher, 'files.pickItems', {})).map((item) => item.fileHandle);
      return (
        await call<UploadStart>(dispatcher, 'files.copyIn', {
          id: fixtures.targetContainer,
          destination: '/dest',
          overwrite: true,
          source: { kind: 'items', handles },
        })
      ).transferId;
    },
  };
  return {
    kind,
    relay,
    berth,
    dispatcher,
    start: starters[kind],
    holdMidway: () => relay.when(HOLD_AT[kind].direction, HOLD_AT[kind].bytes, 'pause'),
  };
}

/** What a folder holds, sorted: a failed transfer must leave it as it was (no .part, no staging folder). */
export const entriesOf = (folder: string): string[] => readdirSync(folder).sort();
