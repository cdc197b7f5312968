import { useCallback, useEffect, useRef, useState } from 'react';
import type { VolumeSummary } from '../../../shared/types/volumes';
import type { BerthClient } from '../../api/client';
import { useClient } from '../../api/ClientContext';
import { useRefreshOnEvents } from '../engine';

// Volume events, and container ones: who uses a volume changes with them.
const VOLUME_EVENTS = {
  types: ['volume' as const, 'container' as const],
  actions: ['create', 'destroy', 'prune', 'rename'],
};

interface Listing {
  volumes: VolumeSummary[];
  listedAt: number;
}

/** The last list per client: the view opened while the engine is away shows it as last known. */
const lastListings = new WeakMap<BerthClient, Listing>();

export interface VolumesState {
  volumes: VolumeSummary[] | undefined;
  listedAt: number | undefined;
  error: Error | undefined;
  refresh(): void;
}

/**
 * The engine's volumes, re-listed on volume and container events (not polled): first the list
 * alone (fast), then again with the sizes, which the engine computes by walking every volume.
 */
export function useVolumes(connected: boolean): VolumesState {
  const client = useClient();
  const [listing, setListing] = useState(() => lastListings.get(client));
  const [error, setError] = useState<Error>();
  const generation = useRef(0);

  const refresh = useCallback(() => {
    const mine = ++generation.current;
    const take = (volumes: VolumeSummary[]): void => {
      if (mine !== generation.current) return;
      const next = { volumes, listedAt: Date.now() };
      lastListings.set(client, next);
      setListing(next);
      setError(undefined);
    };
    const fail = (err: Error): void => {
      if (mine === generation.current) setError(err);
    };
    client.invoke('volumes.list', {}).then((quick) => {
      // Keep the sizes already known until the new ones arrive.
      const known = new Map((lastListings.get(client)?.volumes ?? []).map((volume) => [volume.name, volume.sizeBytes]));
      take(quick.map((volume) => ({ ...volume, ...(known.get(volume.name) !== undefined ? { sizeBytes: known.get(volume.name) } : {}) })));
      client.invoke('volumes.list', { size: true }).then(take, fail);
    }, fail);
  }, [client]);

  useEffect(() => {
    if (connected) refresh();
  }, [connected, refresh]);

  useRefreshOnEvents(connected, refresh, { filter: VOLUME_EVENTS, debounceMs: 200, onError: setError });

  return { volumes: listing?.volumes, listedAt: listing?.listedAt, error, refresh };
}
