import type Docker from 'dockerode';
import type { BuildCachePrunePreview, BuildCachePruneResult, DiskUsageBuildCacheItem } from '../../../shared/types/system';
import { untilToEpochSeconds } from '../../../shared/containers/prune-until';
import { engineCall } from '../core/errors';
import { readDiskUsage } from './disk-usage';

/** Records BuildKit keeps for itself (the frontend and its helpers): pruned only with `--all`. */
const KEPT_WITHOUT_ALL = new Set(['internal', 'frontend']);

export interface BuildCachePruneOptions {
  all: boolean;
  /** A Go duration: records used more recently than that are kept. */
  until?: string | undefined;
}

/**
 * What `docker builder prune [--all] [--filter until=D]` takes: records not in use, without `all`
 * none of BuildKit's own, and with `until` none used within that time (one never used goes).
 */
function prunableCacheRecord(item: DiskUsageBuildCacheItem, { all, until }: BuildCachePruneOptions, nowSeconds: number): boolean {
  if (item.inUse || (!all && KEPT_WITHOUT_ALL.has(item.type))) return false;
  const keepSeconds = until === undefined ? undefined : -(untilToEpochSeconds(until, 0) ?? 0);
  return keepSeconds === undefined || item.lastUsed === 0 || item.lastUsed <= nowSeconds - keepSeconds;
}

/** What `docker builder prune` with these options would remove now, from the engine's disk usage. */
export async function previewBuildCachePrune(docker: Docker, options: BuildCachePruneOptions): Promise<BuildCachePrunePreview> {
  const { buildCache } = await readDiskUsage(docker);
  const now = Date.now() / 1000;
  const items = buildCache.filter((item) => prunableCacheRecord(item, options, now)).sort((a, b) => b.sizeBytes - a.sizeBytes || a.id.localeCompare(b.id));
  return {
    items,
    spaceReclaimable: items.reduce((sum, item) => sum + item.sizeBytes, 0),
    all: options.all,
    ...(options.until ? { until: options.until } : {}),
  };
}

/** `docker builder prune --force [--all] [--filter until=D]`. */
export async function pruneBuildCache(docker: Docker, { all, until }: BuildCachePruneOptions): Promise<BuildCachePruneResult> {
  const query = { ...(all ? { all: 'true' } : {}), ...(until ? { filters: JSON.stringify({ until: [until] }) } : {}) };
  const answer = await engineCall(
    () =>
      new Promise<{ CachesDeleted?: string[] | null; SpaceReclaimed?: number }>((resolve, reject) => {
        docker.modem.dial(
          { path: '/build/prune?', method: 'POST', options: query, statusCodes: { 200: true, 400: 'bad parameter', 500: 'server error' } },
          (err, data) => (err ? reject(err) : resolve(data as { CachesDeleted?: string[] | null; SpaceReclaimed?: number })),
        );
      }),
    { action: 'prune the build cache' },
  );
  return { removed: answer.CachesDeleted ?? [], spaceReclaimed: answer.SpaceReclaimed ?? 0 };
}
