import { Transform, type Readable } from 'node:stream';
import type { Transfer } from './registry';

/** How much a stage may hold: enough to keep the next one busy, small beside the 64 MB budget. */
const STAGE_BYTES = 1024 * 1024;

/** A pass-through that reports every chunk's size to the transfer (unless `count` is false: then it only passes them on). */
export function byteCounter(transfer: Transfer, count = true): Transform {
  return new Transform({
    highWaterMark: STAGE_BYTES,
    transform(chunk: Buffer, _encoding, callback) {
      if (count) transfer.addBytes(chunk.length);
      callback(null, chunk);
    },
  });
}

export interface CountedSourceOptions {
  /** What the consumer sees when the source fails, so "the browser went away" is not read as "the engine went away". */
  mapError(err: unknown): Error;
  /**
   * Leave the source open when the consumer stops early (an HTTP request body: the server still
   * answers on its connection, then closes it). Otherwise the source is destroyed (a file is closed).
   */
  keepSourceOpen?: boolean;
  /** False when the consumer reports progress itself (in the bytes the source wraps). Default true. */
  countBytes?: boolean;
}

/**
 * `source` through a byte counter, for a consumer that takes one readable (e.g. an engine request
 * body). Destroying the result (the consumer gave up) stops reading the source.
 */
export function countedSource(source: Readable, transfer: Transfer, options: CountedSourceOptions): Readable {
  const counter = byteCounter(transfer, options.countBytes ?? true);
  const fail = (err: unknown): void => {
    if (!counter.destroyed) counter.destroy(options.mapError(err));
  };
  source.on('error', fail);
  source.on('close', () => {
    // An HTTP body can close with data still buffered: `complete` says whether it all arrived.
    const complete = (source as Readable & { complete?: boolean }).complete;
    if (complete === false || (complete === undefined && !source.readableEnded)) fail(new Error('closed before the end'));
  });
  counter.on('close', () => {
    if (source.readableEnded || source.destroyed) return;
    source.unpipe(counter);
    if (!options.keepSourceOpen) source.destroy();
  });
  source.pipe(counter);
  return counter;
}
