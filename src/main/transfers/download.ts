import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { BerthError } from '../../shared/errors';
import type { DownloadStart } from '../../shared/types/transfers';
import type { FinishedTask } from '../../shared/types/desktop';
import { toBerthError } from '../engine/errors';
import type { HostServices } from '../host';
import type { SaveDialogRequest } from './dialogs';
import { fileSystemError } from './fs-errors';
import type { DownloadSource } from '../engine/download-source';
import type { TransferHub } from './hub';
import type { Transfer, TransferOutcome } from './registry';
import { settleInBackground } from './settle';

export interface DownloadRequest {
  source: DownloadSource;
  dialog: Omit<SaveDialogRequest, 'suggestedName'>;
  /** For the desktop "finished" notification. */
  task: Pick<FinishedTask, 'kind' | 'subject'>;
}

const WRITE_QUEUE_BYTES = 4 * 1024 * 1024;

const partName = (target: string): string =>
  path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.part`);

/**
 * Streams `source` into `target`: written to a temporary file beside it and renamed over it only
 * when complete, so a failure or cancel leaves no partial file and any existing file untouched.
 * (Not fsynced, as `docker export -o` does not either.)
 */
export async function saveToFile(source: DownloadSource, target: string, transfer: Transfer): Promise<TransferOutcome> {
  const temp = partName(target);
  let created = false;
  let fileFailure: unknown;
  try {
    const handle = await open(temp, 'wx').catch((err: unknown) => {
      fileFailure = err;
      throw err;
    });
    created = true;
    const input = await source.open(transfer.signal);
    let inputFailure: unknown;
    input.on('error', (err) => (inputFailure ??= err));
    // A deep write queue lets fs coalesce the socket's 64 KiB chunks (writev): without it, each
    // chunk waits for its own write, and the export runs at half the CLI's speed.
    const output = handle.createWriteStream({ highWaterMark: WRITE_QUEUE_BYTES });
    // pipeline() hands the source's error to the file stream too: only the file's own error is the disk's.
    output.on('error', (err) => {
      if (err !== inputFailure) fileFailure ??= err;
    });
    // Counted by listening, not by a Transform stage: one stage fewer on the hot path.
    input.on('data', (chunk: Buffer) => transfer.addBytes(chunk.length));
    await pipeline(input, output, { signal: transfer.signal });
    const warnings = (await source.warningsAfter?.()) ?? [];
    await rename(temp, target).catch((err: unknown) => {
      fileFailure = err;
      throw err;
    });
    created = false;
    return { result: { path: target }, warnings };
  } catch (err) {
    if (created) await rm(temp, { force: true }).catch(() => undefined);
    if (transfer.signal.aborted) throw err;
    throw fileFailure !== undefined ? fileSystemError(fileFailure, target) : toBerthError(err);
  }
}

/**
 * Starts a download the way the host delivers files: the desktop app asks where to save (native
 * dialog) and writes the file itself; browser mode gets a one-time URL that streams it as an
 * attachment (see web/transfer-routes.ts). Progress and the end come from `transfers.watch`.
 */
export async function startDownload(hub: TransferHub, host: HostServices, request: DownloadRequest): Promise<DownloadStart> {
  const { source } = request;
  if (host.chooseSavePath) {
    const target = await host.chooseSavePath({ ...request.dialog, suggestedName: source.filename });
    if (!target) return { status: 'dismissed' };
    if (!path.isAbsolute(target)) throw new BerthError('INVALID_INPUT', 'The save location must be an absolute path.');
    const transfer = hub.registry.begin({ direction: 'download', name: path.basename(target) });
    void settleInBackground(transfer, host, request.task, async () => {
      const outcome = await saveToFile(source, target, transfer);
      // Main wrote this file itself, so the page may name it for a follow-up (export, then import it).
      const { fileHandle } = await hub.files.adopt(target);
      return { ...outcome, result: { ...outcome.result, fileHandle } };
    });
    return { status: 'started', delivery: 'file', transferId: transfer.id, filename: path.basename(target), filePath: target };
  }
  const transfer = hub.registry.begin({ direction: 'download', name: source.filename });
  const ticket = hub.downloads.issue({ source, transfer }, () =>
    transfer.fail(new BerthError('CANCELLED', 'The download was not started within a minute.')),
  );
  transfer.signal.addEventListener('abort', () => {
    if (hub.downloads.revoke(ticket)) transfer.fail(transfer.signal.reason);
  });
  return { status: 'started', delivery: 'browser', transferId: transfer.id, filename: source.filename, url: `/api/download/${ticket}` };
}
