import { z } from 'zod';
import type { BuildCachePrunePreview, BuildCachePruneResult, DiskUsage } from '../types/system';
import { command, returns } from './define';

const buildCachePrune = z
  .object({
    /** `docker builder prune --all`: internal and frontend records too, not only the dangling cache. */
    all: z.boolean().default(false),
    /** `--filter until=24h`: only records not used for that long (a Go duration, as the engine reads it). */
    until: z
      .string()
      .trim()
      .regex(/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/, 'until is a duration such as 24h or 1h30m.')
      .optional(),
  })
  .strict();

export const systemCommands = {
  /** `docker system df -v`: images, containers, volumes and build cache, with totals and reclaimable space as the CLI computes them. */
  'system.df': command(z.object({}).strict(), returns<DiskUsage>()),
  /** What `docker builder prune [--all]` would remove now: the build cache records not in use. */
  'system.pruneBuildCachePreview': command(buildCachePrune, returns<BuildCachePrunePreview>()),
  /** `docker builder prune --force [--all]`. */
  'system.pruneBuildCache': command(buildCachePrune, returns<BuildCachePruneResult>()),
} as const;
