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

/** The container the volume's file lines use, as Berth's helper: created with the volume at /volume, never started, removed after. */
export const VOLUME_HELPER_NAME = 'berth-volume-files';

/** A path in the volume as the helper of the lines sees it. */
export const volumeHelperPath = (path: string): string => (path === '/' ? '/volume' : `/volume${path}`);

/** `docker cp` lines (naming VOLUME_HELPER_NAME and volumeHelperPath paths) run as Berth runs them for a volume. */
export function throughVolumeHelper(volume: string, lines: string): string {
  return [
    `${joinShellWords(['docker', 'create', '--name', VOLUME_HELPER_NAME, '-v', `${volume}:/volume`, 'busybox'])} > /dev/null`,
    lines,
    `${joinShellWords(['docker', 'rm', VOLUME_HELPER_NAME])} > /dev/null`,
  ].join('\n');
}

/** The volume's content as `volumes.backup` makes it: a tar of /data's entries (`./…`), written in the folder the line is run in. */
export const volumeBackupCommand = (name: string, file: string): string =>
  `${joinShellWords(['docker', 'run', '--rm', '-v', `${name}:/data:ro`])} -v "$PWD":/backup ${joinShellWords(['busybox', 'tar', '-cf', `/backup/${file}`, '-C', '/data', '.'])}`;

/**
 * A backup (in the folder the line is run in) into the volume: extracted over what is there
 * (`merge`), or into the volume removed and created again first (`replace`, with `recreate`'s driver and labels).
 */
export function volumeRestoreCommand(name: string, file: string, mode: 'merge' | 'replace', recreate: VolumeCreateLine = {}): string {
  const extract = `${joinShellWords(['docker', 'run', '--rm', '-v', `${name}:/data`])} -v "$PWD":/backup:ro ${joinShellWords(['busybox', 'tar', '-xpf', `/backup/${file}`, '-C', '/data'])}`;
  if (mode === 'merge') return extract;
  return `${volumeRemoveCommand([name], false)} && ${volumeCreateCommand({ ...recreate, name })} && ${extract}`;
}
