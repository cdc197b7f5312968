import { useEffect } from 'react';
import type { TopicInputOf } from '../../../shared/contract';
import type { EngineEvent } from '../../../shared/types/events';
import { useClient } from '../../api/ClientContext';

export interface RefreshOnEventsOptions {
  filter: TopicInputOf<'events.watch'>;
  /** Events that do not change what the view shows can be skipped. */
  accept?: (event: EngineEvent) => boolean;
  debounceMs?: number;
  onError?: (error: Error) => void;
}

/**
 * Keeps a view current from the engine's event stream instead of polling: each matching event
 * schedules one refresh, and a burst of events coalesces into one.
 */
export function useRefreshOnEvents(connected: boolean, refresh: () => void, options: RefreshOnEventsOptions): void {
  const client = useClient();
  const { filter, accept, debounceMs = 120, onError } = options;
  const filterKey = JSON.stringify(filter);
  useEffect(() => {
    if (!connected) return;
    let timer: number | undefined;
    const unsubscribe = client.subscribe('events.watch', JSON.parse(filterKey) as TopicInputOf<'events.watch'>, {
      onMessage: (event) => {
        if (accept && !accept(event)) return;
        window.clearTimeout(timer);
        timer = window.setTimeout(refresh, debounceMs);
      },
      ...(onError ? { onError } : {}),
    });
    return () => {
      window.clearTimeout(timer);
      unsubscribe();
    };
  }, [client, refresh, connected, filterKey, accept, debounceMs, onError]);
}
