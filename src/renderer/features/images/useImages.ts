import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImageSummary } from '../../../shared/types/images';
import type { BerthClient } from '../../api/client';
import { useClient } from '../../api/ClientContext';
import { useRefreshOnEvents } from '../engine';

const IMAGE_EVENTS = {
  types: ['image' as const, 'container' as const],
  actions: ['import', 'commit', 'tag', 'untag', 'delete', 'create', 'destroy', 'pull', 'load'],
};

interface Listing {
  images: ImageSummary[];
  listedAt: number;
}

/** The last list per client: the view opened while the engine is away shows it as last known. */
const lastListings = new WeakMap<BerthClient, Listing>();

export interface ImagesState {
  images: ImageSummary[] | undefined;
  /** When the engine last gave this list (epoch ms). */
  listedAt: number | undefined;
  error: Error | undefined;
  refresh(): void;
}

/** The local images, re-listed when the engine reports an image or container event (not polled). */
export function useImages(connected: boolean): ImagesState {
  const client = useClient();
  const [listing, setListing] = useState(() => lastListings.get(client));
  const [error, setError] = useState<Error>();
  const generation = useRef(0);

  const refresh = useCallback(() => {
    const mine = ++generation.current;
    client.invoke('images.list', {}).then(
      (list) => {
        if (mine !== generation.current) return;
        const next = { images: list, listedAt: Date.now() };
        lastListings.set(client, next);
        setListing(next);
        setError(undefined);
      },
      (err: Error) => mine === generation.current && setError(err),
    );
  }, [client]);

  useEffect(() => {
    if (connected) refresh();
  }, [connected, refresh]);

  // Container events too: the "containers using it" count changes with them.
  useRefreshOnEvents(connected, refresh, { filter: IMAGE_EVENTS, debounceMs: 150, onError: setError });

  return { images: listing?.images, listedAt: listing?.listedAt, error, refresh };
}
