import { randomBytes } from 'node:crypto';
import { BerthError } from '../../shared/errors';
import type { TransferPhase, TransferProgress } from '../../shared/types/transfers';
import { toBerthError } from '../engine/core/errors';

const EMIT_INTERVAL_MS = 100;
const RATE_WINDOW_MS = 2_000;
/** A finished transfer stays this long, so a watcher that subscribes late still sees how it ended. */
const KEEP_SETTLED_MS = 5 * 60_000;
const MAX_SETTLED = 200;
/** How many ended transfers `transfers.active` keeps listing (the newest), so the app-wide list stays short. */
const MAX_ENDED_LISTED = 20;
/** The app-wide list is sent at most this often (each transfer's own progress changes every 100 ms). */
const LIST_INTERVAL_MS = 250;

export interface TransferSpec {
  direction: TransferProgress['direction'];
  name: string;
  totalBytes?: number;
  /** The engine it moves to or from (an id from engines.list). */
  engine?: string;
}

/** Told when a transfer's state changes (progress, or its end). */
type ChangeListener = (transfer: Transfer) => void;

export interface TransferOutcome {
  result?: Record<string, string>;
  warnings?: string[];
}

type Listener = (progress: TransferProgress) => void;

/**
 * One streamed transfer. Whoever does the work reports bytes and settles it exactly once
 * (complete or fail, after cleaning up); `cancel()` only aborts `signal`, and the worker's failure
 * that follows settles it as cancelled. Progress is pushed to listeners at most every 100 ms.
 */
export class Transfer {
  readonly id = `t${randomBytes(12).toString('hex')}`;
  private readonly abort = new AbortController();
  private readonly listeners = new Set<Listener>();
  private readonly samples: { at: number; bytes: number }[] = [];
  private readonly startedAt = performance.now();
  private state: TransferProgress;
  private timer: NodeJS.Timeout | undefined;
  private settledAt: number | undefined;

  constructor(
    spec: TransferSpec,
    private readonly onChange: ChangeListener = () => undefined,
  ) {
    this.state = {
      transferId: this.id,
      direction: spec.direction,
      name: spec.name,
      bytes: 0,
      ...(spec.totalBytes !== undefined ? { totalBytes: spec.totalBytes } : {}),
      ...(spec.engine !== undefined ? { engine: spec.engine } : {}),
      bytesPerSecond: 0,
      phase: 'running',
    };
  }

  /** Aborted when the user cancels: stop reading and writing, clean up, then `fail`. */
  get signal(): AbortSignal {
    return this.abort.signal;
  }

  get phase(): TransferPhase {
    return this.state.phase;
  }

  get settled(): boolean {
    return this.state.phase !== 'running';
  }

  /** Epoch-independent ms since the transfer settled, or undefined while it runs. */
  settledForMs(now = performance.now()): number | undefined {
    return this.settledAt === undefined ? undefined : now - this.settledAt;
  }

  snapshot(): TransferProgress {
    return { ...this.state };
  }

  addBytes(count: number): void {
    if (this.settled || count <= 0) return;
    this.state.bytes += count;
    this.timer ??= setTimeout(() => this.flush(), EMIT_INTERVAL_MS);
  }

  cancel(reason = 'Cancelled.'): void {
    if (!this.settled && !this.abort.signal.aborted) this.abort.abort(new BerthError('CANCELLED', reason));
  }

  complete(outcome: TransferOutcome = {}): void {
    if (this.settled) return;
    const seconds = (performance.now() - this.startedAt) / 1000;
    this.settle({
      phase: 'done',
      bytesPerSecond: seconds > 0 ? Math.round(this.state.bytes / seconds) : 0,
      ...(outcome.result ? { result: outcome.result } : {}),
      ...(outcome.warnings?.length ? { warnings: outcome.warnings } : {}),
    });
  }

  /** Settles as cancelled when the user asked for it, else as failed with the error's plain message. */
  fail(err: unknown): void {
    if (this.settled) return;
    if (this.abort.signal.aborted) {
      const reason = this.abort.signal.reason;
      const error = reason instanceof BerthError ? reason : new BerthError('CANCELLED', 'Cancelled.');
      // A worker can say what its clean-up could not undo (e.g. files left in a stopped container).
      const note = (err as { cancelNote?: unknown } | null)?.cancelNote;
      const shown = typeof note === 'string' && note ? new BerthError('CANCELLED', `${error.message} ${note}`) : error;
      this.settle({ phase: 'cancelled', error: shown.toShape(), bytesPerSecond: 0 });
      return;
    }
    this.settle({ phase: 'failed', error: toBerthError(err).toShape(), bytesPerSecond: 0 });
  }

  /** The current state at once, then every change; returns the unsubscribe function. */
  watch(listener: Listener): () => void {
    listener(this.snapshot());
    if (this.settled) return () => undefined;
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private settle(patch: Partial<TransferProgress>): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.state = { ...this.state, ...patch };
    this.settledAt = performance.now();
    const listeners = [...this.listeners];
    this.listeners.clear();
    for (const listener of listeners) listener(this.snapshot());
    this.onChange(this);
  }

  private flush(): void {
    this.timer = undefined;
    if (this.settled) return;
    const now = performance.now();
    this.samples.push({ at: now, bytes: this.state.bytes });
    while (this.samples.length > 2 && now - this.samples[0]!.at > RATE_WINDOW_MS) this.samples.shift();
    const oldest = this.samples[0]!;
    const span = now - oldest.at;
    const bytesPerSecond = span >= 200 ? ((this.state.bytes - oldest.bytes) * 1000) / span : (this.state.bytes * 1000) / Math.max(1, now - this.startedAt);
    this.state.bytesPerSecond = Math.round(bytesPerSecond);
    for (const listener of this.listeners) listener(this.snapshot());
    this.onChange(this);
  }
}

type ListListener = (transfers: TransferProgress[]) => void;

/** What every engine's view of the registry shares: the transfers, the recently ended, and who watches the list. */
class SharedTransfers {
  readonly transfers = new Map<string, Transfer>();
  /** The newest ended transfers, oldest first; kept apart from `transfers` so the list does not lose them after KEEP_SETTLED_MS. */
  private ended: Transfer[] = [];
  private readonly listListeners = new Set<ListListener>();
  private timer: NodeJS.Timeout | undefined;

  readonly changed = (transfer: Transfer): void => {
    if (transfer.settled && !this.ended.includes(transfer)) this.ended = [...this.ended, transfer].slice(-MAX_ENDED_LISTED);
    if (this.listListeners.size > 0) this.timer ??= setTimeout(() => this.emit(), LIST_INTERVAL_MS);
  };

  list(): TransferProgress[] {
    const running = [...this.transfers.values()].filter((transfer) => !transfer.settled);
    return [...running, ...this.ended].map((transfer) => transfer.snapshot());
  }

  watchList(listener: ListListener): () => void {
    this.listListeners.add(listener);
    listener(this.list());
    return () => {
      this.listListeners.delete(listener);
      if (this.listListeners.size === 0) {
        clearTimeout(this.timer);
        this.timer = undefined;
      }
    };
  }

  private emit(): void {
    this.timer = undefined;
    const list = this.list();
    for (const listener of [...this.listListeners]) listener(list);
  }
}

/** Every transfer of this process, by id: what `transfers.watch` and `transfers.cancel` look up. */
export class TransferRegistry {
  constructor(
    private readonly shared = new SharedTransfers(),
    private readonly engine?: string,
  ) {}

  private get transfers(): Map<string, Transfer> {
    return this.shared.transfers;
  }

  /** The same transfers, as seen from one engine's backend: those it begins carry the engine's id. */
  forEngine(engine: string): TransferRegistry {
    return new TransferRegistry(this.shared, engine);
  }

  begin(spec: TransferSpec): Transfer {
    this.prune();
    const transfer = new Transfer(this.engine !== undefined && spec.engine === undefined ? { ...spec, engine: this.engine } : spec, this.shared.changed);
    this.transfers.set(transfer.id, transfer);
    this.shared.changed(transfer);
    return transfer;
  }

  /**
   * Every running transfer of every engine (in the order they began), then the last 20 that ended
   * (oldest first): at once, then at most every 250 ms while anything changes. Returns the unsubscribe.
   */
  watchAll(listener: ListListener): () => void {
    return this.shared.watchList(listener);
  }

  get(id: string): Transfer | undefined {
    return this.transfers.get(id);
  }

  /** The transfer, or NOT_FOUND in plain words. */
  require(id: string): Transfer {
    const transfer = this.transfers.get(id);
    if (!transfer) throw new BerthError('NOT_FOUND', 'No such transfer: it finished a while ago, or never existed.');
    return transfer;
  }

  running(): Transfer[] {
    return [...this.transfers.values()].filter((transfer) => !transfer.settled);
  }

  private prune(): void {
    const settled = [...this.transfers.values()].filter((transfer) => transfer.settled);
    const excess = settled.length - MAX_SETTLED;
    settled.forEach((transfer, index) => {
      if (index < excess || (transfer.settledForMs() ?? 0) > KEEP_SETTLED_MS) this.transfers.delete(transfer.id);
    });
  }
}
