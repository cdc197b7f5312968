import type { LogLineStore } from './lineStore';
import type { RegexSliceRequest, RegexSliceResult } from './regex-slice';
import type { LogSearch } from './search';

/** Lines sent to the worker at a time. */
const SLICE_LINES = 20_000;
/**
 * A slice takes a few milliseconds; one that takes this long is a pattern that backtracks without
 * end (`(a+)+$` on a long run of a's), and its worker is stopped.
 */
const SLICE_DEADLINE_MS = 5_000;

/** The part of a Worker this uses (tests pass a stand-in). */
export interface RegexWorker {
  postMessage(message: RegexSliceRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<RegexSliceResult>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface RegexScanEvents {
  /** Results grew. */
  progress(): void;
  /** true: a slice is being searched; false: every line so far is searched. */
  scanning(busy: boolean): void;
  /** The slice of lines fromSeq .. toSeq - 1 took too long: the search stopped there. */
  tooSlow(fromSeq: number, toSeq: number): void;
  /** No worker can run here: search on the page instead. */
  unavailable(): void;
}

function createRegexWorker(): RegexWorker {
  return new Worker(new URL('./regex-worker.ts', import.meta.url), { type: 'module' }) as unknown as RegexWorker;
}

/**
 * A regular-expression search run in a worker, a slice of lines at a time, so a pattern that
 * backtracks for ever cannot freeze the page: past the deadline the worker is stopped and the
 * view says so. Plain-text searches (escaped, linear) stay on the page, where they are faster.
 */
export class RegexWorkerScan {
  private worker: RegexWorker | undefined;
  private inFlight: { id: number; from: number; to: number; timer: ReturnType<typeof setTimeout> } | undefined;
  private nextId = 1;
  private stopped = false;

  constructor(
    private readonly search: LogSearch,
    private readonly store: LogLineStore,
    private readonly events: RegexScanEvents,
    private readonly createWorker: () => RegexWorker = createRegexWorker,
    private readonly deadlineMs = SLICE_DEADLINE_MS,
  ) {}

  /** Searches the lines not searched yet; call again when lines arrive. */
  kick(): void {
    if (this.stopped || this.inFlight) return;
    this.search.prune(this.store.firstSeq);
    const from = Math.max(this.search.scanned, this.store.firstSeq);
    const to = Math.min(this.store.endSeq, from + SLICE_LINES);
    if (from >= to) return this.events.scanning(false);
    const worker = this.ensureWorker();
    if (!worker) return;
    const texts = new Array<string>(to - from);
    for (let seq = from; seq < to; seq++) texts[seq - from] = this.store.plain(seq);
    const id = this.nextId++;
    const timer = setTimeout(() => this.onDeadline(), this.deadlineMs);
    this.inFlight = { id, from, to, timer };
    this.events.scanning(true);
    const { source, flags } = this.search.query.test;
    worker.postMessage({ id, source, flags, firstSeq: from, joined: texts.join('\n') });
  }

  dispose(): void {
    this.stopped = true;
    if (this.inFlight) clearTimeout(this.inFlight.timer);
    this.inFlight = undefined;
    this.worker?.terminate();
    this.worker = undefined;
  }

  private ensureWorker(): RegexWorker | undefined {
    if (this.worker) return this.worker;
    try {
      this.worker = this.createWorker();
    } catch {
      this.fail();
      return undefined;
    }
    this.worker.onmessage = (event) => this.onAnswer(event.data);
    this.worker.onerror = () => this.fail();
    return this.worker;
  }

  private onAnswer(result: RegexSliceResult): void {
    const flight = this.inFlight;
    if (this.stopped || !flight || result.id !== flight.id) return;
    clearTimeout(flight.timer);
    this.inFlight = undefined;
    this.search.record(this.store, flight.from, flight.to, result.matches);
    this.events.progress();
    this.kick();
  }

  private onDeadline(): void {
    const flight = this.inFlight;
    if (!flight || this.stopped) return;
    this.dispose();
    this.events.scanning(false);
    this.events.tooSlow(flight.from, flight.to);
  }

  private fail(): void {
    if (this.stopped) return;
    this.dispose();
    this.events.unavailable();
  }
}
