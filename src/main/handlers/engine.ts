import type { CommandHandlers, HandlerContext, StreamHandlers } from '../handler-types';
import { engineInfo, pingEngine } from '../engine/core/info';

type EngineCommands = Pick<CommandHandlers, 'engine.info' | 'engine.ping' | 'engine.state'>;
type EngineStreams = Pick<StreamHandlers, 'engine.watch'>;

export function engineCommandHandlers({ engine: { docker, host, monitor } }: HandlerContext): EngineCommands {
  return {
    'engine.info': () => engineInfo(docker, host),
    'engine.ping': () => pingEngine(docker),
    'engine.state': async () => monitor.state,
  };
}

export function engineStreamHandlers({ engine: { monitor } }: HandlerContext): EngineStreams {
  return {
    'engine.watch': (_input, sink) => {
      sink.data(monitor.state);
      const onState = (state: typeof monitor.state): void => void sink.data(state);
      monitor.on('state', onState);
      return () => monitor.off('state', onState);
    },
  };
}
