import { Transform } from 'node:stream';
import { isTarHeader } from './tar-checks';

const BLOCK = 512;
/** A pax header's records are read for `size` when they are this small (they are a few hundred bytes). */
const MAX_PAX_BYTES = 64 * 1024;
/** Types with no data after their header whatever their size field says (as Go's archive/tar reads them). */
const HEADER_ONLY_TYPES = new Set(['1', '2', '3', '4', '5', '6'].map((type) => type.charCodeAt(0)));
const PAX_LOCAL = 'x'.charCodeAt(0);
const GNU_SPARSE = 'S'.charCodeAt(0);

/** The size field (bytes 124–135): octal text, or base-256 when its first byte has the high bit (files over 8 GiB). */
function sizeOf(header: Buffer): number {
  if (header[124]! & 0x80) {
    let size = header[124]! & 0x7f;
    for (let i = 125; i < 136; i++) size = size * 256 + header[i]!;
    return size;
  }
  const text = header
    .subarray(124, 136)
    .toString('latin1')
    .replace(/[\0 ]+$/, '')
    .trim();
  return text === '' ? 0 : parseInt(text, 8);
}

/** The `size` record of pax extended-header data (`LEN size=N\n`), if it has one. */
function paxSize(records: Buffer): number | undefined {
  const match = /(?:^|\n)\d+ size=(\d+)\n/.exec(records.toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

/**
 * Follows a tar's structure as it streams by (each header's size says where the next header is)
 * and fails at the end unless the stream stopped right after the archive's end marker, two zero
 * blocks where a header belongs. Only looking at the last 1024 bytes would take a stream cut inside
 * a run of zeros in some file's data (a database file, a disk image) for a complete archive.
 * Something it cannot follow (a GNU sparse header with extensions) falls back to that last-bytes
 * check. A header whose checksum is wrong is a corrupt stream and fails at once.
 */
export function tarCompletenessCheck(incomplete: () => Error): Transform {
  const header = Buffer.alloc(BLOCK);
  let headerFill = 0;
  /** Data and padding of the current entry still to pass. */
  let skip = 0;
  let zeroHeaders = 0;
  let ended = false;
  /** Pax records being collected, and the size they give the next entry. */
  let pax: Buffer[] | undefined;
  let paxLeft = 0;
  let nextSize: number | undefined;
  let followingStructure = true;
  /** Once the structure cannot be followed: the last 1024 bytes seen since (the end marker comes after that point). */
  let tail: Buffer = Buffer.alloc(0);
  /** Keeps the last bytes of `bytes` in `tail`, copied: a piece's memory may be read into again once written (engine-http-stream.ts). */
  const keepTail = (bytes: Buffer): void => {
    tail = Buffer.from(bytes.length >= 2 * BLOCK ? bytes.subarray(bytes.length - 2 * BLOCK) : Buffer.concat([tail, bytes]).subarray(-2 * BLOCK));
  };

  const onHeader = (): Error | undefined => {
    if (header.every((byte) => byte === 0)) {
      if (++zeroHeaders === 2) ended = true;
      return undefined;
    }
    zeroHeaders = 0;
    if (!isTarHeader(header)) return incomplete();
    const type = header[156]!;
    if (type === GNU_SPARSE && header[482] !== 0) {
      followingStructure = false;
      return undefined;
    }
    const size = nextSize ?? sizeOf(header);
    nextSize = undefined;
    const dataBytes = HEADER_ONLY_TYPES.has(type) ? 0 : size;
    skip = Math.ceil(dataBytes / BLOCK) * BLOCK;
    if (type === PAX_LOCAL && size <= MAX_PAX_BYTES) {
      pax = [];
      paxLeft = size;
    }
    return undefined;
  };

  /** Walks `chunk`; an Error when it shows the stream is not a sound tar. */
  const walk = (chunk: Buffer): Error | undefined => {
    let at = 0;
    while (at < chunk.length && followingStructure && !ended) {
      if (skip > 0) {
        const step = Math.min(skip, chunk.length - at);
        if (pax && paxLeft > 0) {
          pax.push(Buffer.from(chunk.subarray(at, at + Math.min(step, paxLeft))));
          paxLeft -= Math.min(step, paxLeft);
        }
        skip -= step;
        at += step;
        if (skip === 0 && pax) {
          nextSize = paxSize(Buffer.concat(pax)) ?? nextSize;
          pax = undefined;
        }
        continue;
      }
      const step = Math.min(BLOCK - headerFill, chunk.length - at);
      chunk.copy(header, headerFill, at, at + step);
      headerFill += step;
      at += step;
      if (headerFill === BLOCK) {
        headerFill = 0;
        const problem = onHeader();
        if (problem) return problem;
        if (!followingStructure) keepTail(chunk.subarray(at));
      }
    }
    return undefined;
  };

  return new Transform({
    highWaterMark: 1024 * 1024,
    transform(chunk: Buffer, _encoding, callback) {
      if (!followingStructure) {
        keepTail(chunk);
        return callback(null, chunk);
      }
      const problem = walk(chunk);
      callback(problem ?? null, problem ? undefined : chunk);
    },
    flush(callback) {
      const complete = followingStructure ? ended : tail.length === 2 * BLOCK && tail.every((byte) => byte === 0);
      callback(complete ? undefined : incomplete());
    },
  });
}
