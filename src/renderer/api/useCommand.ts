import { useCallback, useEffect, useState } from 'react';
import type { Channel, InputOf, ResultOf } from '../../shared/contract';
import { useClient } from './ClientContext';

export interface CommandState<C extends Channel> {
  /** The latest answer; kept while a newer request is on its way. */
  data: ResultOf<C> | undefined;
  /** The latest failure; cleared by the next answer. */
  error: Error | undefined;
  /** Asks again with the same input. */
  reload(): void;
}

/**
 * A view's read of one command: invoked on mount, whenever the input (by value) or `revision`
 * changes (the container's state moved on, say), and on `reload()`. An answer that arrives after
 * a newer request or after the view has gone is dropped.
 */
export function useCommand<C extends Channel>(channel: C, input: InputOf<C>, revision?: string): CommandState<C> {
  const client = useClient();
  const [data, setData] = useState<ResultOf<C>>();
  const [error, setError] = useState<Error>();
  const [nonce, setNonce] = useState(0);
  // The input as a value: a new object with the same fields is the same request.
  const inputKey = JSON.stringify(input);

  useEffect(() => {
    let live = true;
    client.invoke(channel, JSON.parse(inputKey) as InputOf<C>).then(
      (result) => {
        if (!live) return;
        setData(result);
        setError(undefined);
      },
      (err: unknown) => live && setError(err instanceof Error ? err : new Error(String(err))),
    );
    return () => {
      live = false;
    };
  }, [client, channel, inputKey, revision, nonce]);

  return { data, error, reload: useCallback(() => setNonce((n) => n + 1), []) };
}
