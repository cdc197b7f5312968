import { useEffect, useState } from 'react';
import type { BerthError } from '../../../shared/errors';
import type { FileEntry } from '../../../shared/types/files';
import { useClient } from '../../api/ClientContext';

export interface Listing {
  /** The path asked for (what `error` and `entries` belong to). */
  requested: string;
  /** The folder shown (a symlinked folder: its target). */
  path: string;
  entries: FileEntry[];
  scannedBytes: number;
  /** The whole archive was read: every child is there. */
  done: boolean;
  /** Reading was stopped by the user before the end. */
  stopped: boolean;
  error: BerthError | undefined;
}

/**
 * A folder's children, shown as the engine streams its archive. Changing `path` or `version`
 * (a refresh) starts over; `stop()` or unmounting closes the stream, and with it the engine request.
 */
export function useListing(containerId: string, path: string, version: number): Listing & { stop(): void } {
  const client = useClient();
  const [listing, setListing] = useState<Listing>(() => empty(path));
  const [stopper, setStopper] = useState<() => void>(() => () => undefined);

  useEffect(() => {
    setListing(empty(path));
    let open = true;
    const unsubscribe = client.subscribe(
      'files.listing',
      { id: containerId, path },
      {
        onMessage: (message) => {
          if (message.kind === 'entries') {
            setListing((current) => ({ ...current, path: message.path, entries: [...current.entries, ...message.entries], scannedBytes: message.scannedBytes }));
          } else {
            setListing((current) => ({ ...current, path: message.path, scannedBytes: message.scannedBytes, done: true }));
          }
        },
        onError: (error) => setListing((current) => ({ ...current, error })),
        onEnd: () => {
          open = false;
        },
      },
    );
    const stop = (): void => {
      if (!open) return;
      open = false;
      unsubscribe();
      setListing((current) => (current.done ? current : { ...current, stopped: true }));
    };
    setStopper(() => stop);
    return () => {
      open = false;
      unsubscribe();
    };
  }, [client, containerId, path, version]);

  return { ...listing, stop: stopper };
}

function empty(path: string): Listing {
  return { requested: path, path, entries: [], scannedBytes: 0, done: false, stopped: false, error: undefined };
}
