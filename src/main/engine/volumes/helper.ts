/**
 * A volume's files through the archive API, which only containers have: a short-lived helper
 * container of any local image, created with the volume mounted and never started (nothing in it
 * runs), removed when the work is done, failed or cancelled. Paths in and out are the volume's own
 * (`/` is its root); a link that leads outside the volume is refused rather than followed.
 */
import path from 'node:path';
import type Docker from 'dockerode';
import { BerthError } from '../../../shared/errors';
import { engineCall, toBerthError } from '../core/errors';
import { existingVolume } from './volumes';

/** Where the helper mounts the volume. */
const MOUNT = '/berth-volume';
/** Marks helpers, so one a crash left behind can be told apart (and removed by label). */
const HELPER_LABEL = 'berth.volume-helper';

/** A path in the volume (`/a/b`) as the helper container sees it. */
export function helperPath(volumePath: string): string {
  const normal = path.posix.normalize(`/${volumePath}`).replace(/\/+$/, '');
  return `${MOUNT}${normal}`;
}

/** A path the helper answered with, as a path in the volume; refused when it is outside the volume. */
export function volumePath(helperSide: string, volume: string): string {
  if (helperSide === MOUNT) return '/';
  if (helperSide.startsWith(`${MOUNT}/`)) return helperSide.slice(MOUNT.length);
  throw new BerthError('INVALID_INPUT', `That path leads outside volume ${volume} (through a link): Berth shows only the volume's own files.`);
}

/** A tagged local image (any will do: it is never run), the smallest first; an untagged one if that is all there is. */
async function helperImage(docker: Docker): Promise<string> {
  const images = await engineCall(() => docker.listImages(), { action: 'list images for the volume helper' });
  const sorted = [...images].sort((a, b) => a.Size - b.Size);
  const tagged = sorted.find((image) => (image.RepoTags ?? []).some((tag) => tag !== '<none>:<none>'));
  const chosen = tagged ?? sorted[0];
  if (!chosen) throw new BerthError('CONFLICT', 'Browsing a volume needs one image on the engine (any: it is never run). Pull one, for example busybox.');
  return chosen.Id;
}

async function createHelper(docker: Docker, volume: string): Promise<string> {
  await existingVolume(docker, volume);
  const image = await helperImage(docker);
  const created = await engineCall(
    () =>
      docker.createContainer({
        Image: image,
        // Never started: the command only has to exist for the engine to accept the container.
        Cmd: ['/berth-volume-helper-never-runs'],
        Entrypoint: [],
        Labels: { [HELPER_LABEL]: volume },
        NetworkDisabled: true,
        HostConfig: {
          Mounts: [{ Type: 'volume', Source: volume, Target: MOUNT, VolumeOptions: { NoCopy: true } as Docker.MountSettings['VolumeOptions'] }],
          NetworkMode: 'none',
        },
      }),
    { action: `prepare access to volume ${volume}` },
  );
  return created.id;
}

/** Removes the helper (never the volume: it is not the container's own). */
async function removeHelper(docker: Docker, id: string): Promise<void> {
  await docker
    .getContainer(id)
    .remove({ force: true, v: false })
    .catch((err: { statusCode?: number }) => {
      if (err.statusCode !== 404) throw err;
    });
}

/**
 * A failure's words about the helper said about the volume: its paths, the volume instead of the
 * container, and for what a failed copy left behind, that nothing is run in a volume to remove it
 * (copy-in.ts would say the container is not running).
 */
function inVolumeWords(message: string, helperId: string, volume: string): string {
  let said = message.replace(
    /left in the container, because it is not running \(nothing can be removed from a stopped container\)/,
    `left in volume ${volume} (Berth runs nothing in it to remove them; a container that mounts it can)`,
  );
  for (const id of [helperId, helperId.slice(0, 12)]) said = said.replaceAll(`container ${id}`, `volume ${volume}`).replaceAll(id, volume);
  return said.replace(/\/berth-volume(\/\S*)?/g, (_, rest: string | undefined) => rest ?? '/');
}

/** A failure of work done through a helper, said about the volume. */
export function inVolumeError(err: unknown, helperId: string, volume: string): BerthError {
  const mapped = toBerthError(err);
  const said = new BerthError(mapped.code, inVolumeWords(mapped.message, helperId, volume));
  // A cancelled copy carries what it left behind for the transfer's report (copy-in.ts).
  const note = (mapped as { cancelNote?: unknown }).cancelNote;
  return typeof note === 'string' ? Object.assign(said, { cancelNote: inVolumeWords(note, helperId, volume) }) : said;
}

/** A helper that lives as long as something the caller holds (a stream): `release` removes it, once. */
export interface HeldHelper {
  id: string;
  release(): Promise<void>;
}

export async function holdVolumeHelper(docker: Docker, volume: string): Promise<HeldHelper> {
  const id = await createHelper(docker, volume);
  let released: Promise<void> | undefined;
  return { id, release: () => (released ??= removeHelper(docker, id).catch(() => undefined)) };
}

/** Runs `work` with a helper container that has `volume` mounted, and removes the helper afterwards whatever happens. */
export async function withVolumeHelper<T>(docker: Docker, volume: string, work: (helperId: string) => Promise<T>): Promise<T> {
  const helper = await holdVolumeHelper(docker, volume);
  try {
    return await work(helper.id);
  } catch (err) {
    throw inVolumeError(err, helper.id, volume);
  } finally {
    await helper.release();
  }
}

/** Where file work happens: a container as it is, or a volume through a helper (paths mapped both ways). */
export interface FileTarget {
  within<T>(work: (containerId: string) => Promise<T>): Promise<T>;
  /** A path the caller gave, as the container sees it. */
  inside(userPath: string): string;
  /** A path the container answered with, as the caller knows it. */
  outside(containerPath: string): string;
}

export function fileTarget(docker: Docker, target: { id?: string | undefined; volume?: string | undefined }): FileTarget {
  const { id, volume } = target;
  if (id !== undefined) return { within: (work) => work(id), inside: (p) => p, outside: (p) => p };
  if (volume === undefined) throw new BerthError('INVALID_INPUT', 'Name either a container (id) or a volume.');
  return { within: (work) => withVolumeHelper(docker, volume, work), inside: helperPath, outside: (p) => volumePath(p, volume) };
}
