/**
 * `docker cp HOST... CONTAINER:DEST/`: host files and folders into a folder of a container, as
 * one tar stream built on the fly (host-tar.ts) and extracted by the engine as it arrives.
 *
 * The engine's extraction is not transactional: whatever arrived before a cancel or a fault is
 * already in the container, and the archive API cannot delete. So on a cancel or failure, items
 * that did not exist before are removed with `rm -rf` run in the container when it is running
 * (no shell needed); otherwise the message names what was left partly written.
 */
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import type Docker from 'dockerode';
import { BerthError } from '../../shared/errors';
import type { CopyConflicts, CopyInResult } from '../../shared/types/files';
import { toBerthError } from './errors';
import { joinContainerPath, putArchive, statFollowing, statIfExists } from './files-archive';
import type { TransferControl } from './files-copy-out';
import { hostTarStream, measureHostTree, type HostSource } from './host-tar';

const PROGRESS_INTERVAL_MS = 100;
const ROLLBACK_TIMEOUT_MS = 30_000;

/** Runs `fn` over `items`, at most `width` at once, keeping the order of results. */
async function mapLimited<T, R>(items: readonly T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}

/** The destination folder (a symlink to a folder is followed) and which of `names` it already holds. */
export async function findConflicts(docker: Docker, id: string, destination: string, names: readonly string[]): Promise<CopyConflicts & { folder: string }> {
  const dest = await statFollowing(docker, id, destination).catch((err: unknown) => {
    if (err instanceof BerthError && err.code === 'NOT_FOUND' && !err.message.startsWith('No such container')) {
      throw new BerthError('NOT_FOUND', `The folder ${destination} does not exist in container ${id}.`);
    }
    throw err;
  });
  if (dest.kind !== 'directory') return { destinationIsDirectory: false, existing: [], folder: dest.path };
  const found = await mapLimited(names, 8, async (name) => ((await statIfExists(docker, id, joinContainerPath(dest.path, name))) ? name : undefined));
  return { destinationIsDirectory: true, existing: found.filter((name): name is string => name !== undefined), folder: dest.path };
}

async function hostSources(paths: readonly string[]): Promise<HostSource[]> {
  const sources = await Promise.all(
    paths.map(async (hostPath) => {
      const absolute = path.resolve(hostPath);
      const name = path.basename(absolute);
      if (!name || absolute === path.parse(absolute).root) throw new BerthError('INVALID_INPUT', 'A whole disk cannot be copied; choose files or folders.');
      await lstat(absolute).catch((err: unknown) => {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') throw new BerthError('NOT_FOUND', `${absolute} does not exist on this computer.`);
        if (code === 'EACCES' || code === 'EPERM') throw new BerthError('FORBIDDEN', `Permission denied reading ${absolute}.`);
        throw err;
      });
      return { absolute, name };
    }),
  );
  const seen = new Set<string>();
  for (const { name } of sources) {
    if (seen.has(name)) throw new BerthError('INVALID_INPUT', `Two of the chosen items are named ${name}; they would overwrite each other.`);
    seen.add(name);
  }
  return sources;
}

/** Counts the bytes of the archive as the engine reads them. */
function progressCounter(total: number, control: TransferControl): Transform {
  let done = 0;
  let last = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      done += chunk.length;
      const now = Date.now();
      if (now - last >= PROGRESS_INTERVAL_MS) {
        last = now;
        control.onProgress?.({ done, total: Math.max(total, done) });
      }
      callback(null, chunk);
    },
  });
}

type CleanUp = { outcome: 'removed' | 'not-running' | 'failed'; left: string[] };

/** Removes what a failed copy left behind (only paths that exist now), when the container can run a command. */
async function cleanUp(docker: Docker, id: string, created: readonly string[]): Promise<CleanUp> {
  const present = await mapLimited(created, 8, (target) => statIfExists(docker, id, target).then((stat) => (stat ? target : undefined)).catch(() => undefined));
  const left = present.filter((target): target is string => target !== undefined);
  if (left.length === 0) return { outcome: 'removed', left };
  try {
    const container = docker.getContainer(id);
    const info = await container.inspect();
    if (!info.State.Running || info.State.Paused) return { outcome: 'not-running', left };
    const exec = await container.exec({ Cmd: ['rm', '-rf', '--', ...left], AttachStdout: false, AttachStderr: false, User: '0' });
    await exec.start({ Detach: true });
    const deadline = Date.now() + ROLLBACK_TIMEOUT_MS;
    for (;;) {
      const state = await exec.inspect();
      if (!state.Running) return { outcome: state.ExitCode === 0 ? 'removed' : 'failed', left };
      if (Date.now() > deadline) return { outcome: 'failed', left };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch {
    return { outcome: 'failed', left };
  }
}

function withCleanUpNote(err: BerthError, { outcome, left }: CleanUp, replaced: readonly string[]): BerthError {
  const notes: string[] = [];
  if (left.length > 0) {
    const list = left.join(', ');
    if (outcome === 'removed') notes.push(`What had been copied was removed again (${list}).`);
    else if (outcome === 'not-running') notes.push(`Partly copied and left in the container, because it is not running (nothing can be removed from a stopped container): ${list}.`);
    else notes.push(`Partly copied and could not be removed: ${list}.`);
  }
  if (replaced.length > 0) notes.push(`Being replaced and possibly incomplete now: ${replaced.join(', ')}.`);
  return notes.length ? new BerthError(err.code, `${err.message} ${notes.join(' ')}`) : err;
}

export interface CopyInRequest {
  sources: readonly string[];
  destination: string;
  overwrite: boolean;
}

export async function copyIn(docker: Docker, id: string, request: CopyInRequest, control: TransferControl = {}): Promise<CopyInResult & { skipped: string[] }> {
  const sources = await hostSources(request.sources);
  const names = sources.map((source) => source.name);
  const conflicts = await findConflicts(docker, id, request.destination, names);
  if (!conflicts.destinationIsDirectory) throw new BerthError('INVALID_INPUT', `${conflicts.folder} is not a folder.`);
  if (conflicts.existing.length > 0 && !request.overwrite) {
    throw new BerthError('CONFLICT', `Already in ${conflicts.folder}: ${conflicts.existing.join(', ')}. Choose to replace them to copy anyway.`);
  }
  const size = await measureHostTree(sources);
  const created = names.filter((name) => !conflicts.existing.includes(name)).map((name) => joinContainerPath(conflicts.folder, name));
  const replaced = conflicts.existing.map((name) => joinContainerPath(conflicts.folder, name));

  const abort = new AbortController();
  const onOuterAbort = (): void => abort.abort();
  control.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const tar = hostTarStream(sources, abort.signal);
  const counter = progressCounter(size.tarBytes, control);
  let sent = 0;
  counter.on('data', (chunk: Buffer) => {
    sent += chunk.length;
  });
  tar.stream.on('error', (err) => counter.destroy(err));
  tar.stream.pipe(counter);
  try {
    await Promise.race([
      putArchive(docker, id, conflicts.folder, counter, abort.signal),
      // A failure reading the host side must stop the request too.
      new Promise<never>((_, reject) => counter.on('error', reject)),
    ]);
    control.onProgress?.({ done: sent, total: sent });
    return { destination: conflicts.folder, names, bytes: size.fileBytes, skipped: tar.skipped };
  } catch (err) {
    abort.abort();
    tar.stream.destroy();
    const cancelled = control.signal?.aborted === true;
    const mapped = cancelled ? new BerthError('CANCELLED', 'The copy was cancelled.') : toBerthError(err);
    if (mapped.code === 'ENGINE_UNAVAILABLE') {
      throw new BerthError(mapped.code, `${mapped.message} What had arrived before may be left partly copied in the container: ${[...created, ...replaced].join(', ')}.`);
    }
    throw withCleanUpNote(mapped, await cleanUp(docker, id, created), replaced);
  } finally {
    control.signal?.removeEventListener('abort', onOuterAbort);
  }
}
