import type Docker from 'dockerode';
import { untilToEpochSeconds } from '../../../shared/containers/prune-until';
import type { NetworkPruneFilters, NetworkPrunePreview, NetworkPruneResult, PrunableNetwork } from '../../../shared/types/networks';
import { engineCall } from '../core/errors';
import { membersOf, networkMembers, PREDEFINED_NETWORKS } from './members';
import { createdSeconds, type EngineNetwork } from './networks';

/** `until` as an absolute Unix time, so the preview and the prune after it use one cut-off. */
export function resolveNetworkPruneFilters(filters: { label: string[]; until?: string | undefined }, nowSeconds = Date.now() / 1000): NetworkPruneFilters {
  const until = filters.until === undefined ? undefined : untilToEpochSeconds(filters.until, nowSeconds);
  return { label: filters.label, ...(until !== undefined ? { until: String(Math.floor(until)) } : {}) };
}

const engineFilters = (filters: NetworkPruneFilters): Record<string, string[]> => ({
  ...(filters.label.length ? { label: filters.label } : {}),
  ...(filters.until ? { until: [filters.until] } : {}),
});

/**
 * What `docker network prune` takes, as the engine decides it: networks other than bridge, host
 * and none, not config-only, with the labels, created before `until`, and with no endpoint (a
 * network only stopped containers name is taken: they will not start afterwards).
 */
export async function previewNetworkPrune(docker: Docker, filters: NetworkPruneFilters): Promise<NetworkPrunePreview> {
  const [listed, members] = await Promise.all([
    engineCall(async () => (await docker.listNetworks(filters.label.length ? { filters: { label: filters.label } } : {})) as unknown as EngineNetwork[], {
      action: 'list networks',
    }),
    networkMembers(docker),
  ]);
  const cutoff = filters.until === undefined ? undefined : Number(filters.until);
  const candidates = listed.filter(
    (network) =>
      !PREDEFINED_NETWORKS.has(network.Name) &&
      network.ConfigOnly !== true &&
      network.Scope === 'local' &&
      (cutoff === undefined || createdSeconds(network.Created) < cutoff),
  );
  const networks: PrunableNetwork[] = [];
  for (const network of candidates) {
    // The list does not carry endpoints; inspect does (one that vanished meanwhile is not prunable).
    const inspected = (await docker
      .getNetwork(network.Id)
      .inspect()
      .catch(() => undefined)) as EngineNetwork | undefined;
    if (!inspected || Object.keys(inspected.Containers ?? {}).length > 0) continue;
    networks.push({
      id: network.Id,
      name: network.Name,
      driver: network.Driver,
      created: createdSeconds(network.Created),
      labels: network.Labels ?? {},
      stoppedMembers: membersOf(members, network).map((member) => member.name),
    });
  }
  networks.sort((a, b) => a.created - b.created || a.name.localeCompare(b.name));
  return { networks, filters };
}

/** `docker network prune --force --filter …`. */
export async function pruneNetworks(docker: Docker, filters: NetworkPruneFilters): Promise<NetworkPruneResult> {
  const answer = await engineCall(() => docker.pruneNetworks({ filters: engineFilters(filters) }), { action: 'prune networks' });
  return { removed: answer.NetworksDeleted ?? [] };
}
