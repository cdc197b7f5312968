import type Docker from 'dockerode';
import type { NetworkMember } from '../../../shared/types/networks';
import { engineCall } from '../core/errors';

/** The engine's names for the networks it makes itself; `docker network rm` refuses them. */
export const PREDEFINED_NETWORKS: ReadonlySet<string> = new Set(['bridge', 'host', 'none']);

const withPrefixLength = (address: string | undefined, prefix: number | undefined): string => (address ? `${address}/${prefix ?? 0}` : '');

/**
 * The containers (any state) that name each network, keyed by network id and by name: a running
 * container has an endpoint (its NetworkID set); a created one knows the network only by name.
 */
export async function networkMembers(docker: Docker): Promise<Map<string, NetworkMember[]>> {
  const containers = await engineCall(() => docker.listContainers({ all: true }), { action: 'list containers' });
  const members = new Map<string, NetworkMember[]>();
  const add = (key: string, member: NetworkMember): void => {
    members.set(key, [...(members.get(key) ?? []), member]);
  };
  for (const container of containers) {
    const name = (container.Names?.[0] ?? container.Id.slice(0, 12)).replace(/^\//, '');
    for (const [networkName, settings] of Object.entries(container.NetworkSettings?.Networks ?? {})) {
      const member: NetworkMember = {
        id: container.Id,
        name,
        state: container.State,
        ipv4Address: withPrefixLength(settings.IPAddress, settings.IPPrefixLen),
        ipv6Address: withPrefixLength(settings.GlobalIPv6Address, settings.GlobalIPv6PrefixLen),
      };
      // A container never started has no NetworkID: it will join whichever network has that name.
      add(settings.NetworkID ? `id:${settings.NetworkID}` : `name:${networkName}`, member);
    }
  }
  return members;
}

/** The members of one network, found by its id or, for containers never started, its name. */
export function membersOf(members: Map<string, NetworkMember[]>, network: { Id: string; Name: string }): NetworkMember[] {
  const byId = members.get(`id:${network.Id}`) ?? [];
  const byName = members.get(`name:${network.Name}`) ?? [];
  return [...byId, ...byName].sort((a, b) => a.name.localeCompare(b.name));
}
