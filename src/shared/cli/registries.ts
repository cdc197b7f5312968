/** The docker CLI lines of pull, push, login, tag and history, from the channel table. */
import { dockerCommandFor } from './docker-command';

/** The lines the dialogs show before anything runs; placeholders stand in for fields not filled yet. */
export const pullCommand = (reference: string, platform?: string): string =>
  dockerCommandFor('images.pull', { reference: reference || 'IMAGE', ...(platform ? { platform } : {}) });

export const pushCommand = (reference: string): string => dockerCommandFor('images.push', { reference });

/** The password goes to the CLI's prompt or stdin, never into the line. */
export const loginCommand = (server: string, username: string): string =>
  dockerCommandFor('registries.login', { server: server || 'SERVER', username: username || 'USER', password: '' });

export const tagCommand = (source: string, repository: string, tag?: string): string =>
  dockerCommandFor('images.tag', { source, repository: repository || 'REPOSITORY', ...(tag ? { tag } : {}) });

export const historyCommand = (image: string): string => dockerCommandFor('images.history', { id: image });
