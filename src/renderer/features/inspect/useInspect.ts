import { useCallback, useEffect, useState } from 'react';
import type { InspectDocument } from '../../../shared/types/inspect';
import { useClient } from '../../api/ClientContext';

/** `docker inspect` of one container, fetched again whenever `revision` changes. */
export function useContainerInspect(id: string, revision: string): { document: InspectDocument | undefined; error: Error | undefined; reload(): void } {
  const client = useClient();
  const [document, setDocument] = useState<InspectDocument>();
  const [error, setError] = useState<Error>();
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    let live = true;
    client.invoke('containers.inspect', { id }).then(
      (result) => {
        if (!live) return;
        setDocument(result);
        setError(undefined);
      },
      (err: Error) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [client, id, revision, nonce]);

  return { document, error, reload: useCallback(() => setNonce((n) => n + 1), []) };
}
