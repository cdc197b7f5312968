import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImageSummary } from '../../../shared/types/images';
import { useClient } from '../../api/ClientContext';
import { useRefreshOnEvents } from '../engine/useRefreshOnEvents';

const IMAGE_EVENTS = {
  types: ['image' as const, 'container' as const],
  actions: ['import', 'commit', 'tag', 'untag', 'delete', 'create', 'destroy', 'pull', 'load'],
};

/** The local images, re-listed when the engine reports an image or container event (not polled). */
export function useImages(connected: boolean): { images: ImageSummary[] | undefined; error: Error | undefined; refresh(): void } {
  const client = useClient();
  const [images, setImages] = useState<ImageSummary[]>();
  const [error, setError] = useState<Error>();
  const generation = useRef(0);

  const refresh = useCallback(() => {
    const mine = ++generation.current;
    client.invoke('images.list', {}).then(
      (list) => {
        if (mine !== generation.current) return;
        setImages(list);
        setError(undefined);
      },
      (err: Error) => mine === generation.current && setError(err),
    );
  }, [client]);

  useEffect(() => {
    if (connected) refresh();
  }, [connected, refresh]);

  // Container events too: the "containers using it" count changes with them.
  useRefreshOnEvents(connected, refresh, { filter: IMAGE_EVENTS, debounceMs: 150, onError: setError });

  return { images, error, refresh };
}
