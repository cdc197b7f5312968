// Child process for the images bench: the real dispatcher with a headless file host (what the
// desktop app's main process runs, minus the window), driven over IPC so the parent can read this
// process's memory from /proc while it exports or imports.
import { createEngine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import { answerRequests, dispatcherCalls } from './worker-calls';
import { headlessFileHost } from '../../src/main/transfers/headless-host';
import type { DownloadStart, PickedFile, UploadStart } from '../../src/shared/types/transfers';

type Request = { op: 'export'; container: string; target: string } | { op: 'import'; file: string; repository: string } | { op: 'exit' };

let savePath = '';
let openPath = '';
const host = headlessFileHost({ save: () => savePath, open: () => openPath });
const engine = createEngine();
const dispatcher = createBackend({ engine, host }).dispatcher;

const { call, settled } = dispatcherCalls(dispatcher);

async function run(request: Exclude<Request, { op: 'exit' }>): Promise<{ ms: number; bytes: number; result?: Record<string, string> }> {
  const started = performance.now();
  let transferId: string;
  if (request.op === 'export') {
    savePath = request.target;
    const start = await call<DownloadStart>('containers.export', { id: request.container });
    if (start.status !== 'started') throw new Error('export not started');
    transferId = start.transferId;
  } else {
    openPath = request.file;
    const picked = await call<PickedFile>('transfers.pickFile', {});
    const start = await call<UploadStart>('images.import', { source: { kind: 'file', fileHandle: picked.fileHandle }, repository: request.repository });
    transferId = start.transferId;
  }
  const final = await settled(transferId);
  if (final.phase !== 'done') throw new Error(`${request.op} ${final.phase}: ${final.error?.message}`);
  return { ms: performance.now() - started, bytes: final.bytes, ...(final.result ? { result: final.result } : {}) };
}

answerRequests<Request>(run);
