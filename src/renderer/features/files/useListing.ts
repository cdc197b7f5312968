import { useEffect, useRef, useState } from 'react';
import type { BerthError } from '../../../shared/errors';
import type { FileEntry, ListingMethod } from '../../../shared/types/files';
import { useClient } from '../../api/ClientContext';
import { inputOf, targetParts, type FileTarget } from './file-target';

export interface Listing {
  /** The path asked for (what `error` and `entries` belong to). */
  requested: string;
  /** The folder shown (a symlinked folder: its target). */
  path: string;
  entries: FileEntry[];
  scannedBytes: number;
  /** How the folder is read (known from the first message on). */
  method: ListingMethod | undefined;
  /** The whole archive was read: every child is there. */
  done: boolean;
  /** Reading again after a refresh: the entries shown are the previous reading's until it ends. */
  refreshing: boolean;
  /** Reading was stopped by the user before the end. */
  stopped: boolean;
  error: BerthError | undefined;
}

/**
 * A folder's children, shown as the engine streams its archive. A new `path` starts over; a new
 * `version` (a refresh) reads again but keeps showing the previous children until the new reading
 * is complete. `stop()` or unmounting closes the stream, and with it the engine request.
 */
export function useListing(target: FileTarget, path: string, version: number): Listing & { stop(): void } {
  const client = useClient();
  const { id, volume } = targetParts(target);
  const [listing, setListing] = useState<Listing>(() => empty(path));
  const stopRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    let incoming: FileEntry[] = [];
    setListing((current) =>
      current.requested === path && current.done && !current.error ? { ...current, done: false, refreshing: true, stopped: false } : empty(path),
    );
    let open = true;
    const unsubscribe = client.subscribe(
      'files.listing',
      { ...inputOf(id, volume), path },
      {
        onMessage: (message) => {
          if (message.kind === 'entries') {
            incoming = [...incoming, ...message.entries];
            const batch = incoming;
            setListing((current) =>
              current.refreshing
                ? { ...current, scannedBytes: message.scannedBytes, method: message.method }
                : { ...current, path: message.path, entries: batch, scannedBytes: message.scannedBytes, method: message.method },
            );
          } else {
            const all = incoming;
            setListing((current) => ({
              ...current,
              path: message.path,
              entries: all,
              scannedBytes: message.scannedBytes,
              method: message.method,
              done: true,
              refreshing: false,
            }));
          }
        },
        onError: (error) => setListing((current) => ({ ...current, error, refreshing: false })),
        onEnd: () => {
          open = false;
        },
      },
    );
    stopRef.current = () => {
      if (!open) return;
      open = false;
      unsubscribe();
      setListing((current) => (current.done ? current : { ...current, stopped: true, refreshing: false }));
    };
    return () => {
      open = false;
      unsubscribe();
    };
  }, [client, id, volume, path, version]);

  return { ...listing, stop: () => stopRef.current() };
}

function empty(path: string): Listing {
  return { requested: path, path, entries: [], scannedBytes: 0, method: undefined, done: false, refreshing: false, stopped: false, error: undefined };
}
