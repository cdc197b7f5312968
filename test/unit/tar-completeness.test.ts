// The check that a streamed tar (an export, a copy out) is whole: it follows the archive's
// structure, so a stream cut inside a run of zeros in a file's data is caught even though its last
// 1024 bytes look like an end marker. Archives made by the real GNU tar; pax and base-256 sizes built
// by hand (tarHeaderBlock) as Go's archive/tar, the engine's writer, writes them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tarCompletenessCheck } from '../../src/main/engine/files/tar-completeness';
import { tarHeaderBlock } from '../helpers/tar-fixture';

const BLOCK = 512;
let dir: string;
/** A GNU tar of a small text file, then 64 KiB of zeros, then a small file. */
let archive: Buffer;
/** Where the zeros file's data starts in `archive`. */
let zerosStart: number;

async function drain(chunks: Buffer[]): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(chunks).pipe(tarCompletenessCheck(() => new Error('incomplete')))) out.push(chunk as Buffer);
  return Buffer.concat(out);
}

/** `buffer` handed on in pieces of `size` bytes. */
const pieces = (buffer: Buffer, size: number): Buffer[] =>
  Array.from({ length: Math.ceil(buffer.length / size) }, (_, i) => buffer.subarray(i * size, (i + 1) * size));

const header = (name: string, type: string, size: number | { base256: number }): Buffer => tarHeaderBlock(name, { type, size });

const padded = (data: Buffer): Buffer => Buffer.concat([data, Buffer.alloc((BLOCK - (data.length % BLOCK)) % BLOCK)]);
const endMarker = Buffer.alloc(2 * BLOCK);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'berth-tar-complete-'));
  writeFileSync(path.join(dir, 'a.txt'), 'hello\n');
  writeFileSync(path.join(dir, 'zeros'), Buffer.alloc(64 * 1024));
  writeFileSync(path.join(dir, 'z.txt'), 'last\n');
  archive = execFileSync('tar', ['--format=ustar', '-C', dir, '-cf', '-', 'a.txt', 'zeros', 'z.txt'], { maxBuffer: 1 << 24 });
  zerosStart = 3 * BLOCK; // a.txt's header and data, then zeros' header
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a streamed tar is whole', () => {
  it('passes a complete archive through unchanged, however it is cut into chunks', async () => {
    for (const size of [1, 511, 700, 4096, archive.length]) expect((await drain(pieces(archive, size))).equals(archive), `pieces of ${size}`).toBe(true);
  });

  it('fails a stream cut inside the zeros of a file, though its last 1024 bytes are zero', async () => {
    for (const cut of [zerosStart + 2 * BLOCK, zerosStart + 32 * 1024, zerosStart + 64 * 1024]) {
      const cutShort = archive.subarray(0, cut);
      expect(cutShort.subarray(-2 * BLOCK).every((byte) => byte === 0)).toBe(true);
      await expect(drain(pieces(cutShort, 700)), `cut at ${cut}`).rejects.toThrow('incomplete');
    }
  });

  it('fails a stream cut between entries and one with a single zero block at its end', async () => {
    await expect(drain([archive.subarray(0, 2 * BLOCK)])).rejects.toThrow('incomplete');
    const lastEntryEnd =
      archive.length -
      Buffer.from(archive)
        .reverse()
        .findIndex((byte) => byte !== 0);
    const oneZeroBlock = archive.subarray(0, Math.ceil(lastEntryEnd / BLOCK) * BLOCK + BLOCK);
    await expect(drain([oneZeroBlock])).rejects.toThrow('incomplete');
  });

  it('fails at once on a header whose checksum is wrong', async () => {
    const corrupt = Buffer.from(archive);
    corrupt[zerosStart - BLOCK] = 0x41;
    await expect(drain([corrupt])).rejects.toThrow('incomplete');
  });

  it('takes an entry size from a pax record and from a base-256 size field, as Go writes sizes over 8 GiB', async () => {
    const data = Buffer.alloc(1536, 0);
    const record = Buffer.from('12 size=1536\n'.replace('12', String('12 size=1536\n'.length)));
    const withPax = Buffer.concat([header('PaxHeaders/big', 'x', record.length), padded(record), header('big', '0', 0), data, endMarker]);
    expect((await drain(pieces(withPax, 300))).equals(withPax)).toBe(true);
    // Cut inside the zero data the pax record announced: without the record the header says 0 bytes.
    await expect(drain([withPax.subarray(0, 3 * BLOCK + 1024)])).rejects.toThrow('incomplete');
    const base256 = Buffer.concat([header('big', '0', { base256: 1536 }), data, endMarker]);
    expect((await drain([base256])).equals(base256)).toBe(true);
    await expect(drain([base256.subarray(0, BLOCK + 1024)])).rejects.toThrow('incomplete');
  });

  it('falls back to the last 1024 bytes after a GNU sparse header it cannot follow', async () => {
    const sparse = header('sparse-file', 'S', 1024);
    sparse[482] = 1; // "isextended": sparse map blocks follow, which this check does not read
    sparse.fill(0x20, 148, 156);
    let sum = 0;
    for (const byte of sparse) sum += byte;
    sparse.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    const data = Buffer.alloc(3 * BLOCK, 0x61);
    const whole = Buffer.concat([header('a', '0', 0), sparse, data, endMarker]);
    expect((await drain(pieces(whole, 300))).equals(whole)).toBe(true);
    await expect(drain(pieces(whole.subarray(0, whole.length - BLOCK), 300))).rejects.toThrow('incomplete');
  });

  it('reads no data after a directory or link header, whatever its size field says', async () => {
    const archiveWithDir = Buffer.concat([header('dir/', '5', 4096), header('dir/f', '0', 0), endMarker]);
    expect((await drain([archiveWithDir])).equals(archiveWithDir)).toBe(true);
  });
});
