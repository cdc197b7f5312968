import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerState, ContainerSummary } from '../../../shared/types/containers';
import { useAnnounce } from '../../components/Announcer';

/** `gone`: missing from a list of running containers only, so stopped or removed. */
export type StateChange = { name: string; state: ContainerState | 'removed' | 'gone' };

/**
 * How the watched containers (the selected ones, or the one open) changed between two lists:
 * a new state, or no longer listed. `complete` says the list holds stopped containers too.
 */
export function stateChanges(
  before: readonly ContainerSummary[],
  after: readonly ContainerSummary[],
  watched: ReadonlySet<string>,
  complete: boolean,
): StateChange[] {
  const now = new Map(after.map((container) => [container.id, container]));
  const changes: StateChange[] = [];
  for (const old of before) {
    if (!watched.has(old.id)) continue;
    const current = now.get(old.id);
    if (!current) changes.push({ name: old.name, state: complete ? 'removed' : 'gone' });
    else if (current.state !== old.state) changes.push({ name: current.name, state: current.state });
  }
  return changes;
}

/** Says in the live region when a selected (or the open) container changes state: "web stopped". */
export function useStateAnnouncements(containers: readonly ContainerSummary[] | undefined, watched: ReadonlySet<string>, complete: boolean): void {
  const { t } = useTranslation('containers');
  const announce = useAnnounce();
  // The watched set as it was with the previous list: a container removed is unselected right after.
  const previous = useRef<{ list: readonly ContainerSummary[]; watched: ReadonlySet<string> }>(undefined);
  useEffect(() => {
    if (!containers) return;
    const before = previous.current;
    const sameList = before?.list === containers;
    // Until the list changes, every container watched meanwhile counts (a removed one is unselected first).
    previous.current = { list: containers, watched: sameList && before ? new Set([...before.watched, ...watched]) : watched };
    if (!before || sameList) return;
    const changes = stateChanges(before.list, containers, new Set([...before.watched, ...watched]), complete);
    if (changes.length > 0) announce(changes.map((change) => t(`announce.${change.state}`, { name: change.name })).join(' '));
  }, [containers, watched, complete, announce, t]);
}
