/** The docker CLI lines of compose projects (`docker compose -p NAME …`), quoted for POSIX sh. */
import { joinShellWords } from './shell-quote';

export type ComposeAction = 'start' | 'stop' | 'restart' | 'remove';

const base = (project: string): string[] => ['docker', 'compose', '-p', project];

/** `docker compose -p NAME start|stop|restart|down [--volumes]`. */
export function composeActionCommand(project: string, action: ComposeAction, options: { volumes?: boolean; timeout?: number } = {}): string {
  const verb = action === 'remove' ? 'down' : action;
  const timeout = action !== 'start' && options.timeout !== undefined ? ['--timeout', String(options.timeout)] : [];
  const volumes = action === 'remove' && options.volumes ? ['--volumes'] : [];
  return joinShellWords([...base(project), verb, ...timeout, ...volumes]);
}

/** `docker compose -p NAME logs [-f] [--tail N]`. */
export function composeLogsCommand(project: string, options: { follow: boolean; tail?: number | 'all' }): string {
  const tail = options.tail !== undefined && options.tail !== 'all' ? ['--tail', String(options.tail)] : [];
  return joinShellWords([...base(project), 'logs', ...(options.follow ? ['-f'] : []), ...tail]);
}
