import type { BerthClient } from '../../api/client';
import type { BerthError } from '../../../shared/errors';
import { engineTime, timestampNanos } from '../../../shared/logs/time';
import type { LogLineStore } from './lineStore';

export interface LogQuery {
  id: string;
  tail: number | 'all';
  /** As typed: a date-time (sent with its zone), a Unix time, or a duration such as 10m; '' for none. */
  since: string;
  until: string;
  follow: boolean;
}

type StreamPhase =
  /** History is arriving. */
  | 'loading'
  /** Following: new lines appear as the container writes them. */
  | 'following'
  /** Everything asked for has arrived (no follow). */
  | 'done'
  /** Following was turned off: the view keeps what it has. */
  | 'paused'
  /** Following ended because the container stopped; it resumes when the container runs again. */
  | 'stopped'
  | 'error';

export interface StreamStatus {
  phase: StreamPhase;
  error?: BerthError;
  /** An engine that went away is retried: the view says so and resumes after the last line. */
  retrying?: boolean;
}

const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 10_000;
const RESUME_MIN_INTERVAL_MS = 1_000;

/**
 * Owns the one `logs.fetch`/`logs.follow` subscription of a log view: loads a query into the
 * store, turns following on (resuming after the last line held) and off, retries when the engine
 * went away, and closes its stream on dispose, so a closed view leaves nothing open in main.
 */
export class LogStreamController {
  private close: (() => void) | undefined;
  private query: LogQuery | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryDelay = RETRY_MIN_MS;
  private lastResume = 0;
  private status: StreamStatus = { phase: 'done' };

  constructor(
    private readonly client: BerthClient,
    private readonly store: LogLineStore,
    private readonly onStatus: (status: StreamStatus) => void,
  ) {}

  get current(): StreamStatus {
    return this.status;
  }

  /** Clears the view and reads `query` from the start. */
  load(query: LogQuery): void {
    this.stop();
    this.query = { ...query };
    this.store.clear();
    this.open(query.follow ? 'logs.follow' : 'logs.fetch', this.input(query));
  }

  setFollow(follow: boolean): void {
    if (!this.query || this.query.follow === follow) return;
    this.query.follow = follow;
    if (follow) this.resume();
    else if (this.status.phase === 'following' || this.status.phase === 'stopped' || this.status.retrying) {
      this.stop();
      this.setStatus({ phase: 'paused' });
    }
  }

  /** Follows again from just after the newest line held (the container restarted, or the engine is back). */
  resume(): void {
    const query = this.query;
    if (!query) return;
    this.stop();
    const last = this.store.lastTimestamp();
    const nanos = last ? timestampNanos(last) : null;
    if (nanos === null) {
      this.load({ ...query, follow: true });
      return;
    }
    this.query = { ...query, follow: true };
    this.open('logs.follow', { ...this.input(query), tail: 'all', since: engineTime(nanos + 1n) });
  }

  /** The container is running again: a follow that ended with it picks up where it stopped. */
  containerRunning(): void {
    if (!this.query?.follow || this.status.phase !== 'stopped') return;
    // Never faster than once a second, should the engine keep ending the stream at once.
    const wait = Math.max(0, this.lastResume + RESUME_MIN_INTERVAL_MS - Date.now());
    if (this.retryTimer !== undefined) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.lastResume = Date.now();
      this.resume();
    }, wait);
  }

  dispose(): void {
    this.stop();
    this.query = undefined;
  }

  private input(query: LogQuery): { id: string; tail: number | 'all'; timestamps: true; since?: string; until?: string } {
    // Always with timestamps: showing or hiding them then needs no new request.
    return {
      id: query.id,
      tail: query.tail,
      timestamps: true,
      ...(query.since ? { since: query.since } : {}),
      ...(query.until ? { until: query.until } : {}),
    };
  }

  private stop(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.close?.();
    this.close = undefined;
  }

  private open(topic: 'logs.fetch' | 'logs.follow', input: ReturnType<LogStreamController['input']>): void {
    let live = true;
    let started = false;
    const following = topic === 'logs.follow';
    // Following: connected is "live" at once, whether or not there is history to show first.
    this.setStatus({ phase: following ? 'following' : 'loading' });
    const close = this.client.subscribe(topic, input, {
      onMessage: (batch) => {
        if (!live) return;
        if (batch.first) {
          // Subscribed again under us (browser mode's connection came back): the engine is sending
          // the history again. Carry on from the last line held instead.
          if (started) return void (following ? this.resume() : this.load({ ...this.query!, follow: false }));
          started = true;
          if (this.status.phase === 'error') this.setStatus({ phase: following ? 'following' : 'loading' });
        }
        this.store.append(batch.lines);
        this.retryDelay = RETRY_MIN_MS;
      },
      onError: (error) => {
        if (!live) return;
        live = false;
        this.close = undefined;
        const retry = following && error.code === 'ENGINE_UNAVAILABLE';
        this.setStatus({ phase: 'error', error, retrying: retry });
        if (retry) {
          this.retryTimer = setTimeout(() => this.resume(), this.retryDelay);
          this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
        }
      },
      onEnd: () => {
        if (!live) return;
        live = false;
        this.close = undefined;
        this.setStatus({ phase: following ? 'stopped' : 'done' });
      },
    });
    this.close = () => {
      live = false;
      close();
    };
  }

  private setStatus(status: StreamStatus): void {
    this.status = status;
    this.onStatus(status);
  }
}

export { normalizeTimeInput } from '../../../shared/logs/time';
