import type Docker from 'dockerode';
import type { BuildCachePrunePreview, BuildCachePruneResult, DiskUsageBuildCacheItem } from '../../../shared/types/system';
import { engineCall } from '../core/errors';
import { readDiskUsage } from './disk-usage';

/** Records BuildKit keeps for itself (the frontend and its helpers): pruned only with `--all`. */
const KEPT_WITHOUT_ALL = new Set(['internal', 'frontend']);

/** What `docker builder prune [--all]` takes: records not in use, and without `all` none of BuildKit's own. */
export const prunableCacheRecord = (item: DiskUsageBuildCacheItem, all: boolean): boolean => !item.inUse && (all || !KEPT_WITHOUT_ALL.has(item.type));

/** What `docker builder prune [--all]` would remove now, from the engine's disk usage. */
export async function previewBuildCachePrune(docker: Docker, all: boolean): Promise<BuildCachePrunePreview> {
  const { buildCache } = await readDiskUsage(docker);
  const items = buildCache.filter((item) => prunableCacheRecord(item, all)).sort((a, b) => b.sizeBytes - a.sizeBytes || a.id.localeCompare(b.id));
  return { items, spaceReclaimable: items.reduce((sum, item) => sum + item.sizeBytes, 0), all };
}

/** `docker builder prune --force [--all]`. */
export async function pruneBuildCache(docker: Docker, all: boolean): Promise<BuildCachePruneResult> {
  const answer = await engineCall(
    () =>
      new Promise<{ CachesDeleted?: string[] | null; SpaceReclaimed?: number }>((resolve, reject) => {
        docker.modem.dial(
          { path: '/build/prune?', method: 'POST', options: all ? { all: 'true' } : {}, statusCodes: { 200: true, 400: 'bad parameter', 500: 'server error' } },
          (err, data) => (err ? reject(err) : resolve(data as { CachesDeleted?: string[] | null; SpaceReclaimed?: number })),
        );
      }),
    { action: 'prune the build cache' },
  );
  return { removed: answer.CachesDeleted ?? [], spaceReclaimed: answer.SpaceReclaimed ?? 0 };
}
