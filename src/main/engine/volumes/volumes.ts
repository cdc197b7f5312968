import type Docker from 'dockerode';
import { BerthError } from '../../../shared/errors';
import type { InspectDocument } from '../../../shared/types/inspect';
import type { VolumeCreateResult, VolumeRemoveResult, VolumeSummary } from '../../../shared/types/volumes';
import { engineCall, toBerthError } from '../core/errors';
import { createdSeconds, isAnonymous, volumeSizes, volumeUsers } from './usage';

interface EngineVolume extends Docker.VolumeInspectInfo {
  CreatedAt?: string;
}

/** `docker volume ls`, with the containers using each volume and, with `size`, each one's size. */
export async function listVolumes(docker: Docker, size: boolean): Promise<VolumeSummary[]> {
  const [listed, users, sizes] = await Promise.all([
    engineCall(() => docker.listVolumes(), { action: 'list volumes' }),
    volumeUsers(docker),
    size ? volumeSizes(docker) : Promise.resolve(undefined),
  ]);
  return (listed.Volumes ?? [])
    .map((volume: EngineVolume) => {
      const labels = volume.Labels ?? {};
      return {
        name: volume.Name,
        driver: volume.Driver,
        mountpoint: volume.Mountpoint,
        scope: volume.Scope,
        created: createdSeconds(volume.CreatedAt),
        labels,
        options: volume.Options ?? {},
        usedBy: users.get(volume.Name) ?? [],
        anonymous: isAnonymous(volume.Name, labels),
        ...(sizes ? { sizeBytes: sizes.get(volume.Name) ?? -1 } : {}),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface VolumeSpec {
  name?: string | undefined;
  driver: string;
  driverOptions: Record<string, string>;
  labels: Record<string, string>;
}

async function volumeExists(docker: Docker, name: string): Promise<boolean> {
  try {
    await docker.getVolume(name).inspect();
    return true;
  } catch (err) {
    const mapped = toBerthError(err, { action: `look up volume ${name}` });
    if (mapped.code === 'NOT_FOUND') return false;
    throw mapped;
  }
}

/**
 * `docker volume create`. The engine answers a taken name with the existing volume (as if it had
 * made it); Berth refuses it instead, so "created" never means "someone else's volume".
 */
export async function createVolume(docker: Docker, spec: VolumeSpec): Promise<VolumeCreateResult> {
  if (spec.name !== undefined && (await volumeExists(docker, spec.name))) {
    throw new BerthError('CONFLICT', `A volume named ${spec.name} already exists.`);
  }
  const what = spec.name ? `create volume ${spec.name}` : 'create a volume';
  try {
    // dockerode answers a handle on the new volume, whose `name` is the engine's answer.
    const created = await docker.createVolume({
      ...(spec.name !== undefined ? { Name: spec.name } : {}),
      Driver: spec.driver,
      DriverOpts: spec.driverOptions,
      Labels: spec.labels,
    });
    return { name: created.name };
  } catch (err) {
    const mapped = toBerthError(err, { action: what });
    // A driver that is not installed comes back as 404, which is the user's input here, not a missing volume.
    if (mapped.code === 'NOT_FOUND') throw new BerthError('INVALID_INPUT', `Could not ${what}: there is no volume driver named ${spec.driver} on this engine.`);
    throw mapped;
  }
}

const inUseMessage = (name: string, users: string[]): string =>
  `Volume ${name} is in use by ${users.length === 1 ? 'container' : 'containers'} ${users.join(', ')}. Remove ${users.length === 1 ? 'it' : 'them'} first; docker does not remove a volume a container uses, even with -f.`;

/**
 * `docker volume rm [-f] NAME`. Refused while a container (in any state) mounts it, with the
 * containers named; `force` (as -f) only forgets a volume its driver fails to remove, and makes a
 * missing volume no error.
 */
export async function removeVolume(docker: Docker, name: string, force: boolean): Promise<VolumeRemoveResult> {
  const users = (await volumeUsers(docker, { volume: [name] })).get(name) ?? [];
  if (users.length) throw new BerthError('CONFLICT', inUseMessage(name, users));
  try {
    await docker.getVolume(name).remove({ force });
    return { name };
  } catch (err) {
    const mapped = toBerthError(err, { action: `remove volume ${name}` });
    if (mapped.code === 'NOT_FOUND') {
      // As the CLI's -f: a volume that is not there is no error.
      if (force) return { name };
      throw new BerthError('NOT_FOUND', `There is no volume named ${name} on this engine.`);
    }
    if (mapped.code === 'CONFLICT') {
      // A container took it between the check and the removal.
      const now = (await volumeUsers(docker, { volume: [name] })).get(name) ?? [];
      if (now.length) throw new BerthError('CONFLICT', inUseMessage(name, now));
    }
    throw mapped;
  }
}

/** The volume as the engine describes it; a missing one is NOT_FOUND in words. */
export async function existingVolume(docker: Docker, name: string): Promise<Docker.VolumeInspectInfo> {
  try {
    return await docker.getVolume(name).inspect();
  } catch (err) {
    const mapped = toBerthError(err, { action: `open volume ${name}` });
    if (mapped.code === 'NOT_FOUND') throw new BerthError('NOT_FOUND', `There is no volume named ${name} on this engine.`);
    throw mapped;
  }
}

/** `docker volume inspect NAME`. */
export async function inspectVolume(docker: Docker, name: string): Promise<InspectDocument> {
  return (await existingVolume(docker, name)) as unknown as InspectDocument;
}
