/**
 * A tar stream of host files and folders, built while it is read: one file open at a time, read
 * in 1 MiB chunks with backpressure, so a folder of any size never sits in memory. Cancelling
 * (destroying the stream or aborting the signal) closes the open file at once.
 *
 * Like `docker cp` without -a: each item keeps its host owner (numeric uid/gid: the engine chowns
 * to them, as it does for the CLI's archive), its mode and time; symlinks are copied as links (not
 * followed), hard links within the copy stay hard links, empty folders and FIFOs are kept. Sockets
 * (which the CLI skips too) and devices are skipped and reported.
 */
import { createReadStream } from 'node:fs';
import { lstat, readdir, readlink } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { pack, type Header } from 'tar-stream';
import { BerthError } from '../../../shared/errors';

const READ_CHUNK_BYTES = 1024 * 1024;
const BLOCK = 512;

export interface HostSource {
  /** Absolute host path. */
  absolute: string;
  /** The name it gets in the archive (its base name). */
  name: string;
}

interface WalkItem {
  absolute: string;
  /** Name in the archive, `/`-separated. */
  name: string;
  stats: Awaited<ReturnType<typeof lstat>>;
}

/** Depth-first, sorted walk of the sources (no symlink is followed). */
async function* walk(sources: readonly HostSource[]): AsyncGenerator<WalkItem> {
  for (const source of sources) yield* walkOne(source.absolute, source.name);
}

async function* walkOne(absolute: string, name: string): AsyncGenerator<WalkItem> {
  const stats = await lstat(absolute);
  yield { absolute, name, stats };
  if (!stats.isDirectory()) return;
  const children = (await readdir(absolute)).sort();
  for (const child of children) yield* walkOne(path.join(absolute, child), `${name}/${child}`);
}

export interface HostTreeSize {
  entries: number;
  fileBytes: number;
  /** What the tar of it will weigh, near enough for a progress bar (long names add a little). */
  tarBytes: number;
}

/** Sums what `hostTarStream` will send, without reading any file. */
export async function measureHostTree(sources: readonly HostSource[]): Promise<HostTreeSize> {
  let entries = 0;
  let fileBytes = 0;
  let tarBytes = 2 * BLOCK;
  for await (const item of walk(sources)) {
    entries += 1;
    tarBytes += BLOCK;
    if (item.stats.isFile()) {
      const size = Number(item.stats.size);
      fileBytes += size;
      tarBytes += Math.ceil(size / BLOCK) * BLOCK;
    }
  }
  return { entries, fileBytes, tarBytes };
}

function describeSpecial(stats: WalkItem['stats']): string {
  if (stats.isSocket()) return 'a socket';
  return 'a device file';
}

export interface HostTar {
  /** The archive; it errors (and closes every file) when reading a source fails or on abort. */
  stream: Readable;
  /** Sources skipped because only files, folders, links and FIFOs can be copied. */
  skipped: string[];
}

/** Waits for room in the pack's current entry (tar-stream's writable is a streamx stream). */
function writeChunk(sink: ReturnType<ReturnType<typeof pack>['entry']>, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    if (sink.write(chunk)) return resolve();
    const onDrain = (): void => {
      sink.off('error', onError);
      resolve();
    };
    const onError = (err: Error): void => {
      sink.off('drain', onDrain);
      reject(err);
    };
    sink.once('drain', onDrain);
    sink.once('error', onError);
  });
}

async function addFile(tar: ReturnType<typeof pack>, header: Header, item: WalkItem, signal: AbortSignal): Promise<void> {
  const done = new Promise<void>((resolve, reject) => {
    const sink = tar.entry(header, (err) => (err ? reject(err) : resolve()));
    sink.on('error', () => undefined); // reported through the entry callback
    const file = createReadStream(item.absolute, { highWaterMark: READ_CHUNK_BYTES });
    const stop = (): void => {
      file.destroy();
    };
    signal.addEventListener('abort', stop, { once: true });
    void (async () => {
      let read = 0;
      try {
        for await (const chunk of file) {
          read += (chunk as Buffer).length;
          if (read > header.size!) throw new BerthError('CONFLICT', `${item.absolute} grew while it was being copied.`);
          await writeChunk(sink, chunk as Buffer);
        }
        if (read !== header.size) throw new BerthError('CONFLICT', `${item.absolute} changed while it was being copied.`);
        sink.end(undefined);
      } catch (err) {
        file.destroy();
        sink.destroy(err as Error);
        reject(err);
      } finally {
        signal.removeEventListener('abort', stop);
      }
    })();
  });
  await done;
}

/** Builds the archive of `sources` while it is read. */
export function hostTarStream(sources: readonly HostSource[], signal: AbortSignal): HostTar {
  const tar = pack();
  tar.on('error', () => undefined); // reported through `out`
  const out = new PassThrough({ highWaterMark: READ_CHUNK_BYTES });
  const skipped: string[] = [];
  const hardLinks = new Map<string, string>();
  tar.on('error', (err: Error) => out.destroy(err));
  tar.pipe(out);
  const fail = (err: unknown): void => {
    tar.destroy(err as Error);
    out.destroy(err as Error);
  };
  out.on('close', () => {
    if (!out.readableEnded) tar.destroy();
  });

  void (async () => {
    for await (const item of walk(sources)) {
      if (signal.aborted || out.destroyed) throw new BerthError('CANCELLED', 'The copy was cancelled.');
      const { stats } = item;
      const base: Header = {
        name: item.name,
        mode: Number(stats.mode) & 0o7777,
        mtime: stats.mtime,
        uid: Number(stats.uid),
        gid: Number(stats.gid),
        uname: '',
        gname: '',
      } as Header;
      if (stats.isDirectory()) {
        await new Promise<void>((resolve, reject) => tar.entry({ ...base, type: 'directory', size: 0 }, (err) => (err ? reject(err) : resolve())));
      } else if (stats.isSymbolicLink()) {
        const linkname = await readlink(item.absolute);
        await new Promise<void>((resolve, reject) => tar.entry({ ...base, type: 'symlink', linkname, size: 0 }, (err) => (err ? reject(err) : resolve())));
      } else if (stats.isFile()) {
        const key = `${stats.dev}:${stats.ino}`;
        const first = Number(stats.nlink) > 1 ? hardLinks.get(key) : undefined;
        if (first) {
          await new Promise<void>((resolve, reject) =>
            tar.entry({ ...base, type: 'link', linkname: first, size: 0 }, (err) => (err ? reject(err) : resolve())),
          );
        } else {
          if (Number(stats.nlink) > 1) hardLinks.set(key, item.name);
          await addFile(tar, { ...base, type: 'file', size: Number(stats.size) }, item, signal);
        }
      } else if (stats.isFIFO()) {
        await new Promise<void>((resolve, reject) => tar.entry({ ...base, type: 'fifo', size: 0 }, (err) => (err ? reject(err) : resolve())));
      } else {
        skipped.push(`${item.absolute} (${describeSpecial(stats)})`);
      }
    }
    tar.finalize();
  })().catch(fail);

  signal.addEventListener('abort', () => fail(new BerthError('CANCELLED', 'The copy was cancelled.')), { once: true });
  return { stream: out, skipped };
}
