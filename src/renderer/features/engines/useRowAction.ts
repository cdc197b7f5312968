import { useState } from 'react';
import { withEngineFlag } from '../../../shared/cli/engines';
import { useEngineSelection } from './EngineSelection';

export interface RowActionReport {
  engine: string;
  /** What was done, in words; or why it failed. */
  text: string;
  failed: boolean;
  /** The docker CLI line, naming the engine. */
  cli: string;
}

/**
 * An action on a row of a list across engines: it runs on the row's own engine (never the
 * selected one), and its report's CLI line names that engine.
 */
export function useRowAction(onDone: (engine: string) => void) {
  const { clientFor, cliFlagFor } = useEngineSelection();
  const [report, setReport] = useState<RowActionReport>();
  const [pending, setPending] = useState<ReadonlySet<string>>(() => new Set());

  const run = async (
    engine: string,
    key: string,
    work: (client: ReturnType<typeof clientFor>) => Promise<unknown>,
    done: string,
    cli: string,
  ): Promise<void> => {
    setPending((current) => new Set(current).add(key));
    const line = withEngineFlag(cli, cliFlagFor(engine));
    try {
      await work(clientFor(engine));
      setReport({ engine, text: done, failed: false, cli: line });
    } catch (err) {
      setReport({ engine, text: err instanceof Error ? err.message : String(err), failed: true, cli: line });
    } finally {
      setPending((current) => {
        const next = new Set(current);
        next.delete(key);
        return next;
      });
      onDone(engine);
    }
  };

  return { run, report, pending, clearReport: () => setReport(undefined) };
}
