/**
 * How far a stream's subscriber is behind, in data frames it has not acknowledged. Subscribers that
 * acknowledge (the app's own transports, after the renderer has taken a frame in) get a limit;
 * producers that can pause (the log reader) stop reading from the engine once it is reached and
 * read again when half of it has been taken in, so a huge log never piles up in memory between
 * the engine and a busy renderer. Subscribers that do not acknowledge have no limit.
 */
export class StreamCredit {
  private unacked = 0;
  private isBehind = false;
  private readonly drainListeners: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  /** Counts a frame about to be delivered (before, so an acknowledgement made while taking it in counts). */
  sending(): void {
    this.unacked += 1;
    if (this.unacked >= this.limit) this.isBehind = true;
  }

  /** The subscriber is `limit` frames behind; it stays so until half of them are acknowledged. */
  get behind(): boolean {
    return this.isBehind;
  }

  acknowledge(count: number): void {
    this.unacked = Math.max(0, this.unacked - count);
    if (this.isBehind && this.unacked <= this.limit / 2) {
      this.isBehind = false;
      for (const listener of this.drainListeners) listener();
    }
  }

  onDrain(listener: () => void): void {
    this.drainListeners.push(listener);
  }
}
