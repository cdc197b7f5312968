/**
 * Counts the bytes of the files inside a tar as it streams past: the user's bytes, not the tar's
 * (a 22-byte file is a 2 KiB archive: a header block, its data padded to a block, two end blocks).
 * Headers, padding, PAX and GNU long-name records and the end blocks are not counted. The bytes
 * pass through unchanged.
 */
import { Transform } from 'node:stream';

const BLOCK = 512;
/** Entry types whose data is a file's content: regular ('0' and the old NUL) and contiguous ('7'). */
const FILE_TYPES = new Set([0x30, 0x00, 0x37]);

/** A header's size field: octal text, or base-256 when the first byte has its high bit set. */
function entrySize(header: Buffer): number {
  const field = header.subarray(124, 136);
  if (field[0]! & 0x80) {
    let size = 0;
    for (let index = 1; index < field.length; index++) size = size * 256 + field[index]!;
    return size;
  }
  const text = field
    .toString('latin1')
    .replace(/[\0 ]+$/g, '')
    .trim();
  return text ? Number.parseInt(text, 8) : 0;
}

/** A pass-through that calls `onBytes` with how many file-content bytes each chunk carried. */
export function tarContentCounter(onBytes: (count: number) => void): Transform {
  const header = Buffer.alloc(BLOCK);
  let headerFill = 0;
  /** Bytes left of the current entry's data, and of its padding to the block. */
  let dataLeft = 0;
  let paddingLeft = 0;
  let counting = false;

  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      let offset = 0;
      let content = 0;
      while (offset < chunk.length) {
        if (dataLeft > 0) {
          const take = Math.min(dataLeft, chunk.length - offset);
          if (counting) content += take;
          dataLeft -= take;
          offset += take;
        } else if (paddingLeft > 0) {
          const take = Math.min(paddingLeft, chunk.length - offset);
          paddingLeft -= take;
          offset += take;
        } else {
          const take = Math.min(BLOCK - headerFill, chunk.length - offset);
          chunk.copy(header, headerFill, offset, offset + take);
          headerFill += take;
          offset += take;
          if (headerFill < BLOCK) break;
          headerFill = 0;
          // An all-zero block (the end of the archive) has size 0 and starts nothing.
          const size = entrySize(header);
          counting = FILE_TYPES.has(header[156]!);
          dataLeft = size;
          paddingLeft = (BLOCK - (size % BLOCK)) % BLOCK;
        }
      }
      if (content > 0) onBytes(content);
      callback(null, chunk);
    },
  });
}
