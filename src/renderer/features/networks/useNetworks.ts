import type { NetworkSummary } from '../../../shared/types/networks';
import type { BerthClient } from '../../api/client';
import { useEngineListing, type ListingCache } from '../engine';

// Network events, and the container ones that change who is on a network and at which address.
const NETWORK_EVENTS = {
  filter: {
    types: ['network' as const, 'container' as const],
    actions: ['create', 'destroy', 'connect', 'disconnect', 'prune', 'remove', 'start', 'die', 'rename'],
  },
  debounceMs: 200,
};

const lastListings: ListingCache<NetworkSummary[]> = new WeakMap();

async function loadNetworks(client: BerthClient, deliver: (networks: NetworkSummary[]) => void): Promise<void> {
  deliver(await client.invoke('networks.list', {}));
}

/** The engine's networks, re-listed on network and container events (not polled). */
export function useNetworks(connected: boolean) {
  const { items, ...rest } = useEngineListing(connected, lastListings, loadNetworks, NETWORK_EVENTS);
  return { networks: items, ...rest };
}
