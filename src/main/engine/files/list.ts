/**
 * Listing a folder and reading a file through the archive API, reading tar headers only. (A
 * running container's folder is listed with an exec instead: files-list-exec.ts; the archive is
 * for stopped, paused and shell-less containers.)
 *
 * Cost: `GET /archive` of a folder streams its WHOLE subtree (the engine has no depth limit), and
 * the engine walks it depth-first in lexical order, so a child's subtree comes between it and the
 * next child. The last child is only known when the stream ends: stopping "once depth 1 is
 * complete" is impossible in general. So file bodies are skipped as they stream by (never
 * buffered: memory stays flat); the Files tab shows children as they are found (a stream) and
 * can be left at any time, which closes the request; the `files.list` command stops at a byte
 * budget unless asked for the full listing, and then says after which child entries may be
 * missing (all children after it in lexical order).
 */
import path from 'node:path';
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { extract as tarExtract, type Header as TarHeader } from 'tar-stream';
import { BerthError } from '../../../shared/errors';
import type { DirectoryListing, FileContent, FileEntry, FileKind, ListingMethod, ListingUpdate } from '../../../shared/types/files';
import { toBerthError } from '../core/errors';
import { archiveError, archiveRootName, getArchive, statFollowing } from './archive';
import { ExecListingUnavailable, listWithExec } from './list-exec';
import type { StreamDisposer, StreamSink } from '../core/stream-sink';
import { CappedBuffer, decodeText } from './text-content';

/** How much of a folder's subtree a listing reads before it stops (unless `full`). */
const LIST_SCAN_BUDGET_BYTES = 32 * 1024 * 1024;
/** Hard-link sizes are looked up among the files seen; this bounds that table. */
const MAX_REMEMBERED_FILES = 100_000;

function kindOfHeader(type: TarHeader['type'] | undefined): FileKind {
  switch (type) {
    case 'directory':
      return 'directory';
    case 'symlink':
      return 'symlink';
    case 'file':
    case 'contiguous-file':
    case 'link':
      return 'file';
    default:
      return 'other';
  }
}

/** A header's path relative to the listed folder ('' for the folder itself); undefined if outside it. */
function relativeName(name: string, rootName: string): string | undefined {
  const clean = name.replace(/\/+$/, '');
  if (rootName === '/') return name.startsWith('/') ? clean.replace(/^\/+/, '') : undefined;
  if (clean === rootName) return '';
  return clean.startsWith(`${rootName}/`) ? clean.slice(rootName.length + 1) : undefined;
}

/** Counts the bytes a stream delivers. */
function countBytes(source: Readable, onBytes: (total: number) => void): void {
  let total = 0;
  source.on('data', (chunk: Buffer) => {
    total += chunk.length;
    onBytes(total);
  });
}

export interface ScanOptions {
  /** Stop after this many archive bytes (the listing is then incomplete). Default: no limit. */
  budgetBytes?: number;
  signal?: AbortSignal;
  /** Children as they are found, in batches (for a listing shown while it is read). */
  onEntries?: (entries: FileEntry[], scannedBytes: number, folder: string, method: ListingMethod) => void;
}

/** How often found children are handed to `onEntries`. */
const BATCH_INTERVAL_MS = 150;

/** How the container can be listed: only a running, unpaused container runs an exec. */
async function archiveReasonOf(docker: Docker, id: string): Promise<'stopped' | 'paused' | undefined> {
  const { State } = await docker.getContainer(id).inspect();
  if (!State.Running) return 'stopped';
  return State.Paused ? 'paused' : undefined;
}

/**
 * A folder's direct children. In a running container, one level through an exec of find/stat
 * (files-list-exec.ts); else, or when that exec cannot run, from the folder's archive (which
 * holds its whole subtree: see the top of this file). Symlinked folders are followed (the
 * listing's `path` is then the target). `via: 'archive'` always reads the archive.
 */
export async function scanDirectory(docker: Docker, id: string, folder: string, options: ScanOptions & { via?: 'archive' } = {}): Promise<DirectoryListing> {
  const dir = await statFollowing(docker, id, folder);
  if (dir.kind !== 'directory') throw new BerthError('INVALID_INPUT', `${dir.path} is not a folder.`);
  const rootName = archiveRootName(dir.path);
  let reason: 'stopped' | 'paused' | 'exec-failed' = 'exec-failed';
  if (options.via !== 'archive') {
    try {
      const { entries, outputBytes } = await listWithExec(docker, id, dir.path, rootName, options.signal);
      const method: ListingMethod = { kind: 'exec' };
      if (entries.length > 0) options.onEntries?.(entries, outputBytes, dir.path, method);
      return { path: dir.path, entries, complete: true, scannedBytes: outputBytes, method };
    } catch (err) {
      if (options.signal?.aborted) throw new BerthError('CANCELLED', 'Listing cancelled.');
      if (!(err instanceof ExecListingUnavailable)) throw err;
    }
    // Asked only now: a running container (the common case) costs no extra request.
    reason =
      (await archiveReasonOf(docker, id).catch((err: unknown) => {
        throw archiveError(err, id, dir.path);
      })) ?? reason;
  }
  return scanArchive(docker, id, dir, rootName, { kind: 'archive', reason }, options);
}

/** Reads a folder's archive to its end (or the budget) and collects its direct children. */
async function scanArchive(
  docker: Docker,
  id: string,
  dir: { path: string },
  rootName: string,
  method: ListingMethod,
  options: ScanOptions,
): Promise<DirectoryListing> {
  const budget = options.budgetBytes ?? Number.POSITIVE_INFINITY;
  const archive = await getArchive(docker, id, dir.path, options.signal);

  const entries: FileEntry[] = [];
  const fileSizes = new Map<string, number>();
  let scanned = 0;
  let lastChild: string | undefined;
  let flushedCount = 0;
  let lastFlush = 0;
  const flush = (force: boolean): void => {
    if (!options.onEntries || entries.length === flushedCount) return;
    const now = Date.now();
    if (!force && now - lastFlush < BATCH_INTERVAL_MS) return;
    lastFlush = now;
    options.onEntries(entries.slice(flushedCount), scanned, dir.path, method);
    flushedCount = entries.length;
  };

  return new Promise<DirectoryListing>((resolve, reject) => {
    const extract = tarExtract();
    let settled = false;
    const finish = (complete: boolean): void => {
      if (settled) return;
      settled = true;
      archive.destroy();
      extract.destroy();
      flush(true);
      resolve({
        path: dir.path,
        entries,
        complete,
        scannedBytes: scanned,
        method,
        ...(complete || lastChild === undefined ? {} : { incompleteAfter: lastChild }),
      });
    };
    const fail = (err: unknown): void => {
      if (settled) return;
      settled = true;
      archive.destroy();
      extract.destroy();
      reject(archiveError(err, id, dir.path));
    };

    countBytes(archive, (total) => {
      scanned = total;
      if (scanned > budget) finish(false);
      else flush(false);
    });
    extract.on('entry', (header: TarHeader, body, next) => {
      const rel = relativeName(header.name, rootName);
      if (rel && header.type === 'file' && fileSizes.size < MAX_REMEMBERED_FILES) fileSizes.set(header.name, header.size ?? 0);
      if (rel && !rel.includes('/')) {
        lastChild = rel;
        entries.push(toEntry(dir.path, rel, header, fileSizes));
      }
      body.on('end', next);
      body.resume(); // skip the body: read past it without keeping it
    });
    extract.on('finish', () => finish(true));
    extract.on('error', fail);
    archive.on('error', fail);
    archive.on('aborted', () => fail(new BerthError('ENGINE_UNAVAILABLE', 'The engine closed the connection while listing.')));
    options.signal?.addEventListener('abort', () => fail(new BerthError('CANCELLED', 'Listing cancelled.')), { once: true });
    archive.pipe(extract);
  });
}

/** `files.list`: a listing that stops at LIST_SCAN_BUDGET_BYTES unless `full`. */
export function listDirectory(docker: Docker, id: string, folder: string, full: boolean): Promise<DirectoryListing> {
  return scanDirectory(docker, id, folder, full ? {} : { budgetBytes: LIST_SCAN_BUDGET_BYTES });
}

/**
 * `files.listing`: children in batches as the archive streams by, then `done`. Unsubscribing
 * closes the engine request (a huge subtree is not read to its end for nothing).
 */
export function watchListing(docker: Docker, id: string, folder: string, sink: StreamSink<ListingUpdate>): StreamDisposer {
  const abort = new AbortController();
  scanDirectory(docker, id, folder, {
    signal: abort.signal,
    onEntries: (entries, scannedBytes, resolved, method) => sink.data({ kind: 'entries', path: resolved, entries, scannedBytes, method }),
  }).then(
    (listing) => {
      sink.data({ kind: 'done', path: listing.path, scannedBytes: listing.scannedBytes, method: listing.method });
      sink.end();
    },
    (err: unknown) => {
      if (!abort.signal.aborted) sink.error(toBerthError(err).toShape());
    },
  );
  return () => abort.abort();
}

function toEntry(folder: string, name: string, header: TarHeader, fileSizes: Map<string, number>): FileEntry {
  const kind = kindOfHeader(header.type);
  const entry: FileEntry = {
    name,
    path: folder === '/' ? `/${name}` : `${folder}/${name}`,
    kind,
    size: header.size ?? 0,
    mode: (header.mode ?? 0) & 0o7777,
    modified: header.mtime?.getTime() ?? 0,
  };
  if (header.type === 'symlink' && header.linkname) entry.linkTarget = header.linkname;
  if (header.type === 'link' && header.linkname) {
    entry.hardLinkTo = header.linkname;
    entry.size = fileSizes.get(header.linkname) ?? 0;
  }
  return entry;
}

/** A file's content for the viewer: at most `maxBytes` of it, and nothing of a binary file. */
export async function readFile(docker: Docker, id: string, filePath: string, maxBytes: number, signal?: AbortSignal): Promise<FileContent> {
  const stat = await statFollowing(docker, id, filePath);
  if (stat.kind === 'directory') throw new BerthError('INVALID_INPUT', `${stat.path} is a folder, not a file.`);
  if (stat.kind !== 'file') throw new BerthError('INVALID_INPUT', `${stat.path} is not a regular file (a device, pipe or socket).`);
  const { bytes, size } = await readFileBytes(docker, id, stat.path, maxBytes, signal);
  const truncated = size > bytes.length;
  const decoded = decodeText(bytes, truncated);
  if (decoded.kind === 'binary') return { path: stat.path, size, kind: 'binary' };
  return { path: stat.path, size, kind: 'text', text: decoded.text, truncated };
}

/** The first `maxBytes` of a regular file and its full size; the rest is not transferred. */
export async function readFileBytes(
  docker: Docker,
  id: string,
  filePath: string,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<{ bytes: Buffer; size: number }> {
  const archive = await getArchive(docker, id, filePath, signal);
  const expected = path.posix.basename(filePath);
  return new Promise((resolve, reject) => {
    const extract = tarExtract();
    const collected = new CappedBuffer(maxBytes);
    let size = 0;
    let settled = false;
    const done = (err?: unknown): void => {
      if (settled) return;
      settled = true;
      archive.destroy();
      extract.destroy();
      if (err) reject(archiveError(err, id, filePath));
      else resolve({ bytes: collected.toBuffer(), size });
    };
    extract.on('entry', (header: TarHeader, body, next) => {
      if (header.name.replace(/\/+$/, '') !== expected || (header.type !== 'file' && header.type !== 'contiguous-file')) {
        return done(new BerthError('INTERNAL', `The engine sent something other than ${filePath}.`));
      }
      size = header.size ?? 0;
      if (size === 0) return done();
      body.on('data', (chunk) => {
        if (collected.push(chunk as Buffer)) done();
      });
      body.on('end', () => {
        next();
        done();
      });
    });
    extract.on('finish', () => done());
    extract.on('error', done);
    archive.on('error', done);
    signal?.addEventListener('abort', () => done(new BerthError('CANCELLED', 'Reading cancelled.')), { once: true });
    archive.pipe(extract);
  });
}
