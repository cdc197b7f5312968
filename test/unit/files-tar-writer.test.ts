// The browser-mode upload's tar (header blocks around the files' contents) read back by a real
// tar parser: names (long, unicode, spaces), kinds, sizes, modes, times and contents.
import { Readable } from 'node:stream';
import { extract } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { tarParts, tarSize, type TarItem } from '../../src/shared/files/tar-writer';

interface Read {
  name: string;
  type: string;
  size: number;
  mode: number;
  mtime: number;
  body: string;
}

async function readBack(bytes: Buffer): Promise<Read[]> {
  const out: Read[] = [];
  const parser = extract();
  await new Promise<void>((resolve, reject) => {
    parser.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk) => {
        chunks.push(chunk as Buffer);
      });
      stream.on('end', () => {
        out.push({
          name: header.name,
          type: header.type ?? '',
          size: header.size ?? 0,
          mode: header.mode ?? 0,
          mtime: header.mtime?.getTime() ?? 0,
          body: Buffer.concat(chunks).toString(),
        });
        next();
      });
    });
    parser.on('finish', resolve);
    parser.on('error', reject);
    Readable.from([bytes]).pipe(parser);
  });
  return out;
}

const join = (parts: Array<Uint8Array | Buffer>): Buffer => Buffer.concat(parts.map((part) => Buffer.from(part)));

describe('tarParts', () => {
  it('writes files and folders a tar parser reads back exactly', async () => {
    const longName = `drop/${'deep-folder-name/'.repeat(8)}file with a long name.txt`;
    const items: TarItem<Buffer>[] = [
      { path: 'drop', kind: 'directory', size: 0, mtimeMs: 1_700_000_000_000 },
      { path: 'drop/한글 파일.txt', kind: 'file', size: 7, content: Buffer.from('héllo\n'), mode: 0o600, mtimeMs: 1_700_000_001_000 },
      { path: 'drop/empty', kind: 'directory', size: 0 },
      { path: 'drop/-dash', kind: 'file', size: 0 },
      { path: longName, kind: 'file', size: 513, content: Buffer.alloc(513, 'z') },
    ];
    const bytes = join(tarParts(items));
    expect(bytes.length).toBe(tarSize(items));
    expect(bytes.length % 512).toBe(0);
    const read = await readBack(bytes);
    expect(read.map((entry) => [entry.name, entry.type, entry.size])).toEqual([
      ['drop/', 'directory', 0],
      ['drop/한글 파일.txt', 'file', 7],
      ['drop/empty/', 'directory', 0],
      ['drop/-dash', 'file', 0],
      [longName, 'file', 513],
    ]);
    expect(read[1]).toMatchObject({ mode: 0o600, mtime: 1_700_000_001_000, body: 'héllo\n' });
    expect(read[0]!.mode).toBe(0o755);
    expect(read[4]!.body).toBe('z'.repeat(513));
  });

  it('refuses a file without content', () => {
    expect(() => tarParts([{ path: 'a', kind: 'file', size: 3 }])).toThrow(/No content/);
  });
});
