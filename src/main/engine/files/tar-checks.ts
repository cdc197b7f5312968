import { Transform } from 'node:stream';
import { BerthError } from '../../../shared/errors';

const BLOCK = 512;

/** gzip, bzip2, xz, zstd: `docker import` accepts a compressed tar too. */
const COMPRESSED_MAGIC: readonly number[][] = [
  [0x1f, 0x8b],
  [0x42, 0x5a, 0x68],
  [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00],
  [0x28, 0xb5, 0x2f, 0xfd],
];

function startsWith(head: Buffer, magic: readonly number[]): boolean {
  return head.length >= magic.length && magic.every((byte, i) => head[i] === byte);
}

/** A ustar/gnu/v7 header block: its checksum field matches its bytes (or it is the all-zero end marker). */
export function isTarHeader(block: Buffer): boolean {
  if (block.length < BLOCK) return false;
  let sum = 0;
  let zero = true;
  for (let i = 0; i < BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : block[i]!;
    if (block[i] !== 0) zero = false;
    sum += byte;
  }
  if (zero) return true;
  const field = block
    .subarray(148, 156)
    .toString('latin1')
    .replace(/[\0 ]+$/, '')
    .trim();
  return /^[0-7]+$/.test(field) && parseInt(field, 8) === sum;
}

/** What the first bytes of an upload say about it; undefined when it may be a (possibly compressed) tar. */
export function tarStartProblem(head: Buffer): string | undefined {
  if (head.length === 0) return 'The file is empty: docker import needs a tar archive.';
  if (COMPRESSED_MAGIC.some((magic) => startsWith(head, magic))) return undefined;
  if (!isTarHeader(head)) return 'The file is not a tar archive (its first block is not a tar header).';
  return undefined;
}

/**
 * Holds back the first 512 bytes until they look like a tar (or a compressed tar), then passes
 * everything through; fails otherwise, before the engine has seen a byte.
 */
export function tarStartCheck(): Transform {
  let head: Buffer[] = [];
  let headBytes = 0;
  let checked = false;
  const check = (transform: Transform): Error | undefined => {
    checked = true;
    const start = Buffer.concat(head);
    head = [];
    const problem = tarStartProblem(start);
    if (problem) return new BerthError('INVALID_INPUT', problem);
    transform.push(start);
    return undefined;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (checked) return callback(null, chunk);
      head.push(chunk);
      headBytes += chunk.length;
      callback(headBytes >= BLOCK ? check(this) : undefined);
    },
    flush(callback) {
      callback(checked ? undefined : check(this));
    },
  });
}
