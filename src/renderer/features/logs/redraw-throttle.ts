/** What the throttle needs from the page; tests give it a fake clock and frame queue. */
export interface FrameClock {
  requestFrame(callback: () => void): number;
  cancelFrame(handle: number): void;
  now(): number;
}

const pageClock: FrameClock = {
  requestFrame: (callback) => requestAnimationFrame(callback),
  cancelFrame: (handle) => cancelAnimationFrame(handle),
  now: () => performance.now(),
};

/**
 * Turns a stream of "changed" calls into redraws: the first change after a quiet spell is drawn
 * at the next frame, later ones at most every `minIntervalMs`, never two for one change.
 */
export class RedrawThrottle {
  private frame = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastRedraw = -Infinity;

  constructor(
    private readonly redraw: () => void,
    private readonly minIntervalMs: number,
    private readonly clock: FrameClock = pageClock,
  ) {}

  changed(): void {
    if (this.frame || this.timer !== undefined) return;
    const wait = this.lastRedraw + this.minIntervalMs - this.clock.now();
    if (wait <= 0) this.frame = this.clock.requestFrame(this.run);
    else
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.frame = this.clock.requestFrame(this.run);
      }, wait);
  }

  /** Draws now (e.g. when the view is shown again). */
  flush(): void {
    this.dispose();
    this.run();
  }

  dispose(): void {
    if (this.frame) this.clock.cancelFrame(this.frame);
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.frame = 0;
    this.timer = undefined;
  }

  private readonly run = (): void => {
    this.frame = 0;
    this.lastRedraw = this.clock.now();
    this.redraw();
  };
}
