import { joinShellWords, quoteShellWord } from '../../../shared/cli/shell-quote';
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

/** Copying host items into a folder (a `./` keeps a name starting with `-` from reading as a flag). */
export function copyInCommand(container: string, names: readonly string[], destination: string): string {
  const folder = destination.endsWith('/') ? destination : `${destination}/`;
  return names.map((name) => joinShellWords(['docker', 'cp', `./${name}`, containerPath(container, folder)])).join('\n');
}

/** Copying a path out (as the folder or file itself, following a final symlink, or as the archive). */
export function copyOutCommand(container: string, path: string, asTar: boolean): string {
  const name = path.split('/').filter(Boolean).at(-1) ?? 'root';
  if (asTar) return `${joinShellWords(['docker', 'cp', containerPath(container, path), '-'])} > ${quoteShellWord(`${name}.tar`)}`;
  return joinShellWords(['docker', 'cp', '-L', containerPath(container, path), '.']);
}

export function diffCommand(container: string): string {
  return joinShellWords(['docker', 'diff', container]);
}
