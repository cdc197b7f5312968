import type { CommandHandlers, HandlerContext, StreamHandlers } from '../handler-types';
import { containerLogInfo, openLogDownload, streamLogs } from '../engine/logs/logs';
import { startDownload } from '../transfers';

type LogCommands = Pick<CommandHandlers, 'logs.info' | 'logs.download'>;
type LogStreams = Pick<StreamHandlers, 'logs.fetch' | 'logs.follow'>;

const LOG_FILTERS = [
  { name: 'Log files', extensions: ['log', 'txt'] },
  { name: 'All files', extensions: ['*'] },
];

export function logCommandHandlers({ engine: { docker }, host, transfers }: HandlerContext): LogCommands {
  return {
    'logs.info': ({ id }) => containerLogInfo(docker, id),
    'logs.download': async ({ id, ...range }) => {
      const source = await openLogDownload(docker, id, range);
      return startDownload(transfers, host, {
        source,
        dialog: { purpose: 'download', filters: LOG_FILTERS },
        task: { kind: 'export', subject: source.filename },
      });
    },
  };
}

export function logStreamHandlers({ engine: { docker, monitor } }: HandlerContext): LogStreams {
  const onUnreachable = (): void => void monitor.check();
  return {
    'logs.fetch': ({ id, ...request }, sink) => streamLogs(docker, id, request, sink, { follow: false, onUnreachable }),
    'logs.follow': ({ id, ...request }, sink) => streamLogs(docker, id, request, sink, { follow: true, onUnreachable }),
  };
}
