// Tar archives made in memory for tests (small test data only).
import { pack, type Header } from 'tar-stream';

export type SeedItem = Partial<Header> & { name: string; body?: string | Buffer };

/** A tar of `items`: files (with a body) 0644, folders and the rest 0755 unless a mode is given. */
export async function tarOf(items: readonly SeedItem[]): Promise<Buffer> {
  const tar = pack();
  for (const { body, ...header } of items) {
    if (body !== undefined) tar.entry({ mode: 0o644, ...header, type: header.type ?? 'file' }, body);
    else tar.entry({ mode: 0o755, ...header });
  }
  tar.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of tar as unknown as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * One ustar header block written by hand, for what tar-stream will not write: a chosen type flag,
 * or a size in base-256 (`{ base256: N }`, the high bit then big-endian bytes, as Go writes sizes
 * over 8 GiB).
 */
export function tarHeaderBlock(name: string, { type = '0', size = 0 }: { type?: string; size?: number | { base256: number } } = {}): Buffer {
  const block = Buffer.alloc(512);
  block.write(name, 0);
  block.write('0000644\0', 100);
  if (typeof size === 'number') block.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  else {
    block[124] = 0x80;
    block.writeUIntBE(size.base256, 130, 6);
  }
  block.write(type, 156);
  block.write('ustar\0', 257);
  block.write('00', 263);
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return block;
}
