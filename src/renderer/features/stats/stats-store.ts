import type { BerthError } from '../../../shared/errors';
import type { StatsSample } from '../../../shared/types/stats';
import type { BerthClient } from '../../api/client';
import { documentVisibility, type PageVisibility } from './page-visibility';
import { RingBuffer } from './ring-buffer';

/** 15 minutes of readings at the engine's one a second, until Settings say otherwise. */
export const HISTORY_CAPACITY = 900;
/** Histories kept for containers nobody is looking at, least recently watched dropped first. */
const MAX_IDLE_HISTORIES = 100;
/** A view that unmounts and another that mounts in the same commit keep the stream (no close/reopen). */
const RELEASE_DELAY_MS = 250;
const RETRY_MIN_MS = 2_000;
const RETRY_MAX_MS = 15_000;

/**
 * idle: nobody watches; connecting: stream asked for; live: readings arriving; paused: the window
 * is hidden; stopped: the container is not running (the stream ended); error: see `error`.
 */
export type WatchStatus = 'idle' | 'connecting' | 'live' | 'paused' | 'stopped' | 'error';

/** What a view reads; replaced (never mutated) on every change except the history's own contents. */
export interface ContainerStats {
  status: WatchStatus;
  error?: BerthError;
  latest?: StatsSample;
  /** Oldest first; grows in place, so read it together with `version`. */
  history: RingBuffer<StatsSample>;
  /** Bumped on every change. */
  version: number;
}

interface Entry {
  snapshot: ContainerStats;
  watchers: number;
  /** The UI's latest word on whether the container runs (from the container list). */
  running: boolean;
  close?: () => void;
  releaseTimer?: ReturnType<typeof setTimeout>;
  retryTimer?: ReturnType<typeof setTimeout>;
  retryDelay: number;
  lastWatched: number;
}

/**
 * Live stats for the containers the UI shows, kept outside React so the history survives views
 * mounting and unmounting. One `stats.watch` stream per watched running container; none for
 * stopped ones; none at all while the page is hidden.
 */
export class StatsStore {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Map<string, Set<() => void>>();
  private hidden: boolean;
  private readonly stopVisibility: () => void;
  /** Readings kept per container (one a second): the `stats.historySeconds` setting. */
  private historyCapacity = HISTORY_CAPACITY;

  constructor(
    private readonly client: BerthClient,
    private readonly visibility: PageVisibility = documentVisibility,
  ) {
    this.hidden = visibility.hidden();
    this.stopVisibility = visibility.onChange(() => this.onVisibility());
  }

  /** Counts a watcher of `id` until the returned function is called. */
  retain(id: string): () => void {
    const entry = this.entry(id);
    entry.watchers += 1;
    entry.lastWatched = Date.now();
    clearTimeout(entry.releaseTimer);
    entry.releaseTimer = undefined;
    this.sync(id);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      entry.watchers -= 1;
      entry.lastWatched = Date.now();
      if (entry.watchers === 0) {
        entry.releaseTimer = setTimeout(() => {
          entry.releaseTimer = undefined;
          this.sync(id);
          this.evictIdle();
        }, RELEASE_DELAY_MS);
      }
    };
  }

  /** The container list's state for `id`; called whenever that list changes, so a restarted container is picked up again. */
  setRunning(id: string, running: boolean): void {
    const entry = this.entry(id);
    entry.running = running;
    if (!running && !entry.close && entry.snapshot.status !== 'idle' && entry.snapshot.status !== 'stopped') {
      this.update(id, { status: 'stopped', error: undefined });
    }
    this.sync(id);
  }

  get(id: string): ContainerStats {
    return this.entry(id).snapshot;
  }

  subscribe(id: string, listener: () => void): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(id);
    };
  }

  /** Keeps `seconds` of readings per container from now on; histories already kept are cut (or given room) to fit. */
  setHistorySeconds(seconds: number): void {
    const capacity = Math.max(1, Math.round(seconds));
    if (capacity === this.historyCapacity) return;
    this.historyCapacity = capacity;
    for (const [id, entry] of this.entries) {
      entry.snapshot = { ...entry.snapshot, history: entry.snapshot.history.resized(capacity) };
      this.update(id, {});
    }
  }

  /** Streams open in this store right now (the e2e and unit tests read it). */
  openStreams(): number {
    let open = 0;
    for (const entry of this.entries.values()) if (entry.close) open += 1;
    return open;
  }

  dispose(): void {
    this.stopVisibility();
    for (const [id, entry] of this.entries) {
      clearTimeout(entry.releaseTimer);
      clearTimeout(entry.retryTimer);
      this.closeStream(id, entry);
    }
  }

  private entry(id: string): Entry {
    let entry = this.entries.get(id);
    if (!entry) {
      entry = {
        snapshot: { status: 'idle', history: new RingBuffer(this.historyCapacity), version: 0 },
        watchers: 0,
        running: false,
        retryDelay: RETRY_MIN_MS,
        lastWatched: Date.now(),
      };
      this.entries.set(id, entry);
    }
    return entry;
  }

  private wanted(entry: Entry): boolean {
    const gone = entry.snapshot.status === 'error' && entry.snapshot.error?.code === 'NOT_FOUND';
    return (entry.watchers > 0 || entry.releaseTimer !== undefined) && entry.running && !this.hidden && !gone;
  }

  private sync(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    const wanted = this.wanted(entry);
    if (wanted && !entry.close && !entry.retryTimer) this.openStream(id, entry);
    else if (!wanted && entry.close) {
      this.closeStream(id, entry);
      this.update(id, { status: this.hidden && entry.running ? 'paused' : entry.running ? 'idle' : 'stopped' });
    } else if (!wanted && entry.retryTimer) {
      clearTimeout(entry.retryTimer);
      entry.retryTimer = undefined;
    }
  }

  private openStream(id: string, entry: Entry): void {
    this.update(id, { status: entry.snapshot.status === 'live' ? 'live' : 'connecting', error: undefined });
    let closed = false;
    let unsubscribe: (() => void) | undefined;
    const finish = (): void => {
      closed = true;
      entry.close = undefined;
      unsubscribe?.();
    };
    unsubscribe = this.client.subscribe(
      'stats.watch',
      { id },
      {
        onMessage: (sample) => {
          if (closed) return;
          entry.retryDelay = RETRY_MIN_MS;
          const last = entry.snapshot.history.last();
          if (!last || sample.time > last.time) entry.snapshot.history.push(sample);
          this.update(id, { status: 'live', latest: sample, error: undefined });
        },
        onEnd: () => {
          if (closed) return;
          finish();
          entry.running = false;
          this.update(id, { status: 'stopped' });
        },
        onError: (error) => {
          if (closed) return;
          finish();
          this.update(id, { status: 'error', error });
          if (error.code === 'ENGINE_UNAVAILABLE') this.scheduleRetry(id, entry);
        },
      },
    );
    // A transport may report the end synchronously, before subscribe returned.
    if (closed) unsubscribe();
    else entry.close = finish;
  }

  private closeStream(_id: string, entry: Entry): void {
    const close = entry.close;
    entry.close = undefined;
    close?.();
  }

  private scheduleRetry(id: string, entry: Entry): void {
    const delay = entry.retryDelay;
    entry.retryDelay = Math.min(entry.retryDelay * 2, RETRY_MAX_MS);
    entry.retryTimer = setTimeout(() => {
      entry.retryTimer = undefined;
      this.sync(id);
    }, delay);
  }

  private onVisibility(): void {
    const hidden = this.visibility.hidden();
    if (hidden === this.hidden) return;
    this.hidden = hidden;
    for (const id of this.entries.keys()) this.sync(id);
  }

  /** Drops the oldest histories nobody watches beyond MAX_IDLE_HISTORIES. */
  private evictIdle(): void {
    const idle = [...this.entries].filter(([, e]) => e.watchers === 0 && !e.close && !e.releaseTimer);
    if (idle.length <= MAX_IDLE_HISTORIES) return;
    idle.sort(([, a], [, b]) => a.lastWatched - b.lastWatched);
    for (const [id, entry] of idle.slice(0, idle.length - MAX_IDLE_HISTORIES)) {
      clearTimeout(entry.retryTimer);
      this.entries.delete(id);
    }
  }

  private update(id: string, change: Partial<Omit<ContainerStats, 'history' | 'version'>>): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.snapshot = { ...entry.snapshot, ...change, version: entry.snapshot.version + 1 };
    for (const listener of this.listeners.get(id) ?? []) listener();
  }
}

const stores = new WeakMap<BerthClient, StatsStore>();

/** One store per client for the app's lifetime: the history outlives every view. */
export function statsStoreFor(client: BerthClient): StatsStore {
  let store = stores.get(client);
  if (!store) stores.set(client, (store = new StatsStore(client)));
  return store;
}
