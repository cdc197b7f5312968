import { useCallback, useEffect, useRef, useState } from 'react';
import type { BerthClient } from '../../api/client';
import { useEngineSelection } from './EngineSelection';

/** One engine's part of a list made across engines. */
export interface EnginePart<T> {
  engine: string;
  items: T | undefined;
  error: Error | undefined;
  /** A request is on its way (the first one, or a refresh). */
  loading: boolean;
}

/** How often each engine's part is read again. */
const RELIST_MS = 5000;

/**
 * A list read from every engine at once: each engine on its own request, its answer shown when it
 * comes, its failure kept to its own part; a slow or unreachable engine never holds up the others
 * (nor is asked again while its last request is still out).
 */
export function useEachEngine<T>(load: (client: BerthClient) => Promise<T>): { parts: readonly EnginePart<T>[]; refresh(engine?: string): void } {
  const { engines, clientFor } = useEngineSelection();
  const [parts, setParts] = useState<ReadonlyMap<string, EnginePart<T>>>(() => new Map());
  const inFlight = useRef(new Set<string>());
  const live = useRef(true);
  const loadRef = useRef(load);
  loadRef.current = load;
  const ids = (engines ?? []).map((engine) => engine.id).join('\u0000');

  const update = useCallback(
    (engine: string, change: Partial<EnginePart<T>>): void =>
      setParts((current) => {
        const before = current.get(engine) ?? { engine, items: undefined, error: undefined, loading: false };
        return new Map(current).set(engine, { ...before, ...change });
      }),
    [],
  );

  const refreshOne = useCallback(
    (engine: string) => {
      if (inFlight.current.has(engine)) return;
      inFlight.current.add(engine);
      update(engine, { loading: true });
      loadRef
        .current(clientFor(engine))
        .then(
          (items) => live.current && update(engine, { items, error: undefined, loading: false }),
          (err: unknown) => live.current && update(engine, { error: err instanceof Error ? err : new Error(String(err)), loading: false }),
        )
        .finally(() => inFlight.current.delete(engine));
    },
    [clientFor, update],
  );

  const refresh = useCallback(
    (engine?: string) => {
      for (const id of engine ? [engine] : ids ? ids.split('\u0000') : []) refreshOne(id);
    },
    [ids, refreshOne],
  );

  useEffect(() => {
    live.current = true;
    refresh();
    const timer = window.setInterval(() => refresh(), RELIST_MS);
    return () => {
      live.current = false;
      window.clearInterval(timer);
    };
  }, [refresh]);

  const order = ids ? ids.split('\u0000') : [];
  return { parts: order.map((engine) => parts.get(engine) ?? { engine, items: undefined, error: undefined, loading: true }), refresh };
}
