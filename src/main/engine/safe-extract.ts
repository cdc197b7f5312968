/**
 * Extracting an UNTRUSTED tar (an archive a container produced) onto the host.
 *
 * Library: node-tar 7 (`tar`), whose Unpack has the path-traversal fixes (CVE-2021-32803/32804,
 * -37701/37712/37713, CVE-2024-28863 and later). The guards, and which does what:
 *
 *  | threat                                   | refused by                                                    |
 *  |------------------------------------------|---------------------------------------------------------------|
 *  | `..` in a name (`../x`, `a/../../x`)     | ours (entryRefusal) first; node-tar's CHECKPATH too           |
 *  | absolute name (`/etc/x`)                 | ours — node-tar would only strip the `/` and go on            |
 *  | anything outside the one expected item   | ours: every name must be `<rootName>` or under it             |
 *  | symlink pointing outside the item        | ours: absolute targets, and relative ones that resolve out    |
 *  | writing THROUGH a symlink (`l -> /etc`,  | ours (no entry below a symlink seen in this archive), and     |
 *  |   then `l/passwd`)                       | node-tar (TAR_SYMLINK_ERROR: it lstat's every parent)         |
 *  | hard link to a file outside the item     | ours (relative, inside, no `..`); node-tar checks linkpath    |
 *  | device nodes, FIFOs, other special types | ours; node-tar would skip them with a warning                 |
 *  | owners (uid/gid) from the archive        | preserveOwner: false (node-tar would chown when run as root)  |
 *  | setuid/setgid/sticky bits                | ours: modes are masked to 0o777                               |
 *  | absurdly deep paths                      | node-tar maxDepth (1024)                                      |
 *  | compressed bombs                         | node-tar maxDecompressionRatio (an engine sends plain tar)     |
 *  | a truncated or corrupt archive           | node-tar strict mode: TAR_BAD_ARCHIVE is an error             |
 *
 * strict: true turns every node-tar warning into a failure, so nothing is skipped silently. Any
 * refusal fails the WHOLE extraction: callers extract into an empty staging folder and move the
 * result into place only on success (see files-copy-out.ts), so a refused entry or any failure
 * leaves nothing half-written where the user asked.
 */
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Unpack, type ReadEntry } from 'tar';
import { BerthError } from '../../shared/errors';
import { coalesceChunks } from './coalesce';

const ALLOWED_TYPES = new Set(['File', 'OldFile', 'ContiguousFile', 'Directory', 'SymbolicLink', 'Link']);

/** A refused entry: what it was and why, in plain words. */
export class RefusedEntryError extends BerthError {
  constructor(
    readonly entryPath: string,
    readonly reason: string,
  ) {
    super('FORBIDDEN', `The archive was refused, nothing was written: "${entryPath}" ${reason}.`);
    this.name = 'RefusedEntryError';
  }
}

/** Path segments of a tar name, without empty and `.` segments. */
function segments(name: string): string[] {
  return name.split('/').filter((part) => part !== '' && part !== '.');
}

function isAbsoluteName(name: string): boolean {
  return name.startsWith('/') || /^[a-zA-Z]:/.test(name) || name.startsWith('\\');
}

function isInside(relative: string, rootName: string): boolean {
  return relative === rootName || relative.startsWith(`${rootName}/`);
}

export interface EntryFacts {
  path: string;
  type: string;
  linkpath?: string;
}

/**
 * Why an entry must not be extracted, or undefined when it is fine. `symlinks` are the names of
 * symlinks already accepted from this archive (an entry below one would be written through it).
 */
export function entryRefusal(entry: EntryFacts, rootName: string, symlinks: ReadonlySet<string>): string | undefined {
  const name = entry.path;
  if (isAbsoluteName(name)) return 'has an absolute path';
  const parts = segments(name);
  if (parts.includes('..')) return 'climbs out of the target folder with ..';
  if (parts.length === 0 || parts[0] !== rootName) return `is not part of "${rootName}"`;
  if (!ALLOWED_TYPES.has(entry.type)) {
    const what = /Device/.test(entry.type) ? 'a device file' : entry.type === 'FIFO' ? 'a FIFO (named pipe)' : `of an unsupported type (${entry.type})`;
    return `is ${what}`;
  }
  for (let depth = 1; depth < parts.length; depth++) {
    if (symlinks.has(parts.slice(0, depth).join('/'))) return `would be written through the symbolic link "${parts.slice(0, depth).join('/')}"`;
  }
  const relative = parts.join('/');
  if (entry.type === 'SymbolicLink') {
    const target = entry.linkpath ?? '';
    if (target === '' || isAbsoluteName(target)) return `is a symbolic link to "${target}", outside the copied item`;
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(relative), target));
    if (!isInside(resolved, rootName)) return `is a symbolic link to "${target}", outside the copied item`;
  }
  if (entry.type === 'Link') {
    const target = entry.linkpath ?? '';
    const targetParts = segments(target);
    if (isAbsoluteName(target) || targetParts.includes('..') || !isInside(targetParts.join('/'), rootName)) {
      return `is a hard link to "${target}", outside the copied item`;
    }
  }
  return undefined;
}

export interface UntrustedExtractOptions {
  /** An existing, empty folder that nothing else writes to (the staging folder). */
  into: string;
  /** The one top-level name the archive may hold: the base name of what was asked for. */
  rootName: string;
  signal?: AbortSignal;
  /** Archive bytes read so far. */
  onBytes?: (bytes: number) => void;
}

/** node-tar's own refusals and damage reports (warnings made errors by strict mode) in plain words. */
function describeTarFailure(err: unknown): unknown {
  const tarCode = (err as { tarCode?: string })?.tarCode;
  if (!tarCode) return err;
  if (tarCode === 'TAR_BAD_ARCHIVE') return new BerthError('INTERNAL', 'The archive from the engine is damaged or was cut short; nothing was written.');
  if (tarCode === 'TAR_ABORT') return err;
  const entry = (err as { entry?: { path?: string } }).entry;
  return new RefusedEntryError(entry?.path ?? '(unknown entry)', `was refused by the tar library: ${(err as Error).message}`);
}

/** How long a failed extraction may take to close the files it had open before it is given up on. */
const QUIESCE_TIMEOUT_MS = 5_000;

/**
 * Extracts `source` into `options.into`, refusing the whole archive at the first unsafe entry.
 * On failure it resolves only once node-tar has closed every file it was writing, so the caller
 * can remove the staging folder without racing a late write.
 */
export function extractUntrusted(source: Readable, options: UntrustedExtractOptions): Promise<{ bytes: number }> {
  const symlinks = new Set<string>();
  let refusal: RefusedEntryError | undefined;
  let failure: unknown;
  let bytes = 0;

  return new Promise((resolve, reject) => {
    let settled = false;
    const unpack = new Unpack({
      cwd: options.into,
      strict: true,
      preservePaths: false,
      preserveOwner: false,
      unlink: false,
      filter: (_name: string, entry: ReadEntry | unknown) => {
        if (failure) return false;
        const read = entry as ReadEntry;
        const reason = entryRefusal({ path: read.path, type: read.type, linkpath: read.linkpath }, options.rootName, symlinks);
        if (reason) {
          refusal = new RefusedEntryError(read.path, reason);
          queueMicrotask(() => fail(refusal));
          return false;
        }
        if (read.type === 'SymbolicLink') symlinks.add(segments(read.path).join('/'));
        if (typeof read.mode === 'number') read.mode &= 0o777;
        return true;
      },
    });

    const joined = coalesceChunks();
    const fail = (err: unknown): void => {
      if (failure || settled) return;
      failure = refusal ?? describeTarFailure(err);
      source.unpipe(joined);
      joined.unpipe(unpack);
      source.destroy();
      joined.destroy();
      // Ending (not aborting) lets node-tar end the entry it was writing and close its file.
      const closed = new Promise<void>((done) => {
        unpack.once('finish', done);
        unpack.once('close', done);
        setTimeout(done, QUIESCE_TIMEOUT_MS).unref();
      });
      try {
        unpack.end();
      } catch {
        // already ended
      }
      void closed.then(() => {
        settled = true;
        reject(failure);
      });
    };

    source.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      options.onBytes?.(bytes);
    });
    source.on('error', fail);
    source.on('aborted', () => fail(new BerthError('ENGINE_UNAVAILABLE', 'The connection to the engine was cut during the copy.')));
    unpack.on('error', fail);
    unpack.on('finish', () => {
      if (failure || settled) return;
      settled = true;
      resolve({ bytes });
    });
    if (options.signal) {
      if (options.signal.aborted) return fail(new BerthError('CANCELLED', 'The copy was cancelled.'));
      options.signal.addEventListener('abort', () => fail(new BerthError('CANCELLED', 'The copy was cancelled.')), { once: true });
    }
    joined.on('error', fail);
    source.pipe(joined).pipe(unpack);
  });
}
