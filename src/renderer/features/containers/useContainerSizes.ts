import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContainerSizes } from '../../../shared/types/containers';
import type { EngineEvent } from '../../../shared/types/events';
import { useClient } from '../../api/ClientContext';
import { useRefreshOnEvents } from '../engine';

const CONTAINER_EVENTS = { types: ['container' as const] };
/** Events after which a container's sizes may differ: it ran (and wrote), was made, or went. */
const CHANGES_SIZES = /^(create|destroy|die|stop|commit|extract-to-dir|rename)$/;
const changesSizes = (event: EngineEvent): boolean => CHANGES_SIZES.test(event.action.split(':')[0] ?? '');
/** The engine walks every layer for `ps --size`: a burst of events makes one query, at most this often. */
const SPACING_MS = 5_000;

export interface SizesState {
  /** By container id; undefined until the first answer. */
  sizes: ReadonlyMap<string, ContainerSizes> | undefined;
  computing: boolean;
  error: Error | undefined;
}

/**
 * `docker ps --all --size`, only while the size column is shown: once when it appears, then after
 * container events that change sizes, never more than one query at a time nor more often than
 * SPACING_MS. The fast list (`useContainers`) never waits for it.
 */
export function useContainerSizes(shown: boolean, connected: boolean): SizesState {
  const client = useClient();
  const [sizes, setSizes] = useState<ReadonlyMap<string, ContainerSizes>>();
  const [computing, setComputing] = useState(false);
  const [error, setError] = useState<Error>();
  const inFlight = useRef(false);
  const again = useRef(false);
  const lastAsked = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  const live = useRef(false);

  const compute = useCallback(() => {
    if (!live.current) return;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    const wait = lastAsked.current + SPACING_MS - Date.now();
    if (wait > 0) {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(compute, wait);
      return;
    }
    inFlight.current = true;
    lastAsked.current = Date.now();
    setComputing(true);
    client
      .invoke('containers.list', { all: true, size: true })
      .then(
        (list) => {
          if (!live.current) return;
          setSizes(new Map(list.flatMap((c) => (c.sizes ? [[c.id, c.sizes] as const] : []))));
          setError(undefined);
        },
        (err: Error) => live.current && setError(err),
      )
      .finally(() => {
        inFlight.current = false;
        if (!live.current) return;
        setComputing(false);
        if (again.current) {
          again.current = false;
          compute();
        }
      });
  }, [client]);

  const active = shown && connected;
  useEffect(() => {
    live.current = active;
    if (!active) return;
    lastAsked.current = 0;
    compute();
    return () => {
      live.current = false;
      inFlight.current = false;
      again.current = false;
      window.clearTimeout(timer.current);
      setComputing(false);
    };
  }, [active, compute]);

  useRefreshOnEvents(active, compute, { filter: CONTAINER_EVENTS, accept: changesSizes });

  return { sizes: shown ? sizes : undefined, computing: active && computing, error: shown ? error : undefined };
}
