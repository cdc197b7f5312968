import type { EngineState } from '../../../shared/types/engine';
import type { EngineEntry } from '../../../shared/types/engines';

export type EngineShownState = { kind: 'connected' } | { kind: 'connecting' } | { kind: 'unreachable'; reason: string | undefined };

/**
 * What the switcher says of an engine: the live state for the selected one (engine.watch knows
 * first), else what the last engines.list found; nothing yet is "connecting".
 */
export function shownState(entry: EngineEntry | undefined, live: EngineState | undefined): EngineShownState {
  if (live) {
    if (live.status === 'connected') return { kind: 'connected' };
    if (live.status === 'connecting') return { kind: 'connecting' };
    return { kind: 'unreachable', reason: entry?.reason ?? live.error };
  }
  if (!entry) return { kind: 'connecting' };
  return entry.state === 'connected' ? { kind: 'connected' } : { kind: 'unreachable', reason: entry.reason };
}
