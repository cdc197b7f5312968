// Progress of a copy into a container counts the user's bytes (the files in the tar), not the
// tar's: a 22-byte file is 22 B, not the 2 KiB archive that carries it.
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { tarContentCounter } from '../../src/main/engine/files/tar-content';
import { tarParts, type TarItem } from '../../src/shared/files/tar-writer';

async function tarOf(build: (archive: ReturnType<typeof pack>) => void): Promise<Buffer> {
  const archive = pack();
  build(archive);
  archive.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of archive as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Sends `bytes` through the counter in chunks of `chunkSize`; resolves the count and what came out. */
async function count(bytes: Buffer, chunkSize: number): Promise<{ counted: number; calls: number; out: Buffer }> {
  let counted = 0;
  let calls = 0;
  const out: Buffer[] = [];
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += chunkSize) chunks.push(bytes.subarray(offset, offset + chunkSize));
  await pipeline(
    Readable.from(chunks),
    tarContentCounter((n) => {
      counted += n;
      calls += 1;
    }),
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        out.push(chunk);
        callback();
      },
    }),
  );
  return { counted, calls, out: Buffer.concat(out) };
}

describe('tarContentCounter', () => {
  it('a 22-byte file in a 2 KiB tar counts 22', async () => {
    const tar = await tarOf((archive) => archive.entry({ name: 'hello.txt' }, 'twenty-two bytes here\n'));
    expect(tar.length).toBe(2048);
    const { counted, out } = await count(tar, 64 * 1024);
    expect(counted).toBe(22);
    expect(out.equals(tar)).toBe(true);
  });

  it('only file contents count: folders, links, long-name (PAX) records, padding and the end blocks do not, in any chunking', async () => {
    const long = `${'deep/'.repeat(40)}${'ü'.repeat(80)}.bin`;
    const big = Buffer.alloc(64 * 1024 + 3, 7);
    const tar = await tarOf((archive) => {
      archive.entry({ name: 'deep/', type: 'directory' });
      archive.entry({ name: long, size: big.length }, big);
      archive.entry({ name: 'link', type: 'symlink', linkname: long });
      archive.entry({ name: 'empty.txt' }, '');
      archive.entry({ name: 'odd.txt' }, 'x'.repeat(513));
    });
    const expected = big.length + 513;
    for (const size of [1, 7, 511, 512, 513, 4096, tar.length]) {
      const { counted, out } = await count(tar, size);
      expect(counted, `chunks of ${size}`).toBe(expected);
      expect(out.length).toBe(tar.length);
    }
  });

  it('counts the page-built upload tar (browser mode) the same way', async () => {
    const items: TarItem<Buffer>[] = [
      { path: 'drop', kind: 'directory', size: 0, mtimeMs: 0 },
      { path: 'drop/a.txt', kind: 'file', size: 22, mtimeMs: 0, content: Buffer.alloc(22, 97) },
      { path: `drop/${'n'.repeat(150)}`, kind: 'file', size: 1000, mtimeMs: 0, content: Buffer.alloc(1000, 98) },
    ];
    const tar = Buffer.concat(tarParts(items).map((part) => Buffer.from(part)));
    expect((await count(tar, 300)).counted).toBe(1022);
  });
});
