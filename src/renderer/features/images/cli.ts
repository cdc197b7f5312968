import { joinShellWords } from '../../../shared/cli/shell-quote';

export interface ImageTarget {
  repository?: string;
  tag?: string;
}

const reference = ({ repository, tag }: ImageTarget): string[] => (repository ? [tag ? `${repository}:${tag}` : repository] : []);
const changeFlags = (changes: readonly string[]): string[] => changes.flatMap((line) => ['--change', line]);
/** `--` before a positional word that would read as a flag. */
const positional = (word: string): string[] => (word.startsWith('-') ? ['--', word] : [word]);

export const listCli = (all: boolean): string => joinShellWords(['docker', 'image', 'ls', ...(all ? ['-a'] : [])]);

export const exportCli = (container: string, filename: string): string =>
  joinShellWords(['docker', 'export', '-o', filename, ...positional(container)]);

export function importCli(filename: string, options: ImageTarget & { message?: string; changes: readonly string[] }): string {
  return joinShellWords([
    'docker',
    'import',
    ...(options.message ? ['-m', options.message] : []),
    ...changeFlags(options.changes),
    ...positional(filename),
    ...reference(options),
  ]);
}

export function commitCli(container: string, options: ImageTarget & { message?: string; author?: string; changes: readonly string[]; pause: boolean }): string {
  return joinShellWords([
    'docker',
    'commit',
    ...(options.author ? ['-a', options.author] : []),
    ...(options.message ? ['-m', options.message] : []),
    ...changeFlags(options.changes),
    ...(options.pause ? [] : ['--pause=false']),
    ...positional(container),
    ...reference(options),
  ]);
}

export const removeCli = (refs: readonly string[], force: boolean): string =>
  joinShellWords(['docker', 'image', 'rm', ...(force ? ['-f'] : []), ...refs]);

export const pruneCli = (): string => joinShellWords(['docker', 'image', 'prune', '-f']);
