import type { CommandHandlers, StreamHandlers } from './handler-types';
import type Docker from 'dockerode';
import type { EngineMonitor } from './engine/monitor';
import type { HostServices } from './host';
import { containerLogInfo, openLogDownload, streamLogs } from './engine/logs';
import { startDownload, transferHub } from './transfers';

type LogCommands = Pick<CommandHandlers, 'logs.info' | 'logs.download'>;
type LogStreams = Pick<StreamHandlers, 'logs.fetch' | 'logs.follow'>;

const LOG_FILTERS = [
  { name: 'Log files', extensions: ['log', 'txt'] },
  { name: 'All files', extensions: ['*'] },
];

export function logCommandHandlers(docker: Docker, host: HostServices): LogCommands {
  return {
    'logs.info': ({ id }) => containerLogInfo(docker, id),
    'logs.download': async ({ id, ...range }) => {
      const source = await openLogDownload(docker, id, range);
      return startDownload(transferHub, host, {
        source,
        dialog: { purpose: 'download', filters: LOG_FILTERS },
        task: { kind: 'export', subject: source.filename },
      });
    },
  };
}

export function logStreamHandlers(docker: Docker, monitor: EngineMonitor): LogStreams {
  const onUnreachable = (): void => void monitor.check();
  return {
    'logs.fetch': ({ id, ...request }, sink) => streamLogs(docker, id, request, sink, { follow: false, onUnreachable }),
    'logs.follow': ({ id, ...request }, sink) => streamLogs(docker, id, request, sink, { follow: true, onUnreachable }),
  };
}
