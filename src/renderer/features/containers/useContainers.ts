import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContainerSummary } from '../../../shared/types/containers';
import type { EngineEvent } from '../../../shared/types/events';
import type { BerthClient } from '../../api/client';
import { useClient } from '../../api/ClientContext';
import { useRefreshOnEvents } from '../engine';

const CONTAINER_EVENTS = { types: ['container' as const] };

/** Events that do not change what the list shows (a Processes tab alone makes a `top` every 2 s). */
const IRRELEVANT_ACTION = /^(top|attach|detach|resize|archive-path|extract-to-dir|export|commit|copy|exec_.*)$/;
const changesTheList = (event: EngineEvent): boolean => !IRRELEVANT_ACTION.test(event.action.split(':')[0] ?? '');

export interface ContainersState {
  containers: ContainerSummary[] | undefined;
  /** When the engine last gave this list (epoch ms): while it is away the list is only "last known". */
  listedAt: number | undefined;
  /** performance.now() when the request that brought `containers` was sent (ends "Stopping…" once answered). */
  requestSentAt: number | undefined;
  error: Error | undefined;
  refresh(): void;
}

interface Listing {
  containers: ContainerSummary[];
  listedAt: number;
  requestSentAt: number;
}

/**
 * The last list per client and `all`, so a view opened while the engine is away (or opened again)
 * shows what was last known instead of nothing.
 */
const lastListings = new WeakMap<BerthClient, Map<boolean, Listing>>();

function listingsOf(client: BerthClient): Map<boolean, Listing> {
  let listings = lastListings.get(client);
  if (!listings) lastListings.set(client, (listings = new Map()));
  return listings;
}

/**
 * The container list, kept current by the engine's event stream (not by polling): any
 * container event schedules one re-list; bursts of events coalesce into one request.
 */
export function useContainers(all: boolean, connected: boolean): ContainersState {
  const client = useClient();
  const [listing, setListing] = useState<Listing | undefined>(() => listingsOf(client).get(all));
  const [error, setError] = useState<Error>();
  const inFlight = useRef(false);
  const again = useRef(false);
  const generation = useRef(0);

  const refresh = useCallback(() => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    const mine = generation.current;
    const requestedAt = performance.now();
    client
      .invoke('containers.list', { all })
      .then(
        (list) => {
          if (mine !== generation.current) return;
          const next = { containers: list, listedAt: Date.now(), requestSentAt: requestedAt };
          listingsOf(client).set(all, next);
          setListing(next);
          setError(undefined);
        },
        (err: Error) => mine === generation.current && setError(err),
      )
      .finally(() => {
        inFlight.current = false;
        if (again.current) {
          again.current = false;
          refresh();
        }
      });
  }, [client, all]);

  useEffect(() => {
    generation.current += 1;
    inFlight.current = false;
    if (connected) refresh();
    else setListing(listingsOf(client).get(all));
  }, [refresh, connected, client, all]);

  useRefreshOnEvents(connected, refresh, { filter: CONTAINER_EVENTS, accept: changesTheList, onError: setError });

  return { containers: listing?.containers, listedAt: listing?.listedAt, requestSentAt: listing?.requestSentAt, error, refresh };
}
