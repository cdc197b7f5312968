import { useCallback, useRef, useState } from 'react';
import { dockerCommandFor } from '../../../shared/cli/docker-command';
import { BerthError, type ErrorCode } from '../../../shared/errors';
import type { ContainerSummary } from '../../../shared/types/containers';
import { useClient } from '../../api/ClientContext';
import type { BerthClient } from '../../api/client';
import { actionRequest, type ActionName, type ActionOptions, type ActionRequestOf } from './actions';
import { conflicts, settle, type Transition, type Transitions } from './transitions';

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
let nextToken = 1;

/**
 * Runs one action on many containers (a few at a time) and reports what happened. Each container
 * is in a transition ("Stopping…") from the request until `settleUpTo` gets a list requested after
 * the engine answered; `refresh` asks for that list.
 */
export function useContainerActions(refresh: () => void) {
  const client = useClient();
  const [transitions, setTransitionsState] = useState<Transitions>(new Map());
  // Read by callers that run after an await (stop, then remove), where the rendered map is stale.
  const current = useRef<Transitions>(transitions);
  const [report, setReport] = useState<ActionReport>();

  const update = useCallback((change: (map: Transitions) => Transitions) => {
    current.current = change(current.current);
    setTransitionsState(current.current);
  }, []);

  const run = useCallback(
    async (action: ActionName, targets: ContainerSummary[], options: ActionOptions = {}): Promise<ActionReport> => {
      const since = Date.now();
      const timeout = action === 'stop' || action === 'restart' ? { timeoutSeconds: options.stopTimeout ?? 10 } : {};
      const tokens = new Map(targets.map((c) => [c.id, nextToken++]));
      update((map) => {
        const copy = new Map(map);
        for (const c of targets) copy.set(c.id, { action, since, token: tokens.get(c.id) ?? 0, ...timeout });
        return copy;
      });
      /** Changes (or with undefined, ends) this run's transition of `id`; a newer action's stays as it is. */
      const mine = (id: string, change: (transition: Transition) => Transition | undefined): void =>
        update((map) => {
          const transition = map.get(id);
          if (!transition || transition.token !== tokens.get(id)) return map;
          const copy = new Map(map);
          const changed = change(transition);
          if (changed) copy.set(id, changed);
          else copy.delete(id);
          return copy;
        });
      const failures: ActionReport['failures'] = [];
      const queue = [...targets];
      const worker = async (): Promise<void> => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const container = next;
          // Queued behind others: the engine's countdown starts when this request goes out.
          mine(container.id, (transition) => ({ ...transition, since: Date.now() }));
          try {
            await send(client, actionRequest(action, container.id, options));
            mine(container.id, (transition) => ({ ...transition, answeredAt: performance.now() }));
          } catch (err) {
            const code = err instanceof BerthError ? err.code : undefined;
            failures.push({ id: container.id, name: container.name, code, message: (err as Error).message });
            mine(container.id, () => undefined);
          }
          refresh();
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, targets.length) }, worker));
      const cli = targets.map((c) => cliFor(actionRequest(action, c.name, options))).join('\n');
      const result: ActionReport = { action, targets: targets.map((c) => c.name), cli, failures };
      setReport(result);
      return result;
    },
    [client, refresh, update],
  );

  /** The engine's answer is in a list requested at `listedAt` (performance.now()): those transitions end. */
  const settleUpTo = useCallback((listedAt: number) => update((map) => settle(map, listedAt)), [update]);
  /** Whether `action` on this container must wait for its transition (read now, not at the last render). */
  const blocked = useCallback((action: ActionName, id: string) => conflicts(action, current.current.get(id)), []);

  return { run, transitions, settleUpTo, blocked, report, clearReport: () => setReport(undefined) };
}
