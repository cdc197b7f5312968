import type Docker from 'dockerode';
import type { PrunableVolume, VolumePruneFilters, VolumePrunePreview, VolumePruneResult } from '../../../shared/types/volumes';
import { engineCall, toBerthError } from '../core/errors';
import { ANONYMOUS_LABEL, createdSeconds, isAnonymous, volumeSizes } from './usage';

/**
 * API 1.42 (Docker 23) changed `docker volume prune`: it takes only anonymous volumes (those with the
 * `com.docker.volume.anonymous` label) unless asked for `all`. Older engines take every unused volume.
 */
async function pruneTakesAllByItself(docker: Docker): Promise<boolean> {
  const version = await engineCall(() => docker.version(), { action: 'read the engine version' });
  const [major = 0, minor = 0] = (version.ApiVersion ?? '').split('.').map(Number);
  return major === 1 && minor < 42;
}

/** The unused volumes a prune with these filters takes: none mounted by any container, with the labels, anonymous ones unless `all`. */
async function candidates(docker: Docker, filters: VolumePruneFilters, oldEngine: boolean): Promise<PrunableVolume[]> {
  const [listed, sizes] = await Promise.all([
    engineCall(() => docker.listVolumes({ filters: { dangling: ['true'], ...(filters.label.length ? { label: filters.label } : {}) } }), {
      action: 'list unused volumes',
    }),
    volumeSizes(docker),
  ]);
  return (listed.Volumes ?? [])
    .filter((volume) => {
      if (filters.all) return true;
      const labels = volume.Labels ?? {};
      // A newer engine goes by the label alone; for an older one Berth removes the volumes it made unnamed.
      return oldEngine ? isAnonymous(volume.Name, labels) : Object.hasOwn(labels, ANONYMOUS_LABEL);
    })
    .map((volume) => ({
      name: volume.Name,
      driver: volume.Driver,
      created: createdSeconds((volume as { CreatedAt?: string }).CreatedAt),
      sizeBytes: sizes.get(volume.Name) ?? -1,
      labels: volume.Labels ?? {},
    }))
    .sort((a, b) => a.created - b.created || a.name.localeCompare(b.name));
}

const reclaimable = (volumes: PrunableVolume[]): number => volumes.reduce((sum, volume) => sum + Math.max(0, volume.sizeBytes), 0);

/** What `docker volume prune [--all] --filter label=…` would remove now. */
export async function previewVolumePrune(docker: Docker, filters: VolumePruneFilters): Promise<VolumePrunePreview> {
  const volumes = await candidates(docker, filters, await pruneTakesAllByItself(docker));
  return { volumes, spaceReclaimable: reclaimable(volumes), filters };
}

/**
 * `docker volume prune --force [--all] --filter label=…`. Where the engine's prune means the same,
 * it does the work; an older engine asked for anonymous volumes only would take named ones too, so
 * Berth removes the anonymous ones one by one (one a container took meanwhile stays).
 */
export async function pruneVolumes(docker: Docker, filters: VolumePruneFilters): Promise<VolumePruneResult> {
  const oldEngine = await pruneTakesAllByItself(docker);
  if (!oldEngine || filters.all) {
    const engineFilters: Record<string, string[]> = {
      ...(filters.label.length ? { label: filters.label } : {}),
      ...(filters.all && !oldEngine ? { all: ['true'] } : {}),
    };
    const answer = await engineCall(() => docker.pruneVolumes({ filters: engineFilters }), { action: 'prune volumes' });
    return { removed: answer.VolumesDeleted ?? [], spaceReclaimed: answer.SpaceReclaimed ?? 0 };
  }
  const removed: string[] = [];
  let spaceReclaimed = 0;
  for (const volume of await candidates(docker, filters, true)) {
    try {
      await docker.getVolume(volume.name).remove();
      removed.push(volume.name);
      spaceReclaimed += Math.max(0, volume.sizeBytes);
    } catch (err) {
      const mapped = toBerthError(err, { action: `remove volume ${volume.name}` });
      if (mapped.code !== 'CONFLICT' && mapped.code !== 'NOT_FOUND') throw mapped;
    }
  }
  return { removed, spaceReclaimed };
}
