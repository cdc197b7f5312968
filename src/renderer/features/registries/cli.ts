import { joinShellWords } from '../../../shared/cli/shell-quote';

/** `--` before a positional word that would read as a flag. */
const positional = (word: string): string[] => (word.startsWith('-') ? ['--', word] : [word]);

export const pullCli = (reference: string, platform?: string): string =>
  joinShellWords(['docker', 'pull', ...(platform ? ['--platform', platform] : []), ...positional(reference || 'IMAGE')]);

export const pushCli = (reference: string): string => joinShellWords(['docker', 'push', ...positional(reference)]);

/** The password is typed at the CLI's prompt (or given on stdin), never in the line. */
export const loginCli = (server: string, username: string): string =>
  joinShellWords(['docker', 'login', '-u', username || 'USER', ...positional(server || 'SERVER')]);

export const logoutCli = (server: string): string => joinShellWords(['docker', 'logout', ...positional(server)]);

export const tagCli = (source: string, repository: string, tag?: string): string =>
  joinShellWords(['docker', 'tag', ...positional(source), ...positional(tag ? `${repository}:${tag}` : repository || 'REPOSITORY')]);

export const historyCli = (image: string): string => joinShellWords(['docker', 'image', 'history', ...positional(image)]);
