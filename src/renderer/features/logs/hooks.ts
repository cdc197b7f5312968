import { useEffect, useState, type RefObject } from 'react';
import type { LogLineStore } from './lineStore';
import { RedrawThrottle } from './redraw-throttle';

/**
 * Under a flood of lines the view is redrawn at most this often. Each redraw re-renders the
 * visible rows and forces a layout (the scroll height); at one per frame, loading a million
 * lines spent most of the renderer's time redrawing rows that were gone a frame later.
 */
const MIN_REDRAW_INTERVAL_MS = 100;

/**
 * The store's change count: the first change after a quiet spell at the next frame (a new line
 * while following shows at once), then at most every MIN_REDRAW_INTERVAL_MS; not while hidden.
 */
export function useStoreVersion(store: LogLineStore, active: boolean): number {
  const [version, setVersion] = useState(store.changeCount);
  useEffect(() => {
    if (!active) return;
    const throttle = new RedrawThrottle(() => setVersion(store.changeCount), MIN_REDRAW_INTERVAL_MS);
    const unsubscribe = store.subscribe(() => throttle.changed());
    throttle.flush();
    return () => {
      unsubscribe();
      throttle.dispose();
    };
  }, [store, active]);
  return version;
}

/** Ctrl/Cmd+F focuses the log search while this view is the one shown (instead of the browser's find). */
export function useFindShortcut(input: RefObject<HTMLInputElement | null>, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
        const field = input.current;
        if (!field || field.offsetParent === null) return;
        event.preventDefault();
        field.focus();
        field.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [input, active]);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** An engine timestamp (RFC 3339, nanoseconds, UTC) in local time to the millisecond. */
export function formatLogTime(timestamp: string): string {
  const date = new Date(timestamp.replace(/(\.\d{3})\d+/, '$1'));
  if (Number.isNaN(date.getTime())) return timestamp;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}
