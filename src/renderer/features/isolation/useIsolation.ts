import { useEffect, useState } from 'react';
import type { ContainerIsolation } from '../../../shared/types/isolation';
import { useClient } from '../../api/ClientContext';

/** `containers.isolation` for one container, fetched again whenever `revision` changes. */
export function useIsolation(id: string, revision: string): { model: ContainerIsolation | undefined; error: Error | undefined } {
  const client = useClient();
  const [model, setModel] = useState<ContainerIsolation>();
  const [error, setError] = useState<Error>();
  useEffect(() => {
    let live = true;
    client.invoke('containers.isolation', { id }).then(
      (result) => {
        if (!live) return;
        setModel(result);
        setError(undefined);
      },
      (err: Error) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [client, id, revision]);
  return { model, error };
}
