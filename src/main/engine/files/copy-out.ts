/**
 * `docker cp CONTAINER:PATH HOST`: the container's archive of PATH, extracted safely into a
 * staging folder beside the destination and moved into place at the end. A failure, a cancel or a
 * refused entry removes the staging folder: the destination is either the complete copy or as it
 * was (an existing file or folder being replaced is moved back).
 */
import { lstat, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { BerthError } from '../../../shared/errors';
import type { CopyOutResult } from '../../../shared/types/files';
import { archiveRootName, getArchive, normalizeContainerPath, statFollowing, type PathStat } from './archive';
import { extractUntrusted } from './safe-extract';

export const STAGING_PREFIX = '.berth-copy-';

export interface TransferControl {
  signal?: AbortSignal;
  /** Bytes moved since the last call. */
  onBytes?: (count: number) => void;
}

/** A host filesystem failure in plain words. */
function hostFsError(err: unknown, target: string): BerthError {
  if (err instanceof BerthError) return err;
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOSPC':
      return new BerthError('CONFLICT', `There is not enough space on this computer to write ${target}.`);
    case 'EACCES':
    case 'EPERM':
      return new BerthError('FORBIDDEN', `Permission denied writing ${target} on this computer.`);
    case 'EROFS':
      return new BerthError('FORBIDDEN', `${target} is on a read-only disk.`);
    case 'ENOENT':
      return new BerthError('NOT_FOUND', `The folder for ${target} does not exist on this computer.`);
    case 'ENOTDIR':
      return new BerthError('INVALID_INPUT', `A part of ${target} is a file, not a folder.`);
    case 'ENAMETOOLONG':
      return new BerthError('INVALID_INPUT', `A name in ${target} is too long for this computer's filesystem.`);
    default:
      return new BerthError('INTERNAL', `Could not write ${target}: ${(err as Error)?.message ?? String(err)}`);
  }
}

async function existingKind(hostPath: string): Promise<'file' | 'directory' | 'other' | undefined> {
  try {
    const info = await lstat(hostPath);
    return info.isDirectory() ? 'directory' : info.isFile() ? 'file' : 'other';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw hostFsError(err, hostPath);
  }
}

/** The destination's folder must exist; an existing destination is replaced only when asked. */
async function checkHostDestination(hostPath: string, kind: 'file' | 'directory', overwrite: boolean): Promise<void> {
  const parent = path.dirname(hostPath);
  const parentInfo = await stat(parent).catch((err: unknown) => {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new BerthError('NOT_FOUND', `The folder ${parent} does not exist on this computer.`);
    throw hostFsError(err, parent);
  });
  if (!parentInfo.isDirectory()) throw new BerthError('INVALID_INPUT', `${parent} is not a folder.`);
  const existing = await existingKind(hostPath);
  if (!existing) return;
  if (!overwrite) throw new BerthError('CONFLICT', `${hostPath} already exists.`);
  if (existing !== kind) {
    const what = existing === 'directory' ? 'a folder' : existing === 'file' ? 'a file' : 'something that is neither a file nor a folder';
    throw new BerthError('CONFLICT', `${hostPath} already exists as ${what}; it is not replaced by a ${kind === 'directory' ? 'folder' : 'file'}.`);
  }
}

export interface ExtractControl extends TransferControl {
  /** Whose names are refused (Windows cannot hold some); this computer's unless a test says otherwise. */
  platform?: NodeJS.Platform;
}

/**
 * Extracts an untrusted archive whose single item is `rootName` to `hostPath` (the item's new
 * name), through a staging folder in the same parent folder (same filesystem: the final rename is
 * atomic).
 */
export async function extractToHost(
  archive: Readable,
  rootName: string,
  hostPath: string,
  overwrite: boolean,
  control: ExtractControl = {},
): Promise<{ bytes: number }> {
  const parent = path.dirname(hostPath);
  const staging = await mkdtemp(path.join(parent, STAGING_PREFIX)).catch((err: unknown) => {
    archive.destroy();
    throw hostFsError(err, hostPath);
  });
  let replacedAside: string | undefined;
  try {
    let reported = 0;
    const { bytes } = await extractUntrusted(archive, {
      into: staging,
      rootName,
      signal: control.signal,
      platform: control.platform,
      onBytes: (done) => {
        control.onBytes?.(done - reported);
        reported = done;
      },
    });
    const extracted = path.join(staging, rootName);
    await lstat(extracted).catch(() => {
      throw new BerthError('INTERNAL', `The archive did not contain ${rootName}.`);
    });
    if (control.signal?.aborted) throw new BerthError('CANCELLED', 'The copy was cancelled.');
    if (overwrite && (await existingKind(hostPath))) {
      replacedAside = path.join(staging, '.replaced');
      await rename(hostPath, replacedAside);
    }
    await rename(extracted, hostPath);
    replacedAside = undefined;
    return { bytes };
  } catch (err) {
    if (replacedAside) await rename(replacedAside, hostPath).catch(() => undefined);
    throw err instanceof BerthError ? err : hostFsError(err, hostPath);
  } finally {
    await rm(staging, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  }
}

/** A path to copy out, and whether it was reached through a final symlink (the CLI line then needs -L). */
export type CopyOutSource = PathStat & { followedLink: boolean };

/** What is being copied out, checked before anything moves: a file or a folder (a symlink is followed, like `docker cp -L`). */
export async function prepareCopyOut(docker: Docker, id: string, containerPath: string): Promise<CopyOutSource> {
  const source = { ...(await statFollowing(docker, id, containerPath)), followedLink: false };
  source.followedLink = source.path !== normalizeContainerPath(containerPath);
  if (source.path === '/') {
    throw new BerthError('INVALID_INPUT', 'The whole filesystem is copied with Export (docker export), not as a folder.');
  }
  if (source.kind !== 'file' && source.kind !== 'directory') {
    throw new BerthError('INVALID_INPUT', `${source.path} is a device, pipe or socket: only files and folders can be copied.`);
  }
  return source;
}

/** Copies a prepared file or folder to `hostPath` (the full destination path of the item). */
export async function runCopyOut(
  docker: Docker,
  id: string,
  source: PathStat,
  hostPath: string,
  overwrite: boolean,
  control: TransferControl = {},
): Promise<CopyOutResult> {
  const destination = path.resolve(hostPath);
  await checkHostDestination(destination, source.kind === 'directory' ? 'directory' : 'file', overwrite);
  const archive = await getArchive(docker, id, source.path, control.signal);
  const { bytes } = await extractToHost(archive, archiveRootName(source.path), destination, overwrite, control);
  return { hostPath: destination, bytes };
}

/** `docker cp -L CONTAINER:PATH HOST` (the engine layer; the handlers add dialogs and transfers). */
export async function copyOut(
  docker: Docker,
  id: string,
  containerPath: string,
  hostPath: string,
  overwrite: boolean,
  control: TransferControl = {},
): Promise<CopyOutResult> {
  return runCopyOut(docker, id, await prepareCopyOut(docker, id, containerPath), hostPath, overwrite, control);
}
