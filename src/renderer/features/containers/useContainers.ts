import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContainerSummary } from '../../../shared/types/containers';
import type { EngineEvent } from '../../../shared/types/events';
import { useClient } from '../../api/ClientContext';
import { useRefreshOnEvents } from '../engine/useRefreshOnEvents';

const CONTAINER_EVENTS = { types: ['container' as const] };

/** Events that do not change what the list shows (a Processes tab alone makes a `top` every 2 s). */
const IRRELEVANT_ACTION = /^(top|attach|detach|resize|archive-path|extract-to-dir|export|commit|copy|exec_.*)$/;
const changesTheList = (event: EngineEvent): boolean => !IRRELEVANT_ACTION.test(event.action.split(':')[0] ?? '');

export interface ContainersState {
  containers: ContainerSummary[] | undefined;
  error: Error | undefined;
  /** performance.now() when the request that brought `containers` was sent. */
  listedAt: number | undefined;
  refresh(): void;
}

/**
 * The container list, kept current by the engine's event stream (not by polling): any
 * container event schedules one re-list; bursts of events coalesce into one request.
 */
export function useContainers(all: boolean, connected: boolean): ContainersState {
  const client = useClient();
  const [containers, setContainers] = useState<ContainerSummary[]>();
  const [error, setError] = useState<Error>();
  const [listedAt, setListedAt] = useState<number>();
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
          setContainers(list);
          setListedAt(requestedAt);
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
  }, [refresh, connected]);

  useRefreshOnEvents(connected, refresh, { filter: CONTAINER_EVENTS, accept: changesTheList, onError: setError });

  return { containers, error, listedAt, refresh };
}
