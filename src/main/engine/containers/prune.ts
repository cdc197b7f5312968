import type Docker from 'dockerode';
import type { ResolvedPruneFilters } from '../../../shared/contract/containers';
import { untilToEpochSeconds } from '../../../shared/containers/prune-until';
import type { ContainerPrunePreview, ContainerPruneResult, ContainerState } from '../../../shared/types/containers';
import { engineCall } from '../core/errors';

/** What prune takes: containers that are not running (a paused or restarting one counts as running). */
const PRUNABLE_STATES: readonly ContainerState[] = ['created', 'exited', 'dead'];

/** `until` as an absolute Unix time, so the preview and the prune after it use one cut-off. */
export function resolvePruneFilters(
  filters: { label: string[]; labelNot?: string[] | undefined; until?: string | undefined },
  nowSeconds = Date.now() / 1000,
): ResolvedPruneFilters {
  const until = filters.until === undefined ? undefined : untilToEpochSeconds(filters.until, nowSeconds);
  return {
    label: filters.label,
    ...(filters.labelNot?.length ? { labelNot: filters.labelNot } : {}),
    ...(until !== undefined ? { until: String(Math.floor(until)) } : {}),
  };
}

function engineFilters(filters: ResolvedPruneFilters): Record<string, string[]> {
  return {
    ...(filters.label.length ? { label: filters.label } : {}),
    ...(filters.labelNot?.length ? { 'label!': filters.labelNot } : {}),
    ...(filters.until ? { until: [filters.until] } : {}),
  };
}

/** The engine's test for `label!=`: a container is kept when it has every one of them (key, or key=value). */
function hasEveryLabel(labels: Record<string, string> | undefined, wanted: readonly string[]): boolean {
  return wanted.every((filter) => {
    const [key = '', value] = splitOnce(filter);
    return labels !== undefined && key in labels && (value === undefined || labels[key] === value);
  });
}

function splitOnce(filter: string): [string, string | undefined] {
  const at = filter.indexOf('=');
  return at < 0 ? [filter, undefined] : [filter.slice(0, at), filter.slice(at + 1)];
}

/**
 * The containers `docker container prune` would remove with these filters: the engine's own list
 * of stopped containers with those labels (it filters labels as prune does), created before `until`,
 * without those `label!=` excludes.
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
    .filter((row) => !filters.labelNot?.length || !hasEveryLabel(row.Labels, filters.labelNot))
    .map((row) => ({
      id: row.Id,
      name: (row.Names?.[0] ?? row.Id.slice(0, 12)).replace(/^\//, ''),
      image: row.Image,
      state: row.State as ContainerState,
      status: row.Status,
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
