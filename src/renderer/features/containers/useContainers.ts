import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContainerSummary } from '../../../shared/types/containers';
import { useClient } from '../../api/ClientContext';

const EVENT_DEBOUNCE_MS = 120;

/** Events that do not change what the list shows (a Processes tab alone makes a `top` every 2 s). */
const IRRELEVANT_ACTION = /^(top|attach|detach|resize|archive-path|extract-to-dir|export|commit|copy|exec_.*)$/;

export interface ContainersState {
  containers: ContainerSummary[] | undefined;
  error: Error | undefined;
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
    client
      .invoke('containers.list', { all })
      .then(
        (list) => {
          if (mine !== generation.current) return;
          setContainers(list);
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

  useEffect(() => {
    if (!connected) return;
    let timer: number | undefined;
    const unsubscribe = client.subscribe(
      'events.watch',
      { types: ['container'] },
      {
        onMessage: (event) => {
          if (IRRELEVANT_ACTION.test(event.action.split(':')[0] ?? '')) return;
          window.clearTimeout(timer);
          timer = window.setTimeout(refresh, EVENT_DEBOUNCE_MS);
        },
        onError: setError,
      },
    );
    return () => {
      window.clearTimeout(timer);
      unsubscribe();
    };
  }, [client, refresh, connected]);

  return { containers, error, refresh };
}
