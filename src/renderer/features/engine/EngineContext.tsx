import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineState } from '../../../shared/types/engine';
import { useEngineState } from './useEngineState';

/** The id of the hidden text every control disabled by an outage points at (aria-describedby). */
export const OFFLINE_REASON_ID = 'engine-offline-reason';

export interface EngineReach {
  state: EngineState | undefined;
  /** True only while the engine answers: actions and live figures need it. */
  reachable: boolean;
  /** Counts the times the engine came (back) to connected: a key to re-read what an outage broke. */
  epoch: number;
}

const EngineReachContext = createContext<EngineReach>({ state: undefined, reachable: false, epoch: 0 });

/** The engine's state for the whole app, live from `engine.watch` (one subscription). */
export function EngineReachProvider({ children }: { children: ReactNode }) {
  const state = useEngineState();
  const reachable = state?.status === 'connected';
  const [epoch, setEpoch] = useState(0);
  const wasReachable = useRef(false);
  useEffect(() => {
    if (reachable && !wasReachable.current) setEpoch((n) => n + 1);
    wasReachable.current = reachable;
  }, [reachable]);
  return <EngineReachContext.Provider value={{ state, reachable, epoch }}>{children}</EngineReachContext.Provider>;
}

export function useEngineReach(): EngineReach {
  return useContext(EngineReachContext);
}

/** Props for a control that needs the engine: disabled with the reason while it is away. */
export function needsEngine(reachable: boolean, reason: string): { disabled?: true; title?: string; 'aria-describedby'?: string } {
  return reachable ? {} : { disabled: true, title: reason, 'aria-describedby': OFFLINE_REASON_ID };
}

/** The engine gate for controls (see needsEngine), with the reason in the UI's language. */
export function useEngineGate(): { reachable: boolean; gate: ReturnType<typeof needsEngine> } {
  const { reachable } = useEngineReach();
  const { t } = useTranslation('engine');
  return { reachable, gate: needsEngine(reachable, t('offlineReason')) };
}
