import { useEffect, useState } from 'react';
import { BerthError } from '../../../shared/errors';
import type { ContainerProcesses } from '../../../shared/types/top';
import { useClient } from '../../api/ClientContext';

const REFRESH_MS = 2_000;

export interface ProcessesState {
  data: ContainerProcesses | undefined;
  error: Error | undefined;
  /** Epoch ms of the last successful refresh. */
  updatedAt: number | undefined;
}

/**
 * `docker top`, refreshed every 2 s while `enabled`: one request at a time, the next one 2 s after
 * the last answer. Stops retrying on errors that another try cannot fix (bad ps options, gone).
 */
export function useProcesses(id: string, psArgs: string, enabled: boolean): ProcessesState {
  const client = useClient();
  const [state, setState] = useState<ProcessesState>({ data: undefined, error: undefined, updatedAt: undefined });

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    let timer: number | undefined;
    const load = async (): Promise<void> => {
      let retry = true;
      try {
        const data = await client.invoke('containers.top', { id, psArgs });
        if (live) setState({ data, error: undefined, updatedAt: Date.now() });
      } catch (err) {
        const error = err instanceof Error ? err : new Error(String(err));
        retry = !(error instanceof BerthError && (error.code === 'INVALID_INPUT' || error.code === 'NOT_FOUND'));
        if (live) setState((current) => ({ ...current, error }));
      }
      if (live && retry) timer = window.setTimeout(() => void load(), REFRESH_MS);
    };
    void load();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [client, id, psArgs, enabled]);

  return state;
}
