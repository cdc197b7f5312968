/**
 * A browser upload's tar, checked as it streams: the page declared the item names when it asked
 * for the upload ticket (the conflict check and the rollback are planned from them), and the body
 * must hold those items and nothing else. Each entry's header is parsed on the way through
 * (node-tar's Parser: PAX and GNU long names included) and the entry is written again into a new
 * archive (tar-stream), so the engine only ever sees entries that were checked, with the names
 * that were checked, never bytes this side did not understand.
 *
 * An entry must be a declared item or inside one, without `..` or an absolute name; only files,
 * folders and symbolic links; and inside a folder sent before it in this upload. The last rule
 * means nothing is written through a link: not one from the upload (a link is not a folder), and
 * not one that exists in the container (the folder entry before it makes the engine refuse to put
 * a folder where a link is, as `noOverwriteDirNonDir` asks).
 *
 * The archive must end with its end-of-archive marker (two zero blocks): a body cut short on a
 * block boundary is otherwise a well-formed, shorter archive. A refused entry, a missing marker or
 * a declared item that never came stops the upload there: the archive of what was accepted is
 * ended cleanly, so the engine finishes writing it, and `verdict()` then says why it must be undone
 * (the caller removes it again), so the rollback never races the engine's last writes.
 */
import { PassThrough, type Readable } from 'node:stream';
import { Parser, type ReadEntry } from 'tar';
import { pack, type Header } from 'tar-stream';
import { BerthError } from '../../../shared/errors';
import { isAbsoluteName, segments } from './archive-tree';

const STAGE_BYTES = 1024 * 1024;
const FILE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile']);

interface UploadEntry {
  path: string;
  type: string;
  linkpath?: string | undefined;
}

/**
 * What the archive may hold: the items a browser upload declared, or (a volume restore) whatever
 * the backup holds under its root, which may then also carry the root folder itself (`./`), hard
 * links to files sent before them and FIFOs, as a backup of a volume does.
 */
type UploadScope = { items: readonly string[] } | { wholeFolder: true };

/** What the upload has sent so far, and whether the next entry may follow. */
class UploadEntries {
  private readonly declared: ReadonlySet<string> | undefined;
  private readonly kinds = new Map<string, 'folder' | 'file' | 'other'>();
  private readonly arrived = new Set<string>();

  constructor(scope: UploadScope) {
    this.declared = 'items' in scope ? new Set(scope.items) : undefined;
    // A restore writes into the volume's root, a folder.
    if (!this.declared) this.kinds.set('', 'folder');
  }

  private get restoring(): boolean {
    return this.declared === undefined;
  }

  /** Why `entry` must not reach the engine, or undefined when it is fine. */
  refusal(entry: UploadEntry): string | undefined {
    if (isAbsoluteName(entry.path)) return 'has an absolute path';
    const parts = segments(entry.path);
    if (parts.includes('..')) return 'climbs out of the destination folder with ..';
    if (parts.length === 0) return this.restoring && entry.type === 'Directory' ? undefined : 'has no name';
    if (this.declared && !this.declared.has(parts[0]!)) return `is not one of the items announced for this upload (${[...this.declared].join(', ')})`;
    const typeRefusal = this.typeRefusal(entry);
    if (typeRefusal) return typeRefusal;
    if (parts.length > 1 || this.restoring) {
      const parent = parts.slice(0, -1).join('/');
      if (this.kinds.get(parent) !== 'folder') return `is not inside a folder sent before it in this upload ("${parent}" was not)`;
    }
    const existing = this.kinds.get(parts.join('/'));
    if (existing && (existing === 'folder') !== (entry.type === 'Directory')) return 'was sent before as something else';
    return undefined;
  }

  private typeRefusal(entry: UploadEntry): string | undefined {
    if (FILE_TYPES.has(entry.type) || entry.type === 'Directory' || entry.type === 'SymbolicLink') return undefined;
    if (this.restoring && entry.type === 'FIFO') return undefined;
    if (this.restoring && entry.type === 'Link') {
      const target = entry.linkpath ?? '';
      if (isAbsoluteName(target) || segments(target).includes('..')) return 'is a hard link to a file outside the archive';
      return this.kinds.get(segments(target).join('/')) === 'file' ? undefined : 'is a hard link to something that is not a file sent before it';
    }
    const allowed = this.restoring ? 'files, folders, links and FIFOs' : 'files, folders and symbolic links';
    return `is ${entry.type === 'Link' ? 'a hard link' : `of type ${entry.type}`}: only ${allowed} can be ${this.restoring ? 'restored' : 'uploaded'}`;
  }

  /** Records an entry `refusal` let through. */
  accept(entry: UploadEntry): void {
    const parts = segments(entry.path);
    if (parts.length === 0) return;
    this.kinds.set(parts.join('/'), entry.type === 'Directory' ? 'folder' : FILE_TYPES.has(entry.type) ? 'file' : 'other');
    this.arrived.add(parts[0]!);
  }

  /** Declared items that did not arrive. */
  missing(): string[] {
    return this.declared ? [...this.declared].filter((name) => !this.arrived.has(name)) : [];
  }
}

export interface CheckedUpload {
  /** The archive for the engine: the accepted entries, rewritten. */
  stream: Readable;
  /** Once the engine has taken `stream` whole: why the upload must still be undone, if it must. */
  verdict(): BerthError | undefined;
}

function damaged(err: unknown): unknown {
  if (err instanceof BerthError) return err;
  const tarCode = (err as { tarCode?: string })?.tarCode;
  if (tarCode === 'TAR_BAD_ARCHIVE') return new BerthError('INVALID_INPUT', 'The upload was cut short in the middle of a file, or is not a tar archive.');
  if (tarCode) return new BerthError('INVALID_INPUT', `The upload is a damaged tar archive: ${(err as Error).message}`);
  return err;
}

function headerOf(entry: ReadEntry, name: string): Header {
  const header: Header = {
    name,
    type: 'file',
    size: 0,
    mode: (entry.mode ?? 0o644) & 0o7777,
    mtime: entry.mtime ?? new Date(0),
    linkname: '',
    uid: entry.uid ?? 0,
    gid: entry.gid ?? 0,
    uname: '',
    gname: '',
    devmajor: 0,
    devminor: 0,
  };
  if (entry.type === 'Directory') return { ...header, name: name === '' ? './' : `${name}/`, type: 'directory' };
  if (entry.type === 'SymbolicLink') return { ...header, type: 'symlink', linkname: entry.linkpath ?? '' };
  if (entry.type === 'Link') return { ...header, type: 'link', linkname: segments(entry.linkpath ?? '').join('/') };
  if (entry.type === 'FIFO') return { ...header, type: 'fifo' };
  return { ...header, size: entry.size };
}

/** Checks `body` (a tar holding the items `names`) while it streams; aborting `signal` stops it. */
export function checkedUploadTar(body: Readable, names: readonly string[], signal: AbortSignal): CheckedUpload {
  return checkedTar(body, { items: names }, signal);
}

/** Checks a volume backup while it streams: anything under its root, nothing outside it or through a link. */
export function checkedRestoreTar(body: Readable, signal: AbortSignal): CheckedUpload {
  return checkedTar(body, { wholeFolder: true }, signal);
}

function checkedTar(body: Readable, scope: UploadScope, signal: AbortSignal): CheckedUpload {
  const entries = new UploadEntries(scope);
  const noun = 'items' in scope ? 'upload' : 'backup';
  const parser = new Parser({ strict: true });
  const repacked = pack();
  const out = new PassThrough({ highWaterMark: STAGE_BYTES });
  let stopped = false;
  let sawEnd = false;
  let verdict: BerthError | undefined;

  const stopReading = (): void => {
    stopped = true;
    body.unpipe(parser);
  };
  /** Fails the stream itself: the engine request is aborted. */
  const abortWith = (err: unknown): void => {
    if (!stopped) stopReading();
    if (!out.destroyed) out.destroy(damaged(err) as Error);
    repacked.destroy();
  };
  /** A failure of the body or its parsing, which no longer matters once the archive was ended. */
  const bodyFailed = (err: unknown): void => {
    if (!stopped) abortWith(err);
  };
  /** Ends the archive with what was accepted; `problem` (if any) is reported once the engine took it. */
  const finishWith = (problem: BerthError | undefined): void => {
    if (stopped) return;
    stopReading();
    verdict = problem;
    repacked.finalize();
  };

  const onEntry = (entry: ReadEntry): void => {
    const facts = { path: entry.path, type: entry.type, linkpath: entry.linkpath };
    const reason = entries.refusal(facts);
    if (reason) {
      entry.resume();
      return finishWith(new BerthError('INVALID_INPUT', `The ${noun} was refused: "${entry.path}" ${reason}.`));
    }
    entries.accept(facts);
    const header = headerOf(entry, segments(entry.path).join('/'));
    if (header.type !== 'file') {
      repacked.entry(header);
      return void entry.resume();
    }
    const sink = repacked.entry(header, (err) => {
      if (err) abortWith(err);
    });
    // By hand, with backpressure: a node-tar entry (minipass) into a tar-stream entry (streamx).
    entry.on('data', (chunk: Buffer) => {
      if (!sink.write(chunk)) entry.pause();
    });
    sink.on('drain', () => entry.resume());
    entry.on('end', () => sink.end(undefined));
  };
  parser.on('entry', (entry: ReadEntry) => {
    if (stopped) return void entry.resume();
    try {
      onEntry(entry);
    } catch (err) {
      entry.resume();
      abortWith(err);
    }
  });
  parser.on('eof', () => {
    sawEnd = true;
  });
  parser.on('error', bodyFailed);
  parser.on('end', () => {
    if (!sawEnd) return finishWith(new BerthError('INVALID_INPUT', `The ${noun} was cut short: the archive ended without its end-of-archive marker.`));
    const missing = entries.missing();
    if (missing.length > 0) return finishWith(new BerthError('INVALID_INPUT', `The upload did not contain ${missing.join(', ')}, though it was announced.`));
    finishWith(undefined);
  });
  body.on('error', bodyFailed);
  repacked.on('error', abortWith);
  out.on('close', () => {
    if (!out.readableEnded) abortWith(new BerthError('CANCELLED', 'The copy was cancelled.'));
  });
  const onAbort = (): void => abortWith(new BerthError('CANCELLED', 'The copy was cancelled.'));
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });

  repacked.pipe(out);
  body.pipe(parser);
  return { stream: out, verdict: () => verdict };
}
