import type { CommandHandlers, HandlerContext } from '../handler-types';
import { connectNetwork, disconnectNetwork } from '../engine/networks/connect';
import { createNetwork, inspectNetwork, listNetworks, removeNetwork } from '../engine/networks/networks';
import { previewNetworkPrune, pruneNetworks, resolveNetworkPruneFilters } from '../engine/networks/prune';

type NetworkCommands = Pick<
  CommandHandlers,
  | 'networks.list'
  | 'networks.create'
  | 'networks.remove'
  | 'networks.prunePreview'
  | 'networks.prune'
  | 'networks.inspect'
  | 'networks.connect'
  | 'networks.disconnect'
>;

/** `docker network …`: channel -> engine function. */
export function networkCommandHandlers({ engine: { docker } }: HandlerContext): NetworkCommands {
  return {
    'networks.list': () => listNetworks(docker),
    'networks.create': (spec) => createNetwork(docker, spec),
    'networks.remove': ({ name }) => removeNetwork(docker, name),
    'networks.prunePreview': ({ filters }) => previewNetworkPrune(docker, resolveNetworkPruneFilters(filters)),
    'networks.prune': ({ filters }) => pruneNetworks(docker, resolveNetworkPruneFilters(filters)),
    'networks.inspect': ({ name }) => inspectNetwork(docker, name),
    'networks.connect': (spec) => connectNetwork(docker, spec),
    'networks.disconnect': (spec) => disconnectNetwork(docker, spec),
  };
}
