import type { VolumeSummary } from '../../../shared/types/volumes';
import type { BerthClient } from '../../api/client';
import { useEngineListing, type ListingCache } from '../engine';

// Volume events, and container ones: who uses a volume changes with them.
const VOLUME_EVENTS = {
  filter: { types: ['volume' as const, 'container' as const], actions: ['create', 'destroy', 'prune', 'rename'] },
  debounceMs: 200,
};

const lastListings: ListingCache<VolumeSummary[]> = new WeakMap();

export interface VolumesState {
  volumes: VolumeSummary[] | undefined;
  listedAt: number | undefined;
  error: Error | undefined;
  refresh(): void;
}

/** First the list alone (fast), keeping the sizes already known; then again with the sizes, which the engine computes by walking every volume. */
async function loadVolumes(client: BerthClient, deliver: (volumes: VolumeSummary[]) => void): Promise<void> {
  const quick = await client.invoke('volumes.list', {});
  const known = new Map((lastListings.get(client)?.items ?? []).map((volume) => [volume.name, volume.sizeBytes]));
  deliver(quick.map((volume) => ({ ...volume, ...(known.get(volume.name) !== undefined ? { sizeBytes: known.get(volume.name) } : {}) })));
  deliver(await client.invoke('volumes.list', { size: true }));
}

/** The engine's volumes, re-listed on volume and container events (not polled). */
export function useVolumes(connected: boolean): VolumesState {
  const { items, ...rest } = useEngineListing(connected, lastListings, loadVolumes, VOLUME_EVENTS);
  return { volumes: items, ...rest };
}
