import type { StatsSample } from '../../shared/types/stats';
import type { CommandHandlers, HandlerContext, StreamHandlers } from '../handler-types';
import { SharedStreams } from '../engine/core/shared-stream';
import { containerStats, watchStats } from '../engine/stats/stats';

type StatsCommands = Pick<CommandHandlers, 'containers.stats'>;
type StatsStreams = Pick<StreamHandlers, 'stats.watch'>;

export function statsCommandHandlers({ engine: { docker } }: HandlerContext): StatsCommands {
  return {
    'containers.stats': ({ id }) => containerStats(docker, id),
  };
}

export function statsStreamHandlers({ engine: { docker, monitor } }: HandlerContext): StatsStreams {
  // One engine stream per container; a subscriber joining late gets the current reading at once.
  const liveStats = new SharedStreams<string, StatsSample>((id, sink) => watchStats(docker, id, sink, { onUnreachable: () => void monitor.check() }), {
    replayLatest: true,
  });
  return {
    'stats.watch': ({ id }, sink) => liveStats.subscribe(id, sink),
  };
}
