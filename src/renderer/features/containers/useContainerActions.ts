import { useCallback, useState } from 'react';
import { dockerCommandFor } from '../../../shared/cli/docker-command';
import type { ContainerSummary } from '../../../shared/types/containers';
import { useClient } from '../../api/ClientContext';
import type { BerthClient } from '../../api/client';
import { actionRequest, type ActionName, type ActionOptions, type ActionRequest } from './actions';

/** The union of requests does not narrow through a generic call, so each member is sent as itself. */
function send(client: BerthClient, request: ActionRequest): Promise<unknown> {
  switch (request.channel) {
    case 'containers.start':
      return client.invoke(request.channel, request.input);
    case 'containers.stop':
      return client.invoke(request.channel, request.input);
    case 'containers.restart':
      return client.invoke(request.channel, request.input);
    case 'containers.kill':
      return client.invoke(request.channel, request.input);
    case 'containers.pause':
      return client.invoke(request.channel, request.input);
    case 'containers.unpause':
      return client.invoke(request.channel, request.input);
    case 'containers.remove':
      return client.invoke(request.channel, request.input);
  }
}

function cliFor(request: ActionRequest): string {
  switch (request.channel) {
    case 'containers.start':
      return dockerCommandFor(request.channel, request.input);
    case 'containers.stop':
      return dockerCommandFor(request.channel, request.input);
    case 'containers.restart':
      return dockerCommandFor(request.channel, request.input);
    case 'containers.kill':
      return dockerCommandFor(request.channel, request.input);
    case 'containers.pause':
      return dockerCommandFor(request.channel, request.input);
    case 'containers.unpause':
      return dockerCommandFor(request.channel, request.input);
    case 'containers.remove':
      return dockerCommandFor(request.channel, request.input);
  }
}

export interface ActionReport {
  action: ActionName;
  /** Names of the containers it was run on. */
  targets: string[];
  /** The equivalent docker command(s), one line per container. */
  cli: string;
  failures: Array<{ name: string; message: string }>;
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
            failures.push({ name: container.name, message: (err as Error).message });
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
