import type Docker from 'dockerode';
import type { ResolvedPruneFilters } from '../../../shared/contract/containers';
import { untilToEpochSeconds } from '../../../shared/containers/prune-until';
import type { ContainerPrunePreview, ContainerPruneResult, ContainerState } from '../../../shared/types/containers';
import { engineCall } from '../core/errors';

/** What prune takes: containers that are not running (a paused or restarting one counts as running). */
const PRUNABLE_STATES: readonly ContainerState[] = ['created', 'exited', 'dead'];

/** `until` as an absolute Unix time, so the preview and the prune after it use one cut-off. */
export function resolvePruneFilters(filters: { label: string[]; until?: string | undefined }, nowSeconds = Date.now() / 1000): ResolvedPruneFilters {
  const until = filters.until === undefined ? undefined : untilToEpochSeconds(filters.until, nowSeconds);
  return { label: filters.label, ...(until !== undefined ? { until: String(Math.floor(until)) } : {}) };
}

function engineFilters(filters: ResolvedPruneFilters): Record<string, string[]> {
  return { ...(filters.label.length ? { label: filters.label } : {}), ...(filters.until ? { until: [filters.until] } : {}) };
}

/**
 * The containers `docker container prune` would remove with these filters: the engine's own list
 * of stopped containers with those labels (it filters labels as prune does), created before `until`.
 */
export async function previewPrune(docker: Docker, filters: ResolvedPruneFilters): Promise<ContainerPrunePreview> {
  const rows = await engineCall(
    () =>
      docker.listContainers({ all: true, size: true, filters: { status: [...PRUNABLE_STATES], ...(filters.label.length ? { label: filters.label } : {}) } }),
    { action: 'list stopped containers' },
  );
  const cutoff = filters.until === undefined ? undefined : Number(filters.until);
  const containers = rows
    .filter((row) => cutoff === undefined || row.Created < cutoff)
    .map((row) => ({
      id: row.Id,
      name: (row.Names?.[0] ?? row.Id.slice(0, 12)).replace(/^\//, ''),
      image: row.Image,
      state: row.State as ContainerState,
      created: row.Created,
      sizeRw: (row as { SizeRw?: number }).SizeRw ?? 0,
    }))
    .sort((a, b) => a.created - b.created);
  return { containers, spaceReclaimable: containers.reduce((sum, c) => sum + c.sizeRw, 0) };
}

/** `docker container prune --force --filter …`. */
export async function pruneContainers(docker: Docker, filters: ResolvedPruneFilters): Promise<ContainerPruneResult> {
  const answer = await engineCall(() => docker.pruneContainers({ filters: engineFilters(filters) }), { action: 'prune containers' });
  return { removed: answer.ContainersDeleted ?? [], spaceReclaimed: answer.SpaceReclaimed ?? 0 };
}
