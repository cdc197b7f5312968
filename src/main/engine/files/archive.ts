/**
 * The engine's archive API (`/containers/{id}/archive`): HEAD for one path's stat, GET for a tar
 * of a path, PUT to extract a tar into a folder. It reads the container's filesystem without
 * running anything in it, so it works on stopped containers and on images without a shell.
 */
import path from 'node:path';
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { BerthError } from '../../../shared/errors';
import type { FileEntry, FileKind } from '../../../shared/types/files';
import { engineMessage, isEngineUnreachable, toBerthError } from '../core/errors';

/** Go's os.FileMode type bits, as the engine's path stat carries them. */
const GO_MODE_DIR = 2 ** 31;
const GO_MODE_SYMLINK = 2 ** 27;
const GO_MODE_TYPE_BITS = [2 ** 31, 2 ** 27, 2 ** 26, 2 ** 25, 2 ** 24, 2 ** 21, 2 ** 19];
const GO_MODE_SETUID = 2 ** 23;
const GO_MODE_SETGID = 2 ** 22;
const GO_MODE_STICKY = 2 ** 20;

interface EnginePathStat {
  name: string;
  size: number;
  mode: number;
  mtime: string;
  /** For a symlink: the absolute path it resolves to in the container. */
  linkTarget: string;
}

/** `/a//b/../c/` -> `/a/c`; the root stays `/`. */
export function normalizeContainerPath(value: string): string {
  const normal = path.posix.normalize(value.startsWith('/') ? value : `/${value}`);
  return normal.length > 1 ? normal.replace(/\/+$/, '') : normal;
}

export function joinContainerPath(folder: string, name: string): string {
  return normalizeContainerPath(`${folder}/${name}`);
}

function hasBit(mode: number, bit: number): boolean {
  return Math.floor(mode / bit) % 2 === 1;
}

/** Permission bits plus setuid/setgid/sticky, as a Unix mode (Go keeps the special bits elsewhere). */
function unixModeOf(goMode: number): number {
  let mode = goMode % 0o1000;
  if (hasBit(goMode, GO_MODE_SETUID)) mode += 0o4000;
  if (hasBit(goMode, GO_MODE_SETGID)) mode += 0o2000;
  if (hasBit(goMode, GO_MODE_STICKY)) mode += 0o1000;
  return mode;
}

function kindOf(goMode: number): FileKind {
  if (hasBit(goMode, GO_MODE_DIR)) return 'directory';
  if (hasBit(goMode, GO_MODE_SYMLINK)) return 'symlink';
  return GO_MODE_TYPE_BITS.some((bit) => hasBit(goMode, bit)) ? 'other' : 'file';
}

export interface PathStat extends FileEntry {
  /** For a symlink: the absolute path the engine resolved it to. */
  resolvedTarget?: string;
}

function decodeStat(header: string | string[] | undefined, fullPath: string): PathStat {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) throw new BerthError('INTERNAL', `The engine did not describe ${fullPath}.`);
  const stat = JSON.parse(Buffer.from(value, 'base64').toString('utf8')) as EnginePathStat;
  const kind = kindOf(stat.mode);
  return {
    name: fullPath === '/' ? '/' : path.posix.basename(fullPath),
    path: fullPath,
    kind,
    size: stat.size,
    mode: unixModeOf(stat.mode),
    modified: Date.parse(stat.mtime) || 0,
    ...(kind === 'symlink' && stat.linkTarget ? { resolvedTarget: stat.linkTarget } : {}),
  };
}

/** The engine's wording, without the host folder of the container's filesystem it sometimes leaks. */
function withoutHostRoot(message: string): string {
  return message.replace(/\S*\/(merged|diff|rootfs)(?=\/)/g, '');
}

/**
 * Turns an archive API failure into a plain message. `target` is the container path involved;
 * `container` the name or id the user gave.
 */
export function archiveError(err: unknown, container: string, target: string): BerthError {
  if (err instanceof BerthError) return err;
  if (isEngineUnreachable(err)) return toBerthError(err);
  const status = (err as { statusCode?: number })?.statusCode;
  const raw = withoutHostRoot(engineMessage(err as Parameters<typeof engineMessage>[0]));
  if (/no such container/i.test(raw) && status === 404) return new BerthError('NOT_FOUND', `No such container: ${container}.`);
  if (/could not find the file/i.test(raw) || (status === 404 && /no such file/i.test(raw))) {
    return new BerthError('NOT_FOUND', `${target} does not exist in container ${container}.`);
  }
  if (/marked read-only|read-only file ?system/i.test(raw)) {
    return new BerthError('CONFLICT', `The container's filesystem is read-only, so nothing can be copied into ${target}.`);
  }
  if (/no space left on device/i.test(raw)) {
    return new BerthError('CONFLICT', `There is not enough space in container ${container} for this copy (writing to ${target}).`);
  }
  if (/extraction point is not a directory/i.test(raw)) return new BerthError('INVALID_INPUT', `${target} is not a folder.`);
  const dirNonDir = /cannot overwrite (non-directory|directory) "?([^"]+)"? with (directory|non-directory)/i.exec(raw);
  if (dirNonDir) {
    const what = dirNonDir[1] === 'directory' ? 'a folder with a file' : 'a file with a folder';
    return new BerthError('CONFLICT', `Cannot replace ${what}: ${dirNonDir[2]} already exists as the other kind.`);
  }
  if (/not a directory/i.test(raw)) return new BerthError('INVALID_INPUT', `A part of ${target} is a file, not a folder.`);
  if (/permission denied/i.test(raw)) return new BerthError('FORBIDDEN', `Permission denied on ${target} in container ${container}.`);
  if (/unexpected EOF/i.test(raw)) return new BerthError('INTERNAL', `The copy into ${target} stopped before its end.`);
  return toBerthError(err, { action: `copy ${target} in container ${container}` });
}

/** Whether `id` names an existing container (to tell "no such container" from "no such path" after a HEAD 404). */
async function containerExists(docker: Docker, id: string): Promise<boolean> {
  try {
    await docker.getContainer(id).inspect();
    return true;
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return false;
    throw err;
  }
}

/** `HEAD /containers/{id}/archive?path=`: the path's type, size, mode, time; a symlink's resolved target. */
export async function statPath(docker: Docker, id: string, containerPath: string, signal?: AbortSignal): Promise<PathStat> {
  const fullPath = normalizeContainerPath(containerPath);
  try {
    const res = (await docker.getContainer(id).infoArchive({ path: fullPath, abortSignal: signal })) as Readable & {
      headers: Record<string, string | string[] | undefined>;
    };
    res.resume();
    return decodeStat(res.headers['x-docker-container-path-stat'], fullPath);
  } catch (err) {
    // A HEAD answer has no body: a 404 does not say whether the container or the path is missing.
    if ((err as { statusCode?: number }).statusCode === 404) {
      const exists = await containerExists(docker, id).catch((inner: unknown) => {
        throw archiveError(inner, id, fullPath);
      });
      throw exists ? new BerthError('NOT_FOUND', `${fullPath} does not exist in container ${id}.`) : new BerthError('NOT_FOUND', `No such container: ${id}.`);
    }
    throw await explainHeadFailure(docker, id, fullPath, err);
  }
}

/** A failed HEAD has no body to say why; the same GET does, and is closed as soon as it answers. */
async function explainHeadFailure(docker: Docker, id: string, fullPath: string, headError: unknown): Promise<BerthError> {
  if (isEngineUnreachable(headError)) return toBerthError(headError);
  try {
    const res = (await docker.getContainer(id).getArchive({ path: fullPath })) as Readable;
    res.destroy();
  } catch (err) {
    return archiveError(err, id, fullPath);
  }
  return archiveError(headError, id, fullPath);
}

/** Like statPath, but a missing path is `undefined` rather than an error. */
export async function statIfExists(docker: Docker, id: string, containerPath: string): Promise<PathStat | undefined> {
  try {
    return await statPath(docker, id, containerPath);
  } catch (err) {
    if (err instanceof BerthError && err.code === 'NOT_FOUND' && !err.message.startsWith('No such container')) return undefined;
    throw err;
  }
}

/** `GET /containers/{id}/archive?path=`: the path as a tar stream (a folder: its whole subtree). */
export async function getArchive(docker: Docker, id: string, containerPath: string, signal?: AbortSignal): Promise<Readable> {
  const fullPath = normalizeContainerPath(containerPath);
  try {
    return (await docker.getContainer(id).getArchive({ path: fullPath, abortSignal: signal })) as Readable;
  } catch (err) {
    throw archiveError(err, id, fullPath);
  }
}

/**
 * `PUT /containers/{id}/archive?path=`: the engine extracts `tar` into `folder` as it arrives.
 * Like the CLI, a folder is never replaced by a file or the other way round.
 */
export async function putArchive(docker: Docker, id: string, folder: string, tar: Readable, signal?: AbortSignal): Promise<void> {
  try {
    await docker.getContainer(id).putArchive(tar, { path: folder, noOverwriteDirNonDir: 'true', abortSignal: signal });
  } catch (err) {
    throw archiveError(err, id, folder);
  }
}

/** The name a folder's entries carry in its archive: its base name, or `/` for the root. */
export function archiveRootName(containerPath: string): string {
  const fullPath = normalizeContainerPath(containerPath);
  return fullPath === '/' ? '/' : path.posix.basename(fullPath);
}

/** Follows a symlink (once, as the engine resolved it) so a folder's or file's content can be read. */
export async function statFollowing(docker: Docker, id: string, containerPath: string): Promise<PathStat> {
  const stat = await statPath(docker, id, containerPath);
  if (stat.kind !== 'symlink' || !stat.resolvedTarget) return stat;
  const target = await statPath(docker, id, stat.resolvedTarget).catch((err: unknown) => {
    if (err instanceof BerthError && err.code === 'NOT_FOUND' && !err.message.startsWith('No such container')) {
      throw new BerthError('NOT_FOUND', `${stat.path} is a link to ${stat.resolvedTarget}, which does not exist.`);
    }
    throw err;
  });
  return target;
}
