import { sendLatestOnly } from '../engine/core/stream-sink';
import type { CommandHandlers, HandlerContext, StreamHandlers } from '../handler-types';
import { imageHistory, tagImage } from '../engine/registries/image-edit';
import { login, logins, logout } from '../engine/registries/login';
import { pullTask } from '../engine/registries/pull';
import { pushTask } from '../engine/registries/push';
import { registryTags } from '../engine/registries/registry-tags';

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

/** Pull, push, tag, history and registry logins: channel -> engine function. */
export function registryCommandHandlers({ engine: { docker }, registryTasks: hub }: HandlerContext): RegistryCommands {
  return {
    'images.pull': async (input) => ({ taskId: hub.start(pullTask(docker, input, 'user')) }),
    'images.push': async ({ reference }) => ({ taskId: hub.start(pushTask(docker, reference)) }),
    'images.cancelTask': async ({ taskId }) => ({ cancelled: hub.cancel(taskId) }),
    'images.tag': (input) => tagImage(docker, input),
    'images.history': ({ id }) => imageHistory(docker, id),
    'registries.tags': ({ repository }) => registryTags(repository),
    'registries.login': (input) => login(docker, input),
    'registries.logout': ({ server }) => logout(server),
    'registries.list': () => logins(),
  };
}

export function registryStreamHandlers({ registryTasks: hub }: HandlerContext): RegistryStreams {
  return {
    // The whole list each frame: a subscriber that fell behind only needs the newest one.
    'images.tasks': (_input, sink) => hub.watch(sendLatestOnly(sink)),
  };
}
