import type { CommandHandlers, HandlerContext, StreamHandlers } from '../handler-types';
import { streamProjectLogs } from '../engine/compose/logs';
import { listProjects, removeProject, restartProject, startProject, stopProject } from '../engine/compose/projects';

type ComposeCommands = Pick<CommandHandlers, 'compose.list' | 'compose.start' | 'compose.stop' | 'compose.restart' | 'compose.remove'>;
type ComposeStreams = Pick<StreamHandlers, 'compose.logs'>;

/** `docker compose …` on projects found by their labels: channel -> engine function. */
export function composeCommandHandlers({ engine: { docker } }: HandlerContext): ComposeCommands {
  return {
    'compose.list': () => listProjects(docker),
    'compose.start': ({ project }) => startProject(docker, project),
    'compose.stop': ({ project, timeout }) => stopProject(docker, project, timeout),
    'compose.restart': ({ project, timeout }) => restartProject(docker, project, timeout),
    'compose.remove': ({ project, timeout, volumes }) => removeProject(docker, project, { timeout, volumes }),
  };
}

export function composeStreamHandlers({ engine: { docker, monitor } }: HandlerContext): ComposeStreams {
  const onUnreachable = (): void => void monitor.check();
  return {
    'compose.logs': ({ project, ...request }, sink) => streamProjectLogs(docker, project, request, sink, { onUnreachable }),
  };
}
