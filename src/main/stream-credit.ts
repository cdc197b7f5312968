/**
 * Whether a stream's producer should wait. Two things hold it back: the subscriber is too many
 * data frames behind in its acknowledgements (the app's own transports acknowledge once the
 * renderer has taken a frame in), or the transport's pipe to the subscriber is full (browser
 * mode: the WebSocket's unsent backlog), whatever the subscriber said about acknowledging.
 * Producers that can pause (the log reader) stop reading from the engine while either holds and
 * read again once both have cleared (acknowledgements: once half of the limit has been taken in),
 * so a huge log never piles up in memory between the engine and a busy or silent subscriber.
 * Subscribers that do not acknowledge have no frame limit, only the pipe's.
 */
export class StreamCredit {
  private unacked = 0;
  private isBehind = false;
  private pipeIsFull = false;
  private readonly drainListeners: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  /** Counts a frame about to be delivered (before, so an acknowledgement made while taking it in counts). */
  sending(): void {
    this.unacked += 1;
    if (this.unacked >= this.limit) this.isBehind = true;
  }

  /** The producer should wait: `limit` frames behind (until half are acknowledged), or the pipe is full. */
  get behind(): boolean {
    return this.isBehind || this.pipeIsFull;
  }

  acknowledge(count: number): void {
    this.unacked = Math.max(0, this.unacked - count);
    if (this.isBehind && this.unacked <= this.limit / 2) {
      this.isBehind = false;
      if (!this.pipeIsFull) this.drained();
    }
  }

  /** The transport's pipe to the subscriber is full (true) or has room again (false). */
  setPipeFull(full: boolean): void {
    if (this.pipeIsFull === full) return;
    this.pipeIsFull = full;
    if (!full && !this.isBehind) this.drained();
  }

  onDrain(listener: () => void): void {
    this.drainListeners.push(listener);
  }

  private drained(): void {
    for (const listener of this.drainListeners) listener();
  }
}
