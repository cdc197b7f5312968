// Child process for the files bench: the real dispatcher with a headless file host (what the
// desktop app's main process runs, minus the window), driven over IPC so the parent can read this
// process's memory from /proc while it copies files in and out of a container.
import { createEngine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import { answerRequests, dispatcherCalls } from './worker-calls';
import { headlessFileHost } from '../../src/main/transfers/headless-host';
import type { PickedItem } from '../../src/shared/types/files';
import type { DownloadStart, UploadStart } from '../../src/shared/types/transfers';

type Request =
  | { op: 'in'; container: string; file: string; destination: string }
  | { op: 'out'; container: string; path: string; target: string }
  | { op: 'outFolder'; container: string; path: string; into: string }
  | { op: 'exit' };

let savePath = '';
let openPaths: string[] = [];
const host = { ...headlessFileHost({ save: () => savePath }), chooseOpenPaths: async () => openPaths };
const engine = createEngine();
const dispatcher = createBackend({ engine, host }).dispatcher;

const { call, settled } = dispatcherCalls(dispatcher);

async function run(request: Exclude<Request, { op: 'exit' }>): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  let transferId: string;
  if (request.op === 'in') {
    openPaths = [request.file];
    const items = await call<PickedItem[]>('files.pickItems', {});
    const start = await call<UploadStart>('files.copyIn', {
      id: request.container,
      destination: request.destination,
      overwrite: true,
      source: { kind: 'items', handles: items.map((item) => item.fileHandle) },
    });
    transferId = start.transferId;
  } else if (request.op === 'outFolder') {
    openPaths = [request.into];
    const start = await call<DownloadStart>('files.copyOut', { id: request.container, path: request.path });
    if (start.status !== 'started') throw new Error('folder copy out not started');
    transferId = start.transferId;
  } else {
    savePath = request.target;
    const start = await call<DownloadStart>('files.copyOut', { id: request.container, path: request.path });
    if (start.status !== 'started') throw new Error('copy out not started');
    transferId = start.transferId;
  }
  const final = await settled(transferId);
  if (final.phase !== 'done') throw new Error(`${request.op} ${final.phase}: ${final.error?.message}`);
  return { ms: performance.now() - started, bytes: final.bytes };
}

answerRequests<Request>(run);
