/**
 * `docker cp HOST... CONTAINER:DEST/`: host files and folders into a folder of a container, as
 * one tar stream built on the fly (host-tar.ts) and extracted by the engine as it arrives. A
 * browser upload's tar comes from the page instead and is checked as it streams (upload-tar.ts):
 * only the declared items reach the engine, so the conflict check and the clean-up below, both
 * planned from those names, cover everything that is written.
 *
 * The engine's extraction is not transactional: whatever arrived before a cancel or a fault is
 * already in the container, and the archive API cannot delete. So on a cancel or failure, items
 * that did not exist before are removed with `rm -rf` run in the container when it is running
 * (no shell needed); otherwise the message names what was left partly written.
 */
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { BerthError } from '../../../shared/errors';
import type { CopyConflicts, CopyInResult } from '../../../shared/types/files';
import { toBerthError } from '../core/errors';
import { joinContainerPath, putArchive, statFollowing, statIfExists } from './archive';
import type { TransferControl } from './copy-out';
import { hostTarStream, measureHostTree, type HostSource } from './host-tar';
import { execExitState } from './exec-exit';
import { tarContentCounter } from './tar-content';
import { checkedUploadTar, type CheckedUpload } from './upload-tar';

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

type CleanUp = { outcome: 'removed' | 'not-running' | 'failed'; left: string[] };

/** Removes what a failed copy left behind (only paths that exist now), when the container can run a command. */
async function cleanUp(docker: Docker, id: string, created: readonly string[]): Promise<CleanUp> {
  const present = await mapLimited(created, 8, (target) =>
    statIfExists(docker, id, target)
      .then((stat) => (stat ? target : undefined))
      .catch(() => undefined),
  );
  const left = present.filter((target): target is string => target !== undefined);
  if (left.length === 0) return { outcome: 'removed', left };
  try {
    const container = docker.getContainer(id);
    const info = await container.inspect();
    if (!info.State.Running || info.State.Paused) return { outcome: 'not-running', left };
    const exec = await container.exec({ Cmd: ['rm', '-rf', '--', ...left], AttachStdout: false, AttachStderr: false, User: '0' });
    await exec.start({ Detach: true });
    const state = await execExitState(exec, { timeoutMs: ROLLBACK_TIMEOUT_MS, intervalMs: 100 });
    return { outcome: !state.Running && state.ExitCode === 0 ? 'removed' : 'failed', left };
  } catch {
    return { outcome: 'failed', left };
  }
}

/** What a failed copy left behind, in words; empty when nothing is left. */
function cleanUpNote({ outcome, left }: CleanUp, replaced: readonly string[]): string {
  const notes: string[] = [];
  if (left.length > 0) {
    const list = left.join(', ');
    if (outcome === 'removed') notes.push(`What had been copied was removed again (${list}).`);
    else if (outcome === 'not-running')
      notes.push(`Partly copied and left in the container, because it is not running (nothing can be removed from a stopped container): ${list}.`);
    else notes.push(`Partly copied and could not be removed: ${list}.`);
  }
  if (replaced.length > 0) notes.push(`Being replaced and possibly incomplete now: ${replaced.join(', ')}.`);
  return notes.join(' ');
}

/** The error with the clean-up note; a cancel keeps its own wording and carries the note for the transfer. */
function withCleanUpNote(err: BerthError, note: string): BerthError {
  if (!note) return err;
  if (err.code === 'CANCELLED') return Object.assign(err, { cancelNote: note });
  return new BerthError(err.code, `${err.message} ${note}`);
}

/** What is copied in: its top-level names and a tar of them, opened once the destination is checked. */
export interface TarSource {
  names: readonly string[];
  /** The bytes of the files in it (the user's bytes, not the tar's), for progress; unknown for an upload that did not say. */
  fileBytes: number | undefined;
  /** Sources left out (sockets, devices), for a warning. */
  skipped(): string[];
  /** Opens the archive; aborting `signal` stops and closes it. */
  open(signal: AbortSignal): Readable;
  /** Once the engine has taken the whole archive: why the copy must still be undone, if it must. */
  verdict?(): BerthError | undefined;
}

/** Host files and folders (already chosen by the user), as a tar built while it is sent. */
export async function hostItemsSource(paths: readonly string[]): Promise<TarSource> {
  const sources = await hostSources(paths);
  const size = await measureHostTree(sources);
  let skipped: string[] = [];
  return {
    names: sources.map((source) => source.name),
    fileBytes: size.fileBytes,
    skipped: () => skipped,
    open(signal) {
      const tar = hostTarStream(sources, signal);
      skipped = tar.skipped;
      return tar.stream;
    },
  };
}

/** A tar that arrives as a stream (a browser upload) declared to hold `names` at its top level: checked as it streams. */
export function streamedTarSource(body: Readable, names: readonly string[], fileBytes: number | undefined): TarSource {
  let checked: CheckedUpload | undefined;
  return {
    names,
    fileBytes,
    skipped: () => [],
    open(signal) {
      checked = checkedUploadTar(body, names, signal);
      return checked.stream;
    },
    verdict: () => checked?.verdict(),
  };
}

export interface CopyInPlan {
  /** The destination folder, resolved. */
  folder: string;
  names: readonly string[];
  /** Names that exist already and will be replaced (the user agreed). */
  replacing: string[];
}

/** Checks the destination and what exists there before anything moves. */
export async function planCopyIn(docker: Docker, id: string, destination: string, names: readonly string[], overwrite: boolean): Promise<CopyInPlan> {
  const conflicts = await findConflicts(docker, id, destination, names);
  if (!conflicts.destinationIsDirectory) throw new BerthError('INVALID_INPUT', `${conflicts.folder} is not a folder.`);
  if (conflicts.existing.length > 0 && !overwrite) {
    throw new BerthError('CONFLICT', `Already in ${conflicts.folder}: ${conflicts.existing.join(', ')}. Choose to replace them to copy anyway.`);
  }
  return { folder: conflicts.folder, names, replacing: conflicts.existing };
}

/** Sends `source` into the planned folder; on a failure or cancel, undoes what it can and says what it could not. */
export async function copyTarIn(docker: Docker, id: string, plan: CopyInPlan, source: TarSource, control: TransferControl = {}): Promise<CopyInResult> {
  const created = plan.names.filter((name) => !plan.replacing.includes(name)).map((name) => joinContainerPath(plan.folder, name));
  const replaced = plan.replacing.map((name) => joinContainerPath(plan.folder, name));
  const abort = new AbortController();
  const onOuterAbort = (): void => abort.abort();
  if (control.signal?.aborted) abort.abort();
  control.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const tar = source.open(abort.signal);
  // The files' bytes as the engine reads them (counted in the stream, never by a 'data' listener,
  // which would start the flow before the request is attached).
  let sent = 0;
  const reporter = tarContentCounter((count) => {
    sent += count;
    control.onBytes?.(count);
  });
  tar.on('error', (err) => reporter.destroy(err));
  tar.pipe(reporter);
  try {
    await Promise.race([
      putArchive(docker, id, plan.folder, reporter, abort.signal),
      // A failure reading the host side must stop the request too.
      new Promise<never>((_, reject) => reporter.on('error', reject)),
    ]);
    const refused = source.verdict?.();
    if (refused) throw refused;
    // The engine finishes a copy before it removes a container: a "success" into a removed container is not one.
    if (await containerGone(docker, id)) throw new BerthError('NOT_FOUND', `Container ${id} was removed while the files were being copied into it.`);
    return { destination: plan.folder, names: [...plan.names], bytes: sent };
  } catch (err) {
    abort.abort();
    tar.destroy();
    const cancelled = control.signal?.aborted === true;
    const mapped = cancelled ? new BerthError('CANCELLED', 'The copy was cancelled.') : toBerthError(err);
    if (mapped.code === 'ENGINE_UNAVAILABLE') {
      throw new BerthError(
        mapped.code,
        `${mapped.message} What had arrived before may be left partly copied in the container: ${[...created, ...replaced].join(', ')}.`,
      );
    }
    throw withCleanUpNote(mapped, cleanUpNote(await cleanUp(docker, id, created), replaced));
  } finally {
    control.signal?.removeEventListener('abort', onOuterAbort);
  }
}

/** True only when the engine says the container no longer exists. */
export async function containerGone(docker: Docker, id: string): Promise<boolean> {
  try {
    await docker.getContainer(id).inspect();
    return false;
  } catch (err) {
    return (err as { statusCode?: number }).statusCode === 404;
  }
}
