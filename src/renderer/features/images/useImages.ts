import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImageSummary } from '../../../shared/types/images';
import { useClient } from '../../api/ClientContext';

const EVENT_DEBOUNCE_MS = 150;

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

  useEffect(() => {
    if (!connected) return;
    let timer: number | undefined;
    // Container events too: the "containers using it" count changes with them.
    const unsubscribe = client.subscribe(
      'events.watch',
      { types: ['image', 'container'], actions: ['import', 'commit', 'tag', 'untag', 'delete', 'create', 'destroy', 'pull', 'load'] },
      {
        onMessage: () => {
          window.clearTimeout(timer);
          timer = window.setTimeout(refresh, EVENT_DEBOUNCE_MS);
        },
        onError: setError,
      },
    );
    return () => {
      window.clearTimeout(timer);
      unsubscribe();
    };
  }, [client, refresh, connected]);

  return { images, error, refresh };
}
