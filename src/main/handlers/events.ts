import type { EngineEvent } from '../../shared/types/events';
import type { HandlerContext, StreamHandlers } from '../handler-types';
import { SharedStreams } from '../engine/core/shared-stream';
import { eventMatches } from '../engine/events/event-filter';
import { watchEvents } from '../engine/events/events';

type EventStreams = Pick<StreamHandlers, 'events.watch'>;

export function eventStreamHandlers({ engine: { docker, monitor } }: HandlerContext): EventStreams {
  // Live events: one engine stream for all subscribers, each filtered here as the engine would.
  const liveEvents = new SharedStreams<'live', EngineEvent>((_key, sink) => watchEvents(docker, monitor, {}, sink));
  return {
    'events.watch': (filter, sink) => {
      // A replay (since/until) asks the engine for its own span; a live one joins the shared stream from now on.
      if (filter.since !== undefined || filter.until !== undefined) return watchEvents(docker, monitor, filter, sink);
      const from = BigInt(Date.now()) * 1_000_000n;
      return liveEvents.subscribe('live', sink, (event) => BigInt(event.timeNano) >= from && eventMatches(filter, event));
    },
  };
}
