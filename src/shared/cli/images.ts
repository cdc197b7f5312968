/** The docker CLI lines of the local images (list, inspect, import, remove, prune), quoted for POSIX sh. */
import { joinShellWords, positionalWords } from './shell-quote';

export interface ImageTarget {
  repository?: string;
  tag?: string;
}

/** `repo:tag` (or `repo`) as the last word of an import or commit; nothing when no repository is named. */
export const imageTargetWords = ({ repository, tag }: ImageTarget): string[] => (repository ? [tag ? `${repository}:${tag}` : repository] : []);
export const changeFlagWords = (changes: readonly string[]): string[] => changes.flatMap((line) => ['--change', line]);

export const imageListCommand = (all: boolean): string => joinShellWords(['docker', 'image', 'ls', ...(all ? ['-a'] : [])]);

export function dockerImageInspectCommand(image: string): string {
  return joinShellWords(['docker', 'image', 'inspect', image]);
}

export function importCommand(filename: string, options: ImageTarget & { message?: string; changes: readonly string[] }): string {
  return joinShellWords([
    'docker',
    'import',
    ...(options.message ? ['-m', options.message] : []),
    ...changeFlagWords(options.changes),
    ...positionalWords(filename),
    ...imageTargetWords(options),
  ]);
}

export const imageRemoveCommand = (refs: readonly string[], force: boolean): string =>
  joinShellWords(['docker', 'image', 'rm', ...(force ? ['-f'] : []), ...refs]);

export const imagePruneCommand = ({ all = false, labels = [] }: { all?: boolean; labels?: readonly string[] } = {}): string =>
  joinShellWords(['docker', 'image', 'prune', '-f', ...(all ? ['-a'] : []), ...labels.flatMap((label) => ['--filter', `label=${label}`])]);
