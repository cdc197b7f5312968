/**
 * Parsing what the one-level exec listing prints (see files-list-exec.ts). Busybox has no
 * `find -printf` and its `stat -c` cannot print a NUL, so each batch of names is printed twice:
 *
 *   N<count>\0  <path>\0 × count  then one `stat -c` line per path, in the same order:
 *   <raw mode hex> <size> <mtime s> <nlink> <inode> <%N>\n
 *
 * and after the last batch `E\0`, printed only when find succeeded.
 * The NUL-separated paths are exact (a name may hold anything but NUL and `/`), so the stat lines
 * are read knowing the path each one ends with: `%N` prints the path as is, or for a symlink
 * `'<path>' -> '<target>'`. A target may hold a quote and a newline too: its end is where its
 * length (the link's size) says, else the first `'\n` after which the next record starts.
 */
import type { FileEntry, FileKind } from '../../../shared/types/files';

const S_IFMT = 0o170000;
const TYPES: Record<number, FileKind | 'socket'> = {
  0o040000: 'directory',
  0o100000: 'file',
  0o120000: 'symlink',
  0o140000: 'socket',
};

export class ExecListingFormatError extends Error {}

interface StatFields {
  mode: number;
  size: number;
  mtime: number;
  nlink: number;
  inode: string;
  /** Where the `%N` part starts. */
  rest: number;
}

const FIELDS = /^([0-9a-f]+) (\d+) (\d+) (\d+) (\d+) /;

function readFields(out: Buffer, at: number): StatFields | undefined {
  // Five short numbers: 120 bytes is more than enough to hold them.
  const head = out.subarray(at, at + 120).toString('latin1');
  const match = FIELDS.exec(head);
  if (!match) return undefined;
  return {
    mode: parseInt(match[1]!, 16),
    size: Number(match[2]),
    mtime: Number(match[3]),
    nlink: Number(match[4]),
    inode: match[5]!,
    rest: at + match[0].length,
  };
}

const isEndMarker = (out: Buffer, at: number): boolean => at === out.length - 2 && out[at] === 0x45 && out[at + 1] === 0;

const matches = (out: Buffer, at: number, expected: Buffer): boolean =>
  out.length >= at + expected.length && out.subarray(at, at + expected.length).equals(expected);

/** Whether a stat line for `path` starts at `at` (or, with no path, the end or the next batch). */
function startsRecord(out: Buffer, at: number, path: Buffer | undefined): boolean {
  if (!path) return isEndMarker(out, at) || (out[at] === 0x4e && /^N\d+\0/.test(out.subarray(at, at + 24).toString('latin1')));
  const fields = readFields(out, at);
  if (!fields) return false;
  return matches(out, fields.rest, path) || matches(out, fields.rest, Buffer.concat([Buffer.from("'"), path, Buffer.from("'")]));
}

export interface RawEntry {
  path: Buffer;
  kind: FileKind | 'socket';
  size: number;
  mode: number;
  mtime: number;
  nlink: number;
  inode: string;
  target?: Buffer;
}

function readRecord(out: Buffer, at: number, path: Buffer, next: Buffer | undefined): { entry: RawEntry; end: number } {
  const fields = readFields(out, at);
  if (!fields) throw new ExecListingFormatError(`no stat fields at byte ${at}`);
  const kind = TYPES[fields.mode & S_IFMT] ?? 'other';
  const entry: RawEntry = { path, kind, size: fields.size, mode: fields.mode & 0o7777, mtime: fields.mtime, nlink: fields.nlink, inode: fields.inode };
  if (kind !== 'symlink') {
    if (!matches(out, fields.rest, path) || out[fields.rest + path.length] !== 0x0a)
      throw new ExecListingFormatError(`unexpected stat line for ${path.toString()}`);
    return { entry, end: fields.rest + path.length + 1 };
  }
  const prefix = Buffer.concat([Buffer.from("'"), path, Buffer.from("' -> '")]);
  if (!matches(out, fields.rest, prefix)) throw new ExecListingFormatError(`unexpected symlink line for ${path.toString()}`);
  const start = fields.rest + prefix.length;
  const endsAt = (end: number): boolean => out[end] === 0x27 && out[end + 1] === 0x0a && startsRecord(out, end + 2, next);
  let end = start + fields.size;
  if (!endsAt(end)) {
    // The size does not give the target's length (e.g. in /proc): the first end that fits.
    end = start;
    while (end < out.length && !endsAt(end)) end++;
    if (end >= out.length) throw new ExecListingFormatError(`no end of the target of ${path.toString()}`);
  }
  entry.target = out.subarray(start, end);
  return { entry, end: end + 2 };
}

/** Every record of the output, in the order printed. Throws ExecListingFormatError on anything unexpected. */
export function parseExecListing(out: Buffer): RawEntry[] {
  const entries: RawEntry[] = [];
  if (!isEndMarker(out, out.length - 2)) throw new ExecListingFormatError('no end marker: find did not succeed');
  let at = 0;
  while (at < out.length - 2) {
    const nul = out.indexOf(0, at);
    const header = nul < 0 ? '' : out.subarray(at, nul).toString('latin1');
    if (!/^N\d+$/.test(header)) throw new ExecListingFormatError(`no batch header at byte ${at}`);
    const count = Number(header.slice(1));
    at = nul + 1;
    const paths: Buffer[] = [];
    for (let i = 0; i < count; i++) {
      const end = out.indexOf(0, at);
      if (end < 0) throw new ExecListingFormatError('a path without its NUL');
      paths.push(out.subarray(at, end));
      at = end + 1;
    }
    for (let i = 0; i < count; i++) {
      const { entry, end } = readRecord(out, at, paths[i]!, paths[i + 1]);
      entries.push(entry);
      at = end;
    }
  }
  return entries;
}

const baseName = (path: Buffer): Buffer => path.subarray(path.lastIndexOf(0x2f) + 1);

/**
 * The entries as the archive listing gives them: sockets left out (a tar cannot hold one), sizes
 * of files only, in the archive's (byte-wise name) order, and a file whose inode an earlier
 * sibling file has is a hard link to it (named as the archive names it: `<rootName>/<name>`).
 * Throws ExecListingFormatError for a path that is not a direct child of `folder`.
 */
export function toFileEntries(raw: readonly RawEntry[], folder: string, rootName: string): FileEntry[] {
  // find prints "<folder>/<name>": anything else (a hostile find, say) is not a listing of it.
  const prefix = Buffer.from(folder === '/' ? '/' : `${folder}/`);
  for (const { path } of raw) {
    const name = path.subarray(prefix.length).toString('latin1');
    if (!path.subarray(0, prefix.length).equals(prefix) || name === '' || name === '.' || name === '..' || name.includes('/')) {
      throw new ExecListingFormatError(`a path outside ${folder}: ${path.toString()}`);
    }
  }
  const sorted = raw.filter((entry) => entry.kind !== 'socket').sort((a, b) => Buffer.compare(baseName(a.path), baseName(b.path)));
  const firstOfInode = new Map<string, string>();
  return sorted.map((item) => {
    const name = baseName(item.path).toString('utf8');
    const kind = item.kind as FileKind;
    const entry: FileEntry = {
      name,
      path: folder === '/' ? `/${name}` : `${folder}/${name}`,
      kind,
      size: kind === 'file' ? item.size : 0,
      mode: item.mode,
      modified: item.mtime * 1000,
    };
    if (item.target) entry.linkTarget = item.target.toString('utf8');
    if (kind === 'file' && item.nlink > 1) {
      const first = firstOfInode.get(item.inode);
      if (first === undefined) firstOfInode.set(item.inode, name);
      else entry.hardLinkTo = rootName === '/' ? first : `${rootName}/${first}`;
    }
    return entry;
  });
}
