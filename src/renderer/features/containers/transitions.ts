import type { ActionName } from './actions';

/**
 * A container between two states because of an action Berth sent: from the request until the
 * engine reports the outcome (a list fetched after the request returned), or until the request fails.
 */
export interface Transition {
  action: ActionName;
  /** Date.now() when the request was sent: the countdown to the kill starts there. */
  since: number;
  /** stop and restart: seconds the engine waits after SIGTERM before it kills. */
  timeoutSeconds?: number;
  /** performance.now() when the engine answered; undefined while the request is in flight. */
  answeredAt?: number;
  /** Tells a newer action on the same container from an older one still in flight. */
  token: number;
}

export type Transitions = ReadonlyMap<string, Transition>;

/**
 * Whether `action` must wait for the container's transition. While a stop or restart waits for
 * its timeout, Kill is the way to end the wait now; once the engine has answered, nothing conflicts.
 */
export function conflicts(action: ActionName, transition: Transition | undefined): boolean {
  if (!transition || transition.answeredAt !== undefined) return false;
  const waiting = transition.action === 'stop' || transition.action === 'restart';
  return !(waiting && action === 'kill');
}

/** Seconds left before the engine kills (rounded up, never below 0); undefined without a timeout. */
export function secondsBeforeKill(transition: Transition, now: number): number | undefined {
  if (transition.timeoutSeconds === undefined) return undefined;
  return Math.max(0, Math.ceil(transition.timeoutSeconds - (now - transition.since) / 1000));
}

/** Drops the transitions the engine answered before `listedAt` (a performance.now() of a list request). */
export function settle(transitions: Transitions, listedAt: number): Transitions {
  const kept = [...transitions].filter(([, t]) => t.answeredAt === undefined || t.answeredAt > listedAt);
  return kept.length === transitions.size ? transitions : new Map(kept);
}
