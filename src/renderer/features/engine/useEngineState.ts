import { useEffect, useState } from 'react';
import type { EngineState } from '../../../shared/types/engine';
import { useClient } from '../../api/ClientContext';

/** The engine's connection state, live from the `engine.watch` stream. */
export function useEngineState(): EngineState | undefined {
  const client = useClient();
  const [state, setState] = useState<EngineState>();
  useEffect(() => client.subscribe('engine.watch', {}, { onMessage: setState }), [client]);
  return state;
}
