import type { InputOf } from '../../../shared/contract';
import type { ContainerState } from '../../../shared/types/containers';

export const ACTIONS = ['start', 'stop', 'restart', 'kill', 'pause', 'unpause', 'remove'] as const;
export type ActionName = (typeof ACTIONS)[number];

/** Which actions make sense in which state; the engine would refuse the others. */
const APPLICABLE: Record<ActionName, ReadonlySet<ContainerState>> = {
  start: new Set(['created', 'exited', 'dead']),
  stop: new Set(['running', 'restarting', 'paused']),
  restart: new Set(['running', 'exited', 'created', 'dead', 'paused', 'restarting']),
  kill: new Set(['running', 'restarting', 'paused']),
  pause: new Set(['running']),
  unpause: new Set(['paused']),
  remove: new Set(['created', 'running', 'paused', 'restarting', 'exited', 'dead']),
};

export function isApplicable(action: ActionName, state: ContainerState): boolean {
  return APPLICABLE[action].has(state);
}

export interface ActionOptions {
  stopTimeout?: number;
  signal?: string;
  force?: boolean;
  volumes?: boolean;
}

/** One action on one container as a contract call: channel and its exact input. */
export type ActionRequestOf<A extends ActionName> = { channel: `containers.${A}`; input: InputOf<`containers.${A}`> };
export type ActionRequest = { [A in ActionName]: ActionRequestOf<A> }[ActionName];

export function actionRequest(action: ActionName, id: string, options: ActionOptions): ActionRequest {
  const timeout = options.stopTimeout === undefined ? {} : { timeout: options.stopTimeout };
  switch (action) {
    case 'start':
      return { channel: 'containers.start', input: { id } };
    case 'stop':
      return { channel: 'containers.stop', input: { id, ...timeout } };
    case 'restart':
      return { channel: 'containers.restart', input: { id, ...timeout } };
    case 'kill':
      return { channel: 'containers.kill', input: { id, signal: options.signal ?? 'SIGKILL' } };
    case 'pause':
      return { channel: 'containers.pause', input: { id } };
    case 'unpause':
      return { channel: 'containers.unpause', input: { id } };
    case 'remove':
      return { channel: 'containers.remove', input: { id, force: options.force ?? false, volumes: options.volumes ?? false } };
  }
}

export const KILL_SIGNALS = ['SIGKILL', 'SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2'] as const;
