import type { EngineEvent } from '../../shared/types/events';
import type { EventFilter } from './events';

/** Actions the engine matches by prefix when asked for them ("health_status" takes "health_status: healthy"). */
const PREFIXED_ACTIONS = ['health_status', 'exec_create', 'exec_start'];

/** The engine's fuzzy match: no values matches all; else a value equal to, or a prefix of, the source. */
const fuzzy = (values: string[], source: string): boolean => values.some((value) => source.startsWith(value));

/**
 * The engine's own `docker events --filter` semantics (moby daemon/events/filter.go) for the
 * filters Berth passes, applied in main to one shared stream: type and event match exactly (event
 * by prefix for all values once any is one of PREFIXED_ACTIONS), container by prefix of the
 * actor's id or its name attribute, whatever the event's type.
 */
export function eventMatches(filter: EventFilter, event: EngineEvent): boolean {
  const { types, containers, actions } = filter;
  if (types?.length && !types.includes(event.type)) return false;
  if (actions?.length) {
    const prefixed = actions.some((action) => PREFIXED_ACTIONS.includes(action));
    if (!(prefixed ? fuzzy(actions, event.action) : actions.includes(event.action))) return false;
  }
  if (containers?.length && !fuzzy(containers, event.actorId) && !fuzzy(containers, event.attributes.name ?? '')) return false;
  return true;
}
