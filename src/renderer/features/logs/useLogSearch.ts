import { useEffect, useMemo, useRef, useState } from 'react';
import type { LogLineStore } from './lineStore';
import { RegexWorkerScan } from './regex-scan';
import { compileQuery, LogSearch, type SearchOptions } from './search';

/** Lines searched between checks of the clock. */
const SLICE_LINES = 20_000;
/** Time one task may search before letting the page paint and take input. */
const TASK_BUDGET_MS = 40;
/** How often a long search shows its results so far. */
const PROGRESS_EVERY_MS = 250;

/** Why a search shows no results: the pattern does not compile, or it was stopped as too slow. */
export type SearchProblem = { kind: 'bad-regex'; message: string } | { kind: 'too-slow'; line: number };

export interface SearchState {
  search: LogSearch | null;
  problem: SearchProblem | null;
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
 * keeps searching the lines that arrive afterwards. A new query cancels the running one. Regular
 * expressions run in a worker (regex-scan.ts), so one that backtracks without end is stopped and
 * reported instead of freezing the page; plain text, escaped and linear, is searched here.
 */
export function useLogSearch(store: LogLineStore, storeVersion: number, options: SearchOptions): SearchState {
  const compiled = useMemo(() => compileQuery(options), [options.text, options.regex, options.caseSensitive]); // eslint-disable-line react-hooks/exhaustive-deps
  const search = useMemo(() => (compiled?.ok ? new LogSearch(compiled, store.firstSeq) : null), [compiled, store]);
  const [version, setVersion] = useState(0);
  const [scanning, setScanning] = useState(false);
  const [tooSlow, setTooSlow] = useState<{ search: LogSearch; line: number } | null>(null);
  /** No worker could start (a page that forbids them): regular expressions are searched here too. */
  const [workerless, setWorkerless] = useState(false);
  const inWorker = search !== null && options.regex && !workerless;
  const cancelRef = useRef<(() => void) | null>(null);
  const workerScanRef = useRef<RegexWorkerScan | null>(null);

  useEffect(() => {
    if (!search || !inWorker) return;
    let shownAt = performance.now();
    const scan = new RegexWorkerScan(search, store, {
      progress: () => {
        const now = performance.now();
        if (now - shownAt > PROGRESS_EVERY_MS || search.scanned >= store.endSeq) {
          shownAt = now;
          setVersion((v) => v + 1);
        }
      },
      scanning: (busy) => {
        setScanning(busy);
        if (!busy) setVersion((v) => v + 1);
      },
      tooSlow: (fromSeq) => setTooSlow({ search, line: fromSeq + 1 }),
      unavailable: () => setWorkerless(true),
    });
    workerScanRef.current = scan;
    scan.kick();
    return () => {
      scan.dispose();
      workerScanRef.current = null;
    };
  }, [search, store, inWorker]);

  useEffect(() => {
    if (inWorker) {
      workerScanRef.current?.kick();
      return;
    }
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
  }, [search, store, storeVersion, inWorker]);

  let problem: SearchProblem | null = null;
  if (compiled && !compiled.ok) problem = { kind: 'bad-regex', message: compiled.error };
  else if (tooSlow && tooSlow.search === search) problem = { kind: 'too-slow', line: tooSlow.line };
  // Lines not searched yet count as searching from the first render of a new query, before any
  // effect ran: otherwise "No matches" flashes while the worker has not started.
  const behind = search !== null && problem === null && search.scanned < store.endSeq;
  return { search, problem, scanning: scanning || behind, version };
}
