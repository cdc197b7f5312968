import { useCallback, useEffect, useReducer, useSyncExternalStore } from 'react';
import type { ContainerState, ContainerSummary } from '../../../shared/types/containers';
import { useClient } from '../../api/ClientContext';
import { useSettings } from '../../settings-state/SettingsProvider';
import { statsStoreFor, type ContainerStats, type StatsStore } from './stats-store';

type Watched = Pick<ContainerSummary, 'id' | 'state'>;

/** Paused containers still have a cgroup, and the engine still reports their memory. */
export function hasLiveStats(state: ContainerState): boolean {
  return state === 'running' || state === 'paused';
}

/** The app's stats store, keeping as much history as Settings ask for. */
function useStatsStore(): StatsStore {
  const store = statsStoreFor(useClient());
  const historySeconds = useSettings().settings.stats.historySeconds;
  useEffect(() => store.setHistorySeconds(historySeconds), [store, historySeconds]);
  return store;
}

/** Watches one container while mounted and re-renders on each of its readings. */
export function useContainerStats(container: Watched): ContainerStats {
  const store = useStatsStore();
  const { id } = container;
  const running = hasLiveStats(container.state);
  useEffect(() => store.retain(id), [store, id]);
  // `container` changes with every list refresh: a container that restarted is picked up again.
  useEffect(() => store.setRunning(id, running), [store, id, running, container]);
  const subscribe = useCallback((listener: () => void) => store.subscribe(id, listener), [store, id]);
  return useSyncExternalStore(subscribe, () => store.get(id));
}

/** Watches several containers while mounted (the compare chart); one re-render per reading of any of them. */
export function useManyContainerStats(containers: readonly Watched[]): ContainerStats[] {
  const store = useStatsStore();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const key = containers.map((c) => c.id).join(',');
  useEffect(() => {
    const ids = key ? key.split(',') : [];
    const releases = ids.map((id) => store.retain(id));
    const unsubscribes = ids.map((id) => store.subscribe(id, rerender));
    return () => {
      for (const stop of [...unsubscribes, ...releases]) stop();
    };
  }, [store, key]);
  useEffect(() => {
    for (const container of containers) store.setRunning(container.id, hasLiveStats(container.state));
  }, [store, containers]);
  return containers.map((container) => store.get(container.id));
}
