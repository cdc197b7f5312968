import { dockerCommandFor } from '../../../shared/cli/docker-command';

/** The lines the dialogs show before anything runs; placeholders stand in for fields not filled yet. */
export const pullCli = (reference: string, platform?: string): string =>
  dockerCommandFor('images.pull', { reference: reference || 'IMAGE', ...(platform ? { platform } : {}) });

export const pushCli = (reference: string): string => dockerCommandFor('images.push', { reference });

/** The password goes to the CLI's prompt or stdin, never into the line. */
export const loginCli = (server: string, username: string): string =>
  dockerCommandFor('registries.login', { server: server || 'SERVER', username: username || 'USER', password: '' });

export const tagCli = (source: string, repository: string, tag?: string): string =>
  dockerCommandFor('images.tag', { source, repository: repository || 'REPOSITORY', ...(tag ? { tag } : {}) });

export const historyCli = (image: string): string => dockerCommandFor('images.history', { id: image });
