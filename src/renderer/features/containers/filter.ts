import type { ContainerState, ContainerSummary } from '../../../shared/types/containers';

const SORT_KEYS = ['name', 'image', 'state', 'created', 'size'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

/** The state filter groups the engine's states the way people think of them. */
export const STATE_FILTERS = ['running', 'paused', 'exited', 'created'] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

const FILTER_OF: Record<ContainerState, StateFilter | undefined> = {
  running: 'running',
  restarting: 'running',
  paused: 'paused',
  exited: 'exited',
  dead: 'exited',
  created: 'created',
  removing: undefined,
};

function matchesText(container: ContainerSummary, text: string): boolean {
  if (!text) return true;
  const needle = text.toLowerCase();
  return (
    container.name.toLowerCase().includes(needle) ||
    container.image.toLowerCase().includes(needle) ||
    container.id.startsWith(needle) ||
    container.status.toLowerCase().includes(needle)
  );
}

export function filterContainers(containers: readonly ContainerSummary[], text: string, states: ReadonlySet<StateFilter>): ContainerSummary[] {
  const trimmed = text.trim();
  return containers.filter((container) => {
    const group = FILTER_OF[container.state];
    if (states.size > 0 && (!group || !states.has(group))) return false;
    return matchesText(container, trimmed);
  });
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function sortContainers(containers: ContainerSummary[], key: SortKey, direction: SortDirection): ContainerSummary[] {
  const sign = direction === 'asc' ? 1 : -1;
  const compare = (a: ContainerSummary, b: ContainerSummary): number => {
    switch (key) {
      case 'created':
        return a.created - b.created;
      case 'state':
        return collator.compare(a.state, b.state) || collator.compare(a.name, b.name);
      case 'size':
        // By the writable layer, as `docker ps --size` leads with it; not yet computed sorts as smallest.
        return (a.sizes?.sizeRw ?? -1) - (b.sizes?.sizeRw ?? -1) || (a.sizes?.sizeRootFs ?? -1) - (b.sizes?.sizeRootFs ?? -1);
      default:
        return collator.compare(a[key], b[key]);
    }
  };
  return [...containers].sort((a, b) => sign * compare(a, b) || collator.compare(a.id, b.id));
}
