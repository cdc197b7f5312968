/**
 * The `docker cp` lines for what a copy did: built from what main reports (copy out) or from the
 * host paths the user chose (copy in), so a pasted line works from any folder and gives the same
 * files, modes and owners.
 */
import type { CopiedOut } from '../types/files';
import { listExecCliLine } from '../files/list-exec-command';
import { joinShellWords, quoteShellWord } from './shell-quote';

/** `web:/etc/passwd`, as one word for `docker cp`. */
function containerPath(container: string, path: string): string {
  return `${container}:${path}`;
}

function folderPath(destination: string): string {
  return destination.endsWith('/') ? destination : `${destination}/`;
}

/**
 * Copying host items into a folder: one line per item, with its absolute host path. Like Berth,
 * `docker cp` keeps each file's owner (uid/gid), mode and time, and copies links as links.
 */
export function copyInCommand(container: string, hostPaths: readonly string[], destination: string): string {
  return hostPaths.map((hostPath) => joinShellWords(['docker', 'cp', hostPath, containerPath(container, folderPath(destination))])).join('\n');
}

/**
 * Browser mode: the page sends a tar of what was dropped, without the files' owners (Berth's tar
 * says root, uid and gid 0) and without their place on this computer. The same with the CLI, run
 * in the folder that holds them: a tar with root as the owner, into `docker cp -`.
 */
export function browserCopyInCommand(container: string, names: readonly string[], destination: string): string {
  const tar = joinShellWords(['tar', '-c', '--owner=0', '--group=0', '--numeric-owner', '-f', '-', '--', ...names]);
  return `${tar} | ${joinShellWords(['docker', 'cp', '-', containerPath(container, folderPath(destination))])}`;
}

/**
 * Where a copy out went: a host path main wrote (desktop), or a file name the browser saved in its
 * downloads folder (browser mode: the line writes it in the folder it is run in).
 */
export type CopyOutDestination = { kind: 'host'; path: string } | { kind: 'browser'; filename: string };

/** Copying a path out as Berth did it: the archive itself, or the file or folder (a followed link adds -L). */
export function copyOutCommand(container: string, copied: CopiedOut, destination: CopyOutDestination): string {
  const follow = copied.followedLink ? ['-L'] : [];
  const target = destination.kind === 'host' ? destination.path : `./${destination.filename}`;
  if (copied.as === 'archive') {
    return `${joinShellWords(['docker', 'cp', ...follow, containerPath(container, copied.path), '-'])} > ${quoteShellWord(target)}`;
  }
  const copy = joinShellWords(['docker', 'cp', ...follow, containerPath(container, copied.path), target]);
  // Berth replaced the folder that was there; docker cp would copy into it instead.
  return copied.replaced ? `${joinShellWords(['rm', '-rf', '--', target])} && ${copy}` : copy;
}

/** The listing: the engine's archive of the folder, read as a table of contents. */
export function fileListCommand(container: string, path: string): string {
  return `${joinShellWords(['docker', 'cp', containerPath(container, path), '-'])} | tar -tv`;
}

/** The listing of a running container: one level, with find and stat run in it (as root). */
export const execListCommand = listExecCliLine;

/** The viewer: one file's content to the terminal. */
export function fileViewCommand(container: string, path: string): string {
  return `${joinShellWords(['docker', 'cp', containerPath(container, path), '-'])} | tar -xO`;
}

/**
 * One changed file against its image, as the Changes tab reads it: the image's version from a
 * never-started container of the image (removed after), the container's from the container, then
 * `diff -u` (image first). Three lines of POSIX sh; it writes `<name>.image` in the current folder.
 */
export function imageFileDiffCommand(container: string, image: string, filePath: string): string {
  const base = filePath.split('/').filter(Boolean).at(-1) ?? 'root';
  const saved = quoteShellWord(`${base}.image`);
  const created = joinShellWords(['docker', 'create', '--network', 'none', image, '/berth-never-started']);
  return [
    `c=$(${created})`,
    `docker cp "$c":${quoteShellWord(filePath)} - | tar -xO > ${saved}; docker rm "$c" > /dev/null`,
    `${joinShellWords(['docker', 'cp', `${container}:${filePath}`, '-'])} | tar -xO | diff -u ${saved} -`,
  ].join('\n');
}
