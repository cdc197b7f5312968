import { engineFilterFromFields, eventMatches } from '../../../shared/events/event-filter';
import type { EngineEvent } from '../../../shared/types/events';

export interface EventViewFilter {
  /** '' for every type. */
  type: string;
  /** '' for every action; otherwise the action, exactly (`--filter event=`). */
  action: string;
  /** '' for every container; otherwise the start of a container name or id (`--filter container=`). */
  container: string;
}

export const NO_FILTER: EventViewFilter = { type: '', action: '', container: '' };

/** What `docker events --filter …` with these fields prints: the engine's own matching. */
export function matchesFilter(event: EngineEvent, filter: EventViewFilter): boolean {
  return eventMatches(engineFilterFromFields(filter), event);
}

/** Attributes worth a column: everything but the name (shown as the actor) and the image labels' noise. */
export function attributeText(event: EngineEvent): string {
  return Object.entries(event.attributes)
    .filter(([key]) => key !== 'name')
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
}
