import type { EngineEvent } from '../../../shared/types/events';

export interface EventViewFilter {
  /** '' for every type. */
  type: string;
  /** '' for every action; otherwise the action or its prefix (`exec_start` matches `exec_start: sh`). */
  action: string;
  /** '' for every container; otherwise a container name or id (prefix). */
  container: string;
}

export const NO_FILTER: EventViewFilter = { type: '', action: '', container: '' };

/** The container an event is about: the actor of a container event, else the `container` attribute (network connects). */
function containerRefs(event: EngineEvent): string[] {
  const refs: string[] = [];
  if (event.type === 'container') refs.push(event.actorId, event.actorName ?? '');
  if (event.attributes.container) refs.push(event.attributes.container);
  return refs.filter(Boolean);
}

export function matchesFilter(event: EngineEvent, filter: EventViewFilter): boolean {
  if (filter.type && event.type !== filter.type) return false;
  const action = filter.action.trim().toLowerCase();
  if (action && !event.action.toLowerCase().startsWith(action)) return false;
  const container = filter.container.trim().replace(/^\//, '');
  if (container) {
    const refs = containerRefs(event);
    const lower = container.toLowerCase();
    if (!refs.some((ref) => ref.toLowerCase() === lower || (/^[0-9a-f]+$/i.test(lower) && ref.toLowerCase().startsWith(lower)))) return false;
  }
  return true;
}

/** Attributes worth a column: everything but the name (shown as the actor) and the image labels' noise. */
export function attributeText(event: EngineEvent): string {
  return Object.entries(event.attributes)
    .filter(([key]) => key !== 'name')
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
}
