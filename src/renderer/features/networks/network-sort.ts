import type { NetworkSummary } from '../../../shared/types/networks';

export type NetworkSortKey = 'name' | 'driver' | 'subnet' | 'containers' | 'created';
export interface NetworkSort {
  key: NetworkSortKey;
  direction: 'asc' | 'desc';
}

const firstSubnet = (network: NetworkSummary): string => network.subnets[0]?.subnet ?? '';

const compareBy: Record<NetworkSortKey, (a: NetworkSummary, b: NetworkSummary) => number> = {
  name: (a, b) => a.name.localeCompare(b.name),
  driver: (a, b) => a.driver.localeCompare(b.driver),
  subnet: (a, b) => firstSubnet(a).localeCompare(firstSubnet(b), undefined, { numeric: true }),
  containers: (a, b) => a.containers.length - b.containers.length,
  created: (a, b) => a.created - b.created,
};

/** A sorted copy; ties fall back to the name so the order is stable between refreshes. */
export function sortNetworks(networks: readonly NetworkSummary[], sort: NetworkSort): NetworkSummary[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...networks].sort((a, b) => sign * compareBy[sort.key](a, b) || a.name.localeCompare(b.name));
}

/** The same column flips; another starts ascending (counts and dates: largest, newest first). */
export function nextSort(current: NetworkSort, key: NetworkSortKey): NetworkSort {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: key === 'containers' || key === 'created' ? 'desc' : 'asc' };
}

export function matchesNetwork(network: NetworkSummary, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return (
    network.name.toLowerCase().includes(needle) ||
    network.id.startsWith(needle) ||
    network.driver.toLowerCase().includes(needle) ||
    network.subnets.some((subnet) => subnet.subnet.includes(needle) || (subnet.gateway ?? '').includes(needle)) ||
    network.containers.some((member) => member.name.toLowerCase().includes(needle)) ||
    Object.entries(network.labels).some(([key, value]) => `${key}=${value}`.toLowerCase().includes(needle))
  );
}
