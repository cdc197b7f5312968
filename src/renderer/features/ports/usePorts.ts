import { useCallback, useEffect, useState } from 'react';
import type { ContainerPorts } from '../../../shared/types/ports';
import { useClient } from '../../api/ClientContext';

/** `containers.ports` for one container, reloaded whenever `revision` changes (its state did). */
export function usePorts(id: string, revision: string): { ports: ContainerPorts | undefined; error: Error | undefined; reload(): void } {
  const client = useClient();
  const [ports, setPorts] = useState<ContainerPorts>();
  const [error, setError] = useState<Error>();
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    let live = true;
    client.invoke('containers.ports', { id }).then(
      (result) => {
        if (!live) return;
        setPorts(result);
        setError(undefined);
      },
      (err: Error) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [client, id, revision, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { ports, error, reload };
}
