import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResolvedPruneFilters } from '../../../../shared/contract/containers';
import type { ContainerPrunePreview } from '../../../../shared/types/containers';
import { useClient } from '../../../api/ClientContext';
import { useRefreshOnEvents } from '../../engine';
import type { PruneFilterInput } from './prune-form';

/** Typing settles for this long before a preview is asked for. */
const TYPING_DELAY_MS = 250;
const CONTAINER_EVENTS = { types: ['container' as const] };

export interface ShownPreview extends ContainerPrunePreview {
  /** The filters as sent, and as the engine resolved them (`until` as a time): the prune uses these. */
  key: string;
  filters: ResolvedPruneFilters;
}

export interface PrunePreviewState {
  preview: ShownPreview | undefined;
  /** True while the shown preview is not (yet) the one for the filters as they are now. */
  pending: boolean;
  error: Error | undefined;
  /** Asks again now. */
  refresh(): void;
}

/**
 * `containers.prunePreview` for the filters as typed, asked again on every container event while the
 * dialog is open (a container that stops, starts or goes is in or out of it at once).
 */
export function usePrunePreview(filters: PruneFilterInput | undefined, connected: boolean): PrunePreviewState {
  const client = useClient();
  const key = filters ? JSON.stringify(filters) : undefined;
  const [preview, setPreview] = useState<ShownPreview>();
  const [error, setError] = useState<Error>();
  const asked = useRef(0);

  const ask = useCallback(() => {
    if (key === undefined) return;
    const mine = ++asked.current;
    client.invoke('containers.prunePreview', { filters: JSON.parse(key) as PruneFilterInput }).then(
      (answer) => {
        if (mine !== asked.current) return;
        setPreview({ ...answer, key });
        setError(undefined);
      },
      (err: Error) => {
        if (mine !== asked.current) return;
        setError(err);
      },
    );
  }, [client, key]);

  useEffect(() => {
    if (!connected) return;
    const timer = window.setTimeout(ask, TYPING_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [ask, connected]);

  useRefreshOnEvents(connected, ask, { filter: CONTAINER_EVENTS });

  return { preview, pending: preview?.key !== key, error, refresh: ask };
}
