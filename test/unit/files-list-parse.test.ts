// The exec listing's output format (NUL-separated paths, then stat lines): odd names and link
// targets that imitate the next record, several batches, and output that must be refused.
import { describe, expect, it } from 'vitest';
import { ExecListingFormatError, parseExecListing, toFileEntries } from '../../src/main/engine/files/list-parse';

const batch = (paths: string[], lines: string[]): Buffer =>
  Buffer.concat([Buffer.from(`N${paths.length}\0`), ...paths.map((p) => Buffer.from(`${p}\0`)), Buffer.from(lines.join(''))]);
const END = Buffer.from('E\0');

describe('parseExecListing', () => {
  it('reads files, folders, fifos and symlinks whose names and targets hold newlines and quotes', () => {
    const target = "x'\n81a4 5 0 1 1 /d/b\n";
    const out = Buffer.concat([
      batch(
        ['/d/a\nb', '/d/l', '/d/b', '/d/f'],
        [
          '81a4 3 1700000000 1 11 /d/a\nb\n',
          `a1ff ${Buffer.byteLength(target)} 1700000001 1 12 '/d/l' -> '${target}'\n`,
          '41ed 4096 1700000002 2 13 /d/b\n',
          '1180 0 1700000003 1 14 /d/f\n',
        ],
      ),
      END,
    ]);
    const entries = toFileEntries(parseExecListing(out), '/d', 'd');
    expect(entries.map((entry) => [entry.name, entry.kind, entry.size, entry.mode, entry.modified, entry.linkTarget])).toEqual([
      ['a\nb', 'file', 3, 0o644, 1700000000000, undefined],
      ['b', 'directory', 0, 0o755, 1700000002000, undefined],
      ['f', 'other', 0, 0o600, 1700000003000, undefined],
      ['l', 'symlink', 0, 0o777, 1700000001000, target],
    ]);
  });

  it('finds a target whose length the size does not give (as in /proc) by where the next record starts', () => {
    const out = Buffer.concat([
      batch(['/p/self', '/p/x'], ["a1ff 0 0 1 2 '/p/self' -> '42'\n", '81a4 1 0 1 3 /p/x\n']),
      batch(['/p/z'], ["a1ff 0 0 1 4 '/p/z' -> 'it''s'\n"]),
      END,
    ]);
    const raw = parseExecListing(out);
    expect(raw.map((entry) => entry.target?.toString())).toEqual(['42', undefined, "it''s"]);
  });

  it('marks a later sibling with the same inode as a hard link, as the archive does; leaves sockets out', () => {
    const out = Buffer.concat([batch(['/d/z', '/d/a', '/d/s'], ['81a4 5 0 2 7 /d/z\n', '81a4 5 0 2 7 /d/a\n', 'c1ed 0 0 1 8 /d/s\n']), END]);
    expect(toFileEntries(parseExecListing(out), '/d', 'd')).toEqual([
      { name: 'a', path: '/d/a', kind: 'file', size: 5, mode: 0o644, modified: 0 },
      { name: 'z', path: '/d/z', kind: 'file', size: 5, mode: 0o644, modified: 0, hardLinkTo: 'd/a' },
    ]);
    const atRoot = Buffer.concat([batch(['/z', '/a'], ['81a4 5 0 2 7 /z\n', '81a4 5 0 2 7 /a\n']), END]);
    expect(toFileEntries(parseExecListing(atRoot), '/', '/').map((entry) => entry.hardLinkTo)).toEqual([undefined, 'a']);
  });

  it('refuses a path that is not a direct child of the folder', () => {
    for (const bad of ['/e/a', '/d/..', '/d/.', '/d/', '/dx']) {
      const out = Buffer.concat([batch([bad], [`81a4 1 0 1 1 ${bad}\n`]), END]);
      expect(() => toFileEntries(parseExecListing(out), '/d', 'd'), bad).toThrow(ExecListingFormatError);
    }
    const root = Buffer.concat([batch(['/bin'], ['41ed 0 0 2 1 /bin\n']), END]);
    expect(toFileEntries(parseExecListing(root), '/', '/').map((entry) => entry.path)).toEqual(['/bin']);
  });

  it('an empty folder is only the end marker', () => {
    expect(parseExecListing(END)).toEqual([]);
  });

  it('refuses output without the end marker, with a missing stat line, or with a line for another path', () => {
    const good = batch(['/d/a'], ['81a4 1 0 1 1 /d/a\n']);
    expect(() => parseExecListing(good)).toThrow(ExecListingFormatError);
    expect(() => parseExecListing(Buffer.alloc(0))).toThrow(ExecListingFormatError);
    expect(() => parseExecListing(Buffer.concat([batch(['/d/a', '/d/b'], ['81a4 1 0 1 1 /d/a\n']), END]))).toThrow(ExecListingFormatError);
    expect(() => parseExecListing(Buffer.concat([batch(['/d/a'], ['81a4 1 0 1 1 /d/b\n']), END]))).toThrow(ExecListingFormatError);
    expect(() => parseExecListing(Buffer.concat([Buffer.from('garbage'), END]))).toThrow(ExecListingFormatError);
  });
});
