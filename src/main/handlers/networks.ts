import type { CommandHandlers, HandlerContext } from '../handler-types';
import { listNetworks } from '../engine/networks/networks';

type NetworkCommands = Pick<CommandHandlers, 'networks.list'>;

/** `docker network …`: what the create form offers for `--network`. */
export function networkCommandHandlers({ engine: { docker } }: HandlerContext): NetworkCommands {
  return {
    'networks.list': () => listNetworks(docker),
  };
}
