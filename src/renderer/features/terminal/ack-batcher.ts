/** Acknowledge at least this much at once, or whatever was drawn after a short pause. */
const ACK_BYTES = 256 * 1024;
const ACK_DELAY_MS = 100;

/** Tells main how much output has been drawn, in few commands (main pauses the engine read when too much is not). */
export class AckBatcher {
  private pending = 0;
  private timer: number | undefined;

  constructor(private readonly send: (bytes: number) => void) {}

  add(bytes: number): void {
    this.pending += bytes;
    if (this.pending >= ACK_BYTES) this.flush();
    else this.timer ??= window.setTimeout(() => this.flush(), ACK_DELAY_MS);
  }

  reset(): void {
    window.clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = 0;
  }

  private flush(): void {
    window.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending > 0) this.send(this.pending);
    this.pending = 0;
  }
}
