/** The docker CLI lines of volumes (ls, create, rm, prune, inspect), quoted for POSIX sh. */
import { joinShellWords, positionalWords } from './shell-quote';

export const volumeListCommand = (): string => joinShellWords(['docker', 'volume', 'ls']);

export interface VolumeCreateLine {
  name?: string | undefined;
  driver?: string | undefined;
  driverOptions?: Readonly<Record<string, string>>;
  labels?: Readonly<Record<string, string>>;
}

export function volumeCreateCommand({ name, driver, driverOptions = {}, labels = {} }: VolumeCreateLine): string {
  return joinShellWords([
    'docker',
    'volume',
    'create',
    ...(driver && driver !== 'local' ? ['--driver', driver] : []),
    ...Object.entries(driverOptions).flatMap(([key, value]) => ['--opt', `${key}=${value}`]),
    ...Object.entries(labels).flatMap(([key, value]) => ['--label', `${key}=${value}`]),
    ...(name ? positionalWords(name) : []),
  ]);
}

export const volumeRemoveCommand = (names: readonly string[], force: boolean): string =>
  joinShellWords(['docker', 'volume', 'rm', ...(force ? ['-f'] : []), ...names.flatMap(positionalWords)]);

export const volumeInspectCommand = (name: string): string => joinShellWords(['docker', 'volume', 'inspect', ...positionalWords(name)]);

export function volumePruneCommand(filters: { label: readonly string[]; all: boolean }): string {
  return joinShellWords([
    'docker',
    'volume',
    'prune',
    '--force',
    ...(filters.all ? ['--all'] : []),
    ...filters.label.flatMap((label) => ['--filter', `label=${label}`]),
  ]);
}

/** The containers using a volume removed first (`docker rm -f`), then the volume. */
export const volumeRemoveWithUsersCommand = (name: string, users: readonly string[], force: boolean): string =>
  `${joinShellWords(['docker', 'rm', '-f', ...users.flatMap(positionalWords)])} && ${volumeRemoveCommand([name], force)}`;

/** What the volume browser shows, as the CLI gets it: a throwaway container with the volume mounted read-only. */
export const volumeBrowseCommand = (name: string, folder: string, file?: string): string =>
  joinShellWords(['docker', 'run', '--rm', '-v', `${name}:/volume:ro`, 'busybox', ...(file ? ['cat', `/volume${file}`] : ['ls', '-la', `/volume${folder}`])]);
