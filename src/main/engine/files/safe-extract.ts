/**
 * Extracting an UNTRUSTED tar (an archive a container produced) onto the host.
 *
 * Library: node-tar 7 (`tar`), whose Unpack has the path-traversal fixes (CVE-2021-32803/32804,
 * -37701/37712/37713, CVE-2024-28863 and later). The guards, and which does what:
 *
 *  | threat                                   | refused by                                                    |
 *  |------------------------------------------|---------------------------------------------------------------|
 *  | `..` in a name (`../x`, `a/../../x`)     | ours (ArchiveTree) first; node-tar's CHECKPATH too            |
 *  | absolute name (`/etc/x`)                 | ours — node-tar would only strip the `/` and go on            |
 *  | anything outside the one expected item   | ours: every name must be `<rootName>` or under it             |
 *  | symlink pointing outside the item        | ours: absolute targets, and relative ones followed hop by hop |
 *  |                                          |   through the links accepted so far (archive-tree.ts)         |
 *  | a symlink CHAIN leading out (`d/e/s ->   | ours: `d/e/s` is followed, not normalized away; a link is     |
 *  |   ../..`, `x -> d/e/s/../../..`), in any |   never left dangling if it could lead out later (`..` only   |
 *  |   order                                  |   out of real folders; no link replaces a folder or a link)   |
 *  | link loops and very long chains          | ours: more than 40 hops is refused, as the kernel's ELOOP     |
 *  | writing THROUGH a symlink (`l -> /etc`,  | ours (no entry below a symlink seen in this archive), and     |
 *  |   then `l/passwd`)                       | node-tar (TAR_SYMLINK_ERROR: it lstat's every parent, and     |
 *  |                                          |   refuses a link whose target names an existing link)         |
 *  | hard link to a file outside the item,    | ours (relative, inside, no `..`, not through or to a          |
 *  |   or to a symlink (a copy of the link)   |   symlink); node-tar checks linkpath and refuses those too    |
 *  | `D -> ..` beside `d/` on a file system   | ours: names are compared case- and Unicode-folded when        |
 *  |   that takes them for one name           |   extracting on Windows or macOS                              |
 *  | names Windows cannot hold (`\`, `:`, CON,| ours when extracting on Windows (windows-names.ts): they      |
 *  |   NUL.txt, COM1, trailing space or dot)  |   would be read as paths or devices, or silently renamed      |
 *  | device nodes, FIFOs, other special types | ours; node-tar would skip them with a warning                 |
 *  | owners (uid/gid) from the archive        | preserveOwner: false (node-tar would chown when run as root)  |
 *  | setuid/setgid/sticky bits                | ours: modes are masked to 0o777 (then set exactly, no umask)  |
 *  | absurdly deep paths                      | node-tar maxDepth (1024)                                      |
 *  | compressed bombs                         | node-tar maxDecompressionRatio (an engine sends plain tar)     |
 *  | a truncated or corrupt archive           | node-tar strict mode: TAR_BAD_ARCHIVE is an error             |
 *
 * strict: true turns every node-tar warning into a failure, so nothing is skipped silently. Any
 * refusal fails the WHOLE extraction: callers extract into an empty staging folder and move the
 * result into place only on success (see files-copy-out.ts), so a refused entry or any failure
 * leaves nothing half-written where the user asked.
 */
import { chmod, utimes } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Unpack, type ReadEntry } from 'tar';
import { BerthError } from '../../../shared/errors';
import { ArchiveTree, type EntryFacts } from './archive-tree';
import { coalesceChunks } from '../core/coalesce';

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

export { ArchiveTree, type EntryFacts } from './archive-tree';

/** Why an entry must not be extracted after what `tree` accepted so far, or undefined when it is fine. */
export function entryRefusal(entry: EntryFacts, tree: ArchiveTree): string | undefined {
  return tree.refusal(entry);
}

export interface UntrustedExtractOptions {
  /** An existing, empty folder that nothing else writes to (the staging folder). */
  into: string;
  /** The one top-level name the archive may hold: the base name of what was asked for. */
  rootName: string;
  signal?: AbortSignal;
  /** Archive bytes read so far. */
  onBytes?: (bytes: number) => void;
  /** The platform whose names are checked (tests pass 'win32' on Linux). */
  platform?: NodeJS.Platform;
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

async function restoreModesAndTimes(narrowed: ReadonlyArray<{ at: string; mode: number }>, folders: ReadonlyArray<{ at: string; mtime: Date }>): Promise<void> {
  for (const { at, mode } of narrowed) await chmod(at, mode);
  for (const { at, mtime } of [...folders].reverse()) await utimes(at, mtime, mtime);
}

/** How long a failed extraction may take to close the files it had open before it is given up on. */
const QUIESCE_TIMEOUT_MS = 5_000;

/**
 * Extracts `source` into `options.into`, refusing the whole archive at the first unsafe entry.
 * On failure it resolves only once node-tar has closed every file it was writing, so the caller
 * can remove the staging folder without racing a late write.
 */
export function extractUntrusted(source: Readable, options: UntrustedExtractOptions): Promise<{ bytes: number }> {
  const tree = new ArchiveTree(options.rootName, options.platform);
  let refusal: RefusedEntryError | undefined;
  let failure: unknown;
  let bytes = 0;
  const folderTimes: Array<{ at: string; mtime: Date }> = [];
  const narrowed: Array<{ at: string; mode: number }> = [];
  // Read once per extraction (the no-argument form is only documented as racy with a concurrent change).
  const umask = process.umask();

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
        const facts = { path: read.path, type: read.type, linkpath: read.linkpath };
        const reason = tree.refusal(facts);
        if (reason) {
          refusal = new RefusedEntryError(read.path, reason);
          queueMicrotask(() => fail(refusal));
          return false;
        }
        tree.accept(facts);
        if (typeof read.mode === 'number') {
          read.mode &= 0o777;
          // Created files get the mode minus this process's umask: set the archived one after, as `docker cp` does.
          if ((read.mode & umask) !== 0 && (read.type === 'File' || read.type === 'Directory'))
            narrowed.push({ at: path.join(options.into, read.path), mode: read.mode });
        }
        if (read.type === 'Directory' && read.mtime) folderTimes.push({ at: path.join(options.into, read.path), mtime: read.mtime });
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
      // Writing a folder's children changed its time: set the archived times last, deepest first (as `docker cp` does).
      void restoreModesAndTimes(narrowed, folderTimes).then(() => resolve({ bytes }), reject);
    });
    if (options.signal) {
      if (options.signal.aborted) return fail(new BerthError('CANCELLED', 'The copy was cancelled.'));
      options.signal.addEventListener('abort', () => fail(new BerthError('CANCELLED', 'The copy was cancelled.')), { once: true });
    }
    joined.on('error', fail);
    source.pipe(joined).pipe(unpack);
  });
}
