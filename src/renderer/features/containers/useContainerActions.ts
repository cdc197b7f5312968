import { useCallback, useState } from 'react';
import { dockerCommandFor } from '../../../shared/cli/docker-command';
import { BerthError, type ErrorCode } from '../../../shared/errors';
import type { ContainerSummary } from '../../../shared/types/containers';
import { useClient } from '../../api/ClientContext';
import type { BerthClient } from '../../api/client';
import { actionRequest, type ActionName, type ActionOptions, type ActionRequestOf } from './actions';

/**
 * Generic over the action so channel and input stay paired: a plain `ActionRequest` union does not
 * narrow through the contract's generic calls, and a mismatched pair would not compile here.
 */
function send<A extends ActionName>(client: BerthClient, request: ActionRequestOf<A>): Promise<unknown> {
  return client.invoke(request.channel, request.input);
}

function cliFor<A extends ActionName>(request: ActionRequestOf<A>): string {
  return dockerCommandFor(request.channel, request.input);
}

export interface ActionReport {
  action: ActionName;
  /** Names of the containers it was run on. */
  targets: string[];
  /** The equivalent docker command(s), one line per container. */
  cli: string;
  failures: Array<{ id: string; name: string; code: ErrorCode | undefined; message: string }>;
}

const CONCURRENCY = 8;

/** Runs one action on many containers (a few at a time) and reports what happened. */
export function useContainerActions() {
  const client = useClient();
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [report, setReport] = useState<ActionReport>();

  const run = useCallback(
    async (action: ActionName, targets: ContainerSummary[], options: ActionOptions = {}): Promise<ActionReport> => {
      const ids = targets.map((c) => c.id);
      setPending((current) => new Set([...current, ...ids]));
      const failures: ActionReport['failures'] = [];
      const queue = [...targets];
      const worker = async (): Promise<void> => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const container = next;
          try {
            await send(client, actionRequest(action, container.id, options));
          } catch (err) {
            const code = err instanceof BerthError ? err.code : undefined;
            failures.push({ id: container.id, name: container.name, code, message: (err as Error).message });
          } finally {
            setPending((current) => {
              const copy = new Set(current);
              copy.delete(container.id);
              return copy;
            });
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, targets.length) }, worker));
      const cli = targets
        .map((c) => cliFor(actionRequest(action, c.name, options)))
        .join('\n');
      const result: ActionReport = { action, targets: targets.map((c) => c.name), cli, failures };
      setReport(result);
      return result;
    },
    [client],
  );

  return { run, pending, report, clearReport: () => setReport(undefined) };
}
