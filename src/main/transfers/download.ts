import { randomBytes } from 'node:crypto';
import { chmod, open, rename, rm, utimes } from 'node:fs/promises';
import path from 'node:path';
import { BerthError } from '../../shared/errors';
import type { DownloadStart } from '../../shared/types/transfers';
import type { FinishedTask } from '../../shared/types/desktop';
import { toBerthError } from '../engine/core/errors';
import type { HostServices } from '../host';
import type { SaveDialogRequest } from './dialogs';
import { FileWriteError, streamToFile } from './file-writer';
import { fileSystemError } from './fs-errors';
import type { DownloadSource } from '../engine/core/download-source';
import type { TransferHub } from './hub';
import type { Transfer, TransferOutcome } from './registry';
import { settleInBackground } from './settle';

export interface DownloadRequest {
  source: DownloadSource;
  dialog: Omit<SaveDialogRequest, 'suggestedName'>;
  /** For the desktop "finished" notification. */
  task: Pick<FinishedTask, 'kind' | 'subject'>;
}

const partName = (target: string): string => path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.part`);

/**
 * Streams `source` into `target`: written to a temporary file beside it and renamed over it only
 * when complete, so a failure or cancel leaves no partial file and any existing file untouched.
 * (Not fsynced, as `docker export -o` does not either.)
 */
async function saveToFile(source: DownloadSource, target: string, transfer: Transfer): Promise<TransferOutcome> {
  const temp = partName(target);
  let created = false;
  let fileFailure: unknown;
  try {
    // The file is created while the engine starts answering.
    const opening = open(temp, 'wx').then(
      (handle) => {
        created = true;
        return handle;
      },
      (err: unknown) => {
        fileFailure = err;
        throw err;
      },
    );
    const [handleResult, inputResult] = await Promise.allSettled([opening, source.open(transfer.signal)]);
    if (inputResult.status === 'fulfilled' && handleResult.status === 'rejected') inputResult.value.destroy();
    if (handleResult.status === 'fulfilled' && inputResult.status === 'rejected') await handleResult.value.close().catch(() => undefined);
    if (handleResult.status === 'rejected') throw handleResult.reason;
    if (inputResult.status === 'rejected') throw inputResult.reason;
    const handle = handleResult.value;
    try {
      await streamToFile(
        inputResult.value,
        handle,
        transfer.signal,
        (count) => transfer.addBytes(count),
        source.written ? (piece) => source.written?.(piece) : undefined,
      );
      await handle.close();
    } catch (err) {
      await handle.close().catch(() => undefined);
      if (err instanceof FileWriteError) fileFailure = err.failure;
      throw err;
    }
    const attributes = source.attributesAfter?.();
    if (attributes) {
      await chmod(temp, attributes.mode);
      await utimes(temp, attributes.mtime, attributes.mtime);
    }
    // The engine is asked while the file is put in place (one round trip fewer to wait for).
    const [warnings] = await Promise.all([
      source.warningsAfter?.() ?? Promise.resolve([]),
      rename(temp, target).catch((err: unknown) => {
        fileFailure = err;
        throw err;
      }),
    ]);
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
  const ticket = hub.downloads.issue({ source, transfer }, () => transfer.fail(new BerthError('CANCELLED', 'The download was not started within a minute.')));
  transfer.signal.addEventListener('abort', () => {
    if (hub.downloads.revoke(ticket)) transfer.fail(transfer.signal.reason);
  });
  return { status: 'started', delivery: 'browser', transferId: transfer.id, filename: source.filename, url: `/api/download/${ticket}` };
}
