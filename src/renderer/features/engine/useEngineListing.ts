import { useCallback, useEffect, useRef, useState } from 'react';
import type { BerthClient } from '../../api/client';
import { useClient } from '../../api/ClientContext';
import { useRefreshOnEvents, type RefreshOnEventsOptions } from './useRefreshOnEvents';

/** A list as the engine last gave it, and when (epoch ms). */
interface Listing<T> {
  items: T;
  listedAt: number;
}

/** The last list per client, kept by the feature: a view opened while the engine is away shows it as last known. */
export type ListingCache<T> = WeakMap<BerthClient, Listing<T>>;

export interface ListingState<T> {
  items: T | undefined;
  listedAt: number | undefined;
  error: Error | undefined;
  refresh(): void;
}

/**
 * A list the engine gives (images, volumes, …): listed when the engine is connected and again on
 * the engine events that change it (not polled). `load` may deliver more than once (a quick list,
 * then a slower fuller one); only the newest refresh's deliveries and failure count.
 */
export function useEngineListing<T>(
  connected: boolean,
  cache: ListingCache<T>,
  load: (client: BerthClient, deliver: (items: T) => void) => Promise<void>,
  events: Pick<RefreshOnEventsOptions, 'filter' | 'debounceMs'>,
): ListingState<T> {
  const client = useClient();
  const [listing, setListing] = useState(() => cache.get(client));
  const [error, setError] = useState<Error>();
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const refresh = useCallback(() => {
    const mine = ++generation.current;
    const deliver = (items: T): void => {
      if (mine !== generation.current) return;
      const next = { items, listedAt: Date.now() };
      cache.set(client, next);
      setListing(next);
      setError(undefined);
    };
    loadRef.current(client, deliver).catch((err: Error) => {
      if (mine === generation.current) setError(err);
    });
  }, [client, cache]);

  useEffect(() => {
    if (connected) refresh();
  }, [connected, refresh]);

  useRefreshOnEvents(connected, refresh, { ...events, onError: setError });

  return { items: listing?.items, listedAt: listing?.listedAt, error, refresh };
}
