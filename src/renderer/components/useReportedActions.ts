import { useCallback, useState } from 'react';

/**
 * Actions on a list's items that end in a report (what was done, with its docker command) or a
 * plain error, the items being worked on marked pending, and the list re-read after each one.
 */
export function useReportedActions<Report>(refresh: () => void) {
  const [report, setReport] = useState<Report>();
  const [error, setError] = useState<Error>();
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());

  /** Runs `work` for the item `key` (pending meanwhile) and shows its report or its error. */
  const run = useCallback(
    async (key: string, work: () => Promise<Report>): Promise<void> => {
      setPending((current) => new Set([...current, key]));
      setError(undefined);
      try {
        setReport(await work());
      } catch (err) {
        setReport(undefined);
        setError(err as Error);
      } finally {
        setPending((current) => new Set([...current].filter((k) => k !== key)));
        refresh();
      }
    },
    [refresh],
  );

  return {
    report,
    error,
    pending,
    run,
    clear: () => {
      setReport(undefined);
      setError(undefined);
    },
    /** Shows what a dialog did (e.g. Tag, Create), and re-lists. */
    show: (done: Report) => {
      setError(undefined);
      setReport(done);
      refresh();
    },
  };
}
