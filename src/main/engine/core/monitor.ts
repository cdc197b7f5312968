import { EventEmitter } from 'node:events';
import type Docker from 'dockerode';
import type { EngineState } from '../../../shared/types/engine';
import { toBerthError, unreachableCode } from './errors';

const CONNECTED_INTERVAL_MS = 5_000;
const RETRY_MIN_MS = 500;
// Streams waiting for the engine (events) resume only after the monitor sees it: a view must work
// again within a few seconds of the engine answering, so the back-off stops at one second (one
// refused connect a second while the engine is away costs nothing).
const RETRY_MAX_MS = 1_000;

/**
 * Tracks whether the engine answers: pings every few seconds while connected, retries with
 * back-off while not, and emits 'state' on every change. Views use it to say "engine
 * unavailable" and to resume their streams when the engine comes back.
 */
export class EngineMonitor extends EventEmitter<{ state: [EngineState] }> {
  private current: EngineState;
  private timer: NodeJS.Timeout | undefined;
  private retryDelay = RETRY_MIN_MS;
  private stopped = true;
  private checking: Promise<EngineState> | undefined;

  constructor(
    private readonly docker: Docker,
    host: string,
  ) {
    super();
    this.current = { status: 'connecting', host, since: Date.now() };
  }

  get state(): EngineState {
    return this.current;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.check();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Checks now (e.g. after a call failed as unreachable); concurrent callers share one ping. */
  check(): Promise<EngineState> {
    this.checking ??= this.ping().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  /** Resolves once connected (at once if already), or rejects after timeoutMs. */
  whenConnected(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.current.status === 'connected') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onState = (state: EngineState): void => {
        if (state.status === 'connected') finish(null);
      };
      const onAbort = (): void => finish(new Error('aborted'));
      const timer = setTimeout(() => finish(new Error('timed out waiting for the engine')), timeoutMs);
      const finish = (err: Error | null): void => {
        clearTimeout(timer);
        this.off('state', onState);
        signal?.removeEventListener('abort', onAbort);
        if (err) reject(err);
        else resolve();
      };
      this.on('state', onState);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private async ping(): Promise<EngineState> {
    try {
      const version = await this.docker.version();
      this.retryDelay = RETRY_MIN_MS;
      this.update({ status: 'connected', apiVersion: version.ApiVersion });
    } catch (err) {
      const reasonCode = unreachableCode(err);
      this.update({ status: 'disconnected', error: toBerthError(err).message, ...(reasonCode ? { reasonCode } : {}) });
      this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
    }
    this.schedule();
    return this.current;
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const delay = this.current.status === 'connected' ? CONNECTED_INTERVAL_MS : this.retryDelay;
    this.timer = setTimeout(() => void this.check(), delay);
    this.timer.unref();
  }

  private update(next: Pick<EngineState, 'status' | 'apiVersion' | 'error' | 'reasonCode'>): void {
    const changed = next.status !== this.current.status || next.error !== this.current.error;
    if (!changed) return;
    this.current = { host: this.current.host, since: Date.now(), ...next };
    this.emit('state', this.current);
  }
}
