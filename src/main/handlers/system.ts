import type { CommandHandlers, HandlerContext } from '../handler-types';
import { previewBuildCachePrune, pruneBuildCache } from '../engine/system/build-cache';
import { diskUsage } from '../engine/system/disk-usage';

type SystemCommands = Pick<CommandHandlers, 'system.df' | 'system.pruneBuildCachePreview' | 'system.pruneBuildCache'>;

/** `docker system df` and `docker builder prune`: channel -> engine function. */
export function systemCommandHandlers({ engine: { docker } }: HandlerContext): SystemCommands {
  return {
    'system.df': () => diskUsage(docker),
    'system.pruneBuildCachePreview': (options) => previewBuildCachePrune(docker, options),
    'system.pruneBuildCache': (options) => pruneBuildCache(docker, options),
  };
}
