import { useCallback, useEffect, useState } from 'react';
import type { ChangeKind, ContainerChange } from '../../../shared/types/files';
import { useClient } from '../../api/ClientContext';

/** `docker diff` of the container as path -> kind, for the A/C/D marks; `reload` after a copy. A volume (no container) has none. */
export function useChangeMarks(containerId: string | undefined): { marks: ReadonlyMap<string, ChangeKind>; changes: ContainerChange[]; reload(): void } {
  const client = useClient();
  const [changes, setChanges] = useState<ContainerChange[]>([]);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (containerId === undefined) return;
    let live = true;
    client.invoke('containers.diff', { id: containerId }).then(
      (result) => {
        if (live) setChanges(result);
      },
      // Marks are a hint: without them the listing is still right.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, containerId, version]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  const marks = new Map(changes.map((change) => [change.path, change.kind] as const));
  return { marks, changes, reload };
}
