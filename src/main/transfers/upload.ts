import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { BerthError } from '../../shared/errors';
import type { UploadSourceRef } from '../../shared/contract/transfers';
import type { FinishedTask } from '../../shared/types/desktop';
import type { UploadStart } from '../../shared/types/transfers';
import type { HostServices } from '../host';
import { countedSource } from './counting';
import { fileSystemError } from './fs-errors';
import type { TransferHub } from './hub';
import type { TransferOutcome } from './registry';
import { settleInBackground } from './settle';

const FILE_CHUNK_BYTES = 256 * 1024;

export interface UploadRequest {
  source: UploadSourceRef;
  /** Refuses the command before anything moves (e.g. an empty file); gets the name and size. */
  check?(info: { name: string; sizeBytes: number }): void;
  /**
   * Progress in the bytes the body wraps rather than the body's own (a tar of the user's files):
   * then the transfer shows `contentBytes` as its total (if known) and `consume` reports progress
   * through `onBytes`, as the bytes reach their destination.
   */
  countsContent?: { contentBytes: number | undefined };
  /**
   * Reads `body` to its end (e.g. as an engine request body) and resolves what it produced. Must
   * stop when `signal` aborts. A failure of the body itself arrives as a BerthError already.
   */
  consume(body: Readable, signal: AbortSignal, onBytes: (count: number) => void): Promise<TransferOutcome>;
  task: Pick<FinishedTask, 'kind' | 'subject'>;
}

/** The total the transfer shows: the body's size, or what it wraps when the consumer counts that. */
function totalOf(request: UploadRequest, bodyBytes: number): { totalBytes?: number } {
  if (!request.countsContent) return { totalBytes: bodyBytes };
  const { contentBytes } = request.countsContent;
  return contentBytes === undefined ? {} : { totalBytes: contentBytes };
}

const interrupted = (): BerthError => new BerthError('CANCELLED', 'The upload was interrupted: the page stopped sending the file.');

/**
 * Starts an upload from wherever the host's files come from: a file the desktop app was given
 * (read by main itself), or in browser mode the body of a later `POST /api/upload/<ticket>`, streamed
 * straight into the consumer (never buffered whole). Progress and the result come from `transfers.watch`.
 */
export async function startUpload(hub: TransferHub, host: HostServices, request: UploadRequest): Promise<UploadStart> {
  const { source } = request;
  if (source.kind === 'file') {
    const file = await hub.files.resolve(source.fileHandle);
    request.check?.({ name: file.name, sizeBytes: file.sizeBytes });
    const transfer = hub.registry.begin({ direction: 'upload', name: file.name, ...totalOf(request, file.sizeBytes) });
    void settleInBackground(transfer, host, request.task, () => {
      const body = countedSource(createReadStream(file.path, { highWaterMark: FILE_CHUNK_BYTES }), transfer, {
        mapError: (err) => fileSystemError(err, file.path),
        countBytes: !request.countsContent,
      });
      return request.consume(body, transfer.signal, (count) => transfer.addBytes(count)).finally(() => body.destroy());
    });
    return { transferId: transfer.id };
  }

  if (!host.receivesPageUploads) {
    throw new BerthError('INVALID_INPUT', 'The desktop app reads files itself: choose the file (or drop it) instead of uploading it.');
  }
  request.check?.({ name: source.filename, sizeBytes: source.sizeBytes });
  const transfer = hub.registry.begin({ direction: 'upload', name: source.filename, ...totalOf(request, source.sizeBytes) });
  const ticket = hub.uploads.issue(
    {
      transfer,
      sizeBytes: source.sizeBytes,
      receive: (requestBody) =>
        settleInBackground(transfer, host, request.task, () => {
          // A BerthError is the server's own reason (the body stalled); anything else is the page going away.
          const body = countedSource(requestBody, transfer, {
            mapError: (err) => (err instanceof BerthError ? err : interrupted()),
            keepSourceOpen: true,
            countBytes: !request.countsContent,
          });
          return request.consume(body, transfer.signal, (count) => transfer.addBytes(count)).finally(() => body.destroy());
        }),
    },
    () => transfer.fail(new BerthError('CANCELLED', 'The upload was not started within a minute.')),
  );
  transfer.signal.addEventListener('abort', () => {
    if (hub.uploads.revoke(ticket)) transfer.fail(transfer.signal.reason);
  });
  return { transferId: transfer.id, uploadUrl: `/api/upload/${ticket}` };
}
