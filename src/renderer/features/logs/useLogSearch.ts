import { useEffect, useMemo, useRef, useState } from 'react';
import type { LogLineStore } from './lineStore';
import { compileQuery, LogSearch, type SearchOptions } from './search';

/** Lines searched between checks of the clock. */
const SLICE_LINES = 20_000;
/** Time one task may search before letting the page paint and take input. */
const TASK_BUDGET_MS = 40;
/** How often a long search shows its results so far. */
const PROGRESS_EVERY_MS = 250;

export interface SearchState {
  search: LogSearch | null;
  /** The regular expression does not compile: its message. */
  error: string | null;
  /** Lines are still being searched. */
  scanning: boolean;
  /** Changes whenever the result grew. */
  version: number;
}

/** Runs a task soon, after pending input and paint (a MessageChannel is not throttled like setTimeout). */
function scheduleTask(run: () => void): () => void {
  const channel = new MessageChannel();
  let cancelled = false;
  channel.port1.onmessage = () => {
    channel.port1.close();
    if (!cancelled) run();
  };
  channel.port2.postMessage(null);
  return () => {
    cancelled = true;
    channel.port1.close();
  };
}

/**
 * Searches the store for `options` in slices (so a million lines never freeze the page), and
 * keeps searching the lines that arrive afterwards. A new query cancels the running one.
 */
export function useLogSearch(store: LogLineStore, storeVersion: number, options: SearchOptions): SearchState {
  const compiled = useMemo(() => compileQuery(options), [options.text, options.regex, options.caseSensitive]); // eslint-disable-line react-hooks/exhaustive-deps
  const search = useMemo(() => (compiled?.ok ? new LogSearch(compiled, store.firstSeq) : null), [compiled, store]);
  const [version, setVersion] = useState(0);
  const [scanning, setScanning] = useState(false);
  const cancelRef = useRef<(() => void) | null>(null);

  useEffect(() => {
    if (!search) {
      setScanning(false);
      return;
    }
    let cancelled = false;
    let shownAt = performance.now();
    const step = (): void => {
      if (cancelled) return;
      const started = performance.now();
      let more = true;
      while (more && performance.now() - started < TASK_BUDGET_MS) more = search.scan(store, SLICE_LINES);
      // Partial results are shown now and then, not after every slice: each showing costs a render.
      if (!more || started - shownAt > PROGRESS_EVERY_MS) {
        shownAt = started;
        setVersion((v) => v + 1);
      }
      if (more) cancelRef.current = scheduleTask(step);
      else {
        cancelRef.current = null;
        setScanning(false);
      }
    };
    const before = search.lineCount;
    search.prune(store.firstSeq);
    if (search.scanned < store.endSeq) {
      setScanning(true);
      step();
    } else if (search.lineCount !== before) setVersion((v) => v + 1);
    return () => {
      cancelled = true;
      cancelRef.current?.();
      cancelRef.current = null;
    };
  }, [search, store, storeVersion]);

  return { search, error: compiled && !compiled.ok ? compiled.error : null, scanning, version };
}
