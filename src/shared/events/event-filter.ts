/**
 * `docker events --filter` exactly as the engine applies it (moby daemon/events/filter.go), for
 * the filters Berth offers. Main applies it to its one shared live stream; the Events view applies
 * it to what it shows, so the view shows what its `docker events` line prints.
 */
import type { EngineEvent } from '../types/events';

export interface EngineEventFilter {
  types?: readonly string[];
  containers?: readonly string[];
  actions?: readonly string[];
}

/** Actions the engine matches by prefix when asked for them ("health_status" takes "health_status: healthy"). */
const PREFIXED_ACTIONS = ['health_status', 'exec_create', 'exec_start'];

/** The engine's fuzzy match: a value equal to, or a prefix of, the source. */
const fuzzy = (values: readonly string[], source: string): boolean => values.some((value) => source.startsWith(value));

/**
 * Type and event match exactly and case-sensitively (event by prefix for all values once any is
 * one of PREFIXED_ACTIONS); container by prefix of the actor's id or of its name attribute,
 * whatever the event's type (so `web` also takes `web2` and `website`).
 */
export function eventMatches(filter: EngineEventFilter, event: EngineEvent): boolean {
  const { types, containers, actions } = filter;
  if (types?.length && !types.includes(event.type)) return false;
  if (actions?.length) {
    const prefixed = actions.some((action) => PREFIXED_ACTIONS.includes(action));
    if (!(prefixed ? fuzzy(actions, event.action) : actions.includes(event.action))) return false;
  }
  if (containers?.length && !fuzzy(containers, event.actorId) && !fuzzy(containers, event.attributes.name ?? '')) return false;
  return true;
}

/** The Events view's fields ('' for any) as the engine filter its line passes: trimmed, nothing else changed. */
export function engineFilterFromFields(fields: { type: string; action: string; container: string }): Required<EngineEventFilter> {
  const one = (value: string): string[] => (value.trim() ? [value.trim()] : []);
  return { types: one(fields.type), actions: one(fields.action), containers: one(fields.container) };
}
