import type Docker from 'dockerode';
import { BerthError } from '../../shared/errors';
import type { CommandHandlers, StreamHandlers } from '../handlers';

type RegistryCommands = Pick<
  CommandHandlers,
  | 'images.pull'
  | 'images.push'
  | 'images.cancelTask'
  | 'images.tag'
  | 'images.history'
  | 'registries.tags'
  | 'registries.login'
  | 'registries.logout'
  | 'registries.list'
>;
type RegistryStreams = Pick<StreamHandlers, 'images.tasks'>;

const notYet = (): Promise<never> => Promise.reject(new BerthError('INTERNAL', 'Not built yet.'));

/** Pull, push, tag, history and registry logins: channel -> engine function. (Contract first; the engine side lands next.) */
export function registryCommandHandlers(_docker: Docker): RegistryCommands {
  return {
    'images.pull': notYet,
    'images.push': notYet,
    'images.cancelTask': notYet,
    'images.tag': notYet,
    'images.history': notYet,
    'registries.tags': notYet,
    'registries.login': notYet,
    'registries.logout': notYet,
    'registries.list': notYet,
  };
}

export function registryStreamHandlers(): RegistryStreams {
  return {
    'images.tasks': (_input, sink) => {
      sink.data([]);
      return () => {};
    },
  };
}
