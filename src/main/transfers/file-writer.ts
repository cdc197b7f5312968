import type { FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';

/** Reading pauses while this much waits to be written. */
const MAX_QUEUED_BYTES = 4 * 1024 * 1024;
/**
 * A write waits until this much is queued (or the input ended): each write is a round trip through
 * libuv's thread pool, and a write per socket read (a thousand or more for a 200 MB export) cost
 * more CPU than the copying itself, CPU taken from the engine producing the archive.
 */
const MIN_WRITE_BYTES = 1024 * 1024;

/** Which side failed: the disk's errors are reported with the file's name, the source's as they are. */
export class FileWriteError extends Error {
  constructor(readonly failure: unknown) {
    super('write failed');
  }
}

/** Writes every buffer, again from where a short write stopped. */
async function writeAll(handle: FileHandle, buffers: Buffer[]): Promise<void> {
  let pending = buffers;
  for (;;) {
    const total = pending.reduce((sum, buffer) => sum + buffer.length, 0);
    const { bytesWritten } = await handle.writev(pending);
    if (bytesWritten >= total) return;
    let skip = bytesWritten;
    const rest: Buffer[] = [];
    for (const buffer of pending) {
      if (skip >= buffer.length) skip -= buffer.length;
      else {
        rest.push(skip > 0 ? buffer.subarray(skip) : buffer);
        skip = 0;
      }
    }
    pending = rest;
  }
}

/**
 * Streams `input` into `handle` with one `data` listener and one `writev` of everything that
 * arrived meanwhile (at least 1 MiB, unless at the end): no stream stages between the socket and
 * the disk, so each chunk of a large export costs as little CPU as it can (on a busy machine that
 * CPU is taken from the engine producing the archive). Resolves when all is written; rejects with the
 * input's error, a FileWriteError, or the signal's reason (the input is then destroyed).
 * `onWritten` gets each piece once it is written (its memory may then be reused).
 */
export function streamToFile(
  input: Readable,
  handle: FileHandle,
  signal: AbortSignal,
  onBytes: (count: number) => void,
  onWritten?: (piece: Buffer) => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let queue: Buffer[] = [];
    let queued = 0;
    let writing = false;
    let ended = false;
    let failed = false;
    const fail = (err: unknown): void => {
      if (failed) return;
      failed = true;
      signal.removeEventListener('abort', onAbort);
      input.destroy();
      reject(err);
    };
    const onAbort = (): void => fail(signal.reason);
    const flush = (): void => {
      if (writing || failed) return;
      if (!ended && queued < MIN_WRITE_BYTES) return;
      if (queue.length === 0) {
        if (ended) {
          signal.removeEventListener('abort', onAbort);
          resolve();
        }
        return;
      }
      const batch = queue;
      queue = [];
      queued = 0;
      writing = true;
      writeAll(handle, batch).then(
        () => {
          if (onWritten) for (const piece of batch) onWritten(piece);
          writing = false;
          if (input.isPaused() && !ended) input.resume();
          flush();
        },
        (err: unknown) => fail(new FileWriteError(err)),
      );
    };
    if (signal.aborted) return fail(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    input.on('data', (chunk: Buffer) => {
      onBytes(chunk.length);
      queue.push(chunk);
      queued += chunk.length;
      if (queued >= MAX_QUEUED_BYTES) input.pause();
      flush();
    });
    input.once('end', () => {
      ended = true;
      flush();
    });
    input.once('error', fail);
    input.once('close', () => {
      if (!ended) fail(new Error('The stream closed before its end.'));
    });
  });
}
