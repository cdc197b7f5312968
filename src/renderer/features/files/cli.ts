import { joinShellWords } from '../../../shared/cli/shell-quote';
import { listExecCliLine } from '../../../shared/files/list-exec-command';

/** `web:/etc/passwd`, as one word for `docker cp`. */
function containerPath(container: string, path: string): string {
  return `${container}:${path}`;
}

/** The listing: the engine's archive of the folder, read as a table of contents. */
export function listCommand(container: string, path: string): string {
  return `${joinShellWords(['docker', 'cp', containerPath(container, path), '-'])} | tar -tv`;
}

/** The listing of a running container: one level, with find and stat run in it (as root). */
export const execListCommand = listExecCliLine;

/** The viewer: one file's content to the terminal. */
export function viewCommand(container: string, path: string): string {
  return `${joinShellWords(['docker', 'cp', containerPath(container, path), '-'])} | tar -xO`;
}

export { browserCopyInCommand, copyInCommand, copyOutCommand } from '../../../shared/cli/copy-commands';

export function diffCommand(container: string): string {
  return joinShellWords(['docker', 'diff', container]);
}
