import { useCallback, useEffect, useRef, useState } from 'react';
import type { DiskUsage } from '../../../shared/types/system';
import { useClient } from '../../api/ClientContext';

export interface DiskUsageState {
  usage: DiskUsage | undefined;
  /** True while a reading is on its way (the last one stays shown). */
  reading: boolean;
  error: Error | undefined;
  refresh(): void;
}

/** `system.df` when the engine is reachable, and again on refresh; only the newest answer counts. */
export function useDiskUsage(connected: boolean): DiskUsageState {
  const client = useClient();
  const [usage, setUsage] = useState<DiskUsage>();
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<Error>();
  const asked = useRef(0);

  const refresh = useCallback(() => {
    const mine = ++asked.current;
    setReading(true);
    client.invoke('system.df', {}).then(
      (answer) => {
        if (mine !== asked.current) return;
        setUsage(answer);
        setError(undefined);
        setReading(false);
      },
      (err: Error) => {
        if (mine !== asked.current) return;
        setError(err);
        setReading(false);
      },
    );
  }, [client]);

  useEffect(() => {
    if (connected) refresh();
  }, [connected, refresh]);

  // An answer that arrives after the view closed is dropped.
  useEffect(() => {
    const counter = asked;
    return () => {
      counter.current++;
    };
  }, []);

  return { usage, reading, error, refresh };
}
