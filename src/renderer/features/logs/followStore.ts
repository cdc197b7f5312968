import { useSyncExternalStore } from 'react';
import type { BerthClient } from '../../api/client';
import { LogLineStore, type LineStoreLimits } from './lineStore';
import { LogStreamController, type StreamStatus } from './logStream';

/** What the Logs tab asks for and how it shows it: a reattached tab opens as the user left it. */
export interface LogViewState {
  tail: number | 'all';
  since: string;
  until: string;
  follow: boolean;
  timestamps: boolean;
  wrap: boolean;
}

/** Follows kept running on engines the user switched away from; past this the oldest stops. */
export const MAX_PARKED_FOLLOWS = 8;

/**
 * One container's log view on one engine, outside the component tree: its lines, its stream and
 * where it stands. The Logs tab owns it while mounted; a follow left behind by an engine switch is
 * parked here and keeps taking lines until the tab reattaches or the user stops it.
 */
export class LogFollow {
  readonly store: LogLineStore;
  readonly controller: LogStreamController;
  /** Set when parked: the tab that takes it back shows the lines it holds instead of loading afresh. */
  resumable = false;
  containerName: string;
  private statusNow: StreamStatus = { phase: 'loading' };
  private readonly listeners = new Set<() => void>();

  constructor(
    client: BerthClient,
    /** The engine it runs on (an engines.list id). */
    readonly engine: string,
    readonly containerId: string,
    containerName: string,
    public view: LogViewState,
    limits?: LineStoreLimits,
  ) {
    this.containerName = containerName;
    this.store = new LogLineStore(limits);
    this.controller = new LogStreamController(client, this.store, (status) => {
      this.statusNow = status;
      for (const listener of this.listeners) listener();
    });
  }

  get key(): string {
    return followKey(this.engine, this.containerId);
  }

  get status(): StreamStatus {
    return this.statusNow;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Whose follow: a container on one engine (ids can repeat across engines). */
const followKey = (engine: string, containerId: string): string => `${engine}\u0000${containerId}`;

/** Parked follows by key, oldest first. */
let parked: readonly LogFollow[] = [];
const listeners = new Set<() => void>();

function setParked(next: readonly LogFollow[]): void {
  parked = next;
  for (const listener of listeners) listener();
}

/** The parked follow of that container on that engine, if any (it stays parked until `adoptFollow`). */
export function parkedFollow(engine: string, containerId: string): LogFollow | undefined {
  const key = followKey(engine, containerId);
  return parked.find((follow) => follow.key === key);
}

/** A tab took the follow back: it leaves the parked list (the tray). */
export function adoptFollow(follow: LogFollow): void {
  if (parked.includes(follow)) setParked(parked.filter((candidate) => candidate !== follow));
}

/**
 * The tab of `follow` went away. A follow whose tab went because the user switched to another
 * engine (`viewedEngine` is not its engine) keeps running, parked; anything else closes its stream,
 * so a closed view leaves nothing open in main.
 */
export function releaseFollow(follow: LogFollow, viewedEngine: string | null): void {
  const { phase, retrying } = follow.status;
  if (follow.engine === viewedEngine || !follow.view.follow || (phase === 'error' && !retrying)) {
    follow.controller.dispose();
    return;
  }
  follow.resumable = true;
  const others = parked.filter((candidate) => candidate.key !== follow.key);
  const overflow = others.length + 1 - MAX_PARKED_FOLLOWS;
  for (const oldest of others.slice(0, Math.max(0, overflow))) oldest.controller.dispose();
  setParked([...others.slice(Math.max(0, overflow)), follow]);
}

/** Stops a parked follow: its stream closes in main and its lines are freed. */
export function stopParkedFollow(follow: LogFollow): void {
  follow.controller.dispose();
  adoptFollow(follow);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useParkedFollows(): readonly LogFollow[] {
  return useSyncExternalStore(subscribe, () => parked);
}

export function useFollowStatus(follow: LogFollow): StreamStatus {
  return useSyncExternalStore(
    (listener) => follow.subscribe(listener),
    () => follow.status,
  );
}
