// The engine's filter semantics live in src/shared so the Events view filters exactly as main does.
export { eventMatches } from '../../../shared/events/event-filter';
