import { afterEach, describe, expect, it, vi } from 'vitest';
import { RedrawThrottle, type FrameClock } from '../../../src/renderer/features/logs/redraw-throttle';

/** Frames run when the test says; time is vitest's fake clock. */
function fakeFrames(): FrameClock & { runFrame(): void } {
  let next = 1;
  const queued = new Map<number, () => void>();
  return {
    requestFrame: (callback) => (queued.set(next, callback), next++),
    cancelFrame: (handle) => void queued.delete(handle),
    now: () => Date.now(),
    runFrame() {
      const callbacks = [...queued.values()];
      queued.clear();
      for (const callback of callbacks) callback();
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

/** A throttle at 100 ms on fake timers and frames, counting its redraws. */
function throttled() {
  vi.useFakeTimers();
  const clock = fakeFrames();
  let count = 0;
  const throttle = new RedrawThrottle(() => (count += 1), 100, clock);
  return { clock, throttle, redraws: () => count };
}

describe('RedrawThrottle', () => {
  it('draws the first change at the next frame, and many changes in one frame once', () => {
    const { clock, throttle, redraws } = throttled();
    throttle.changed();
    throttle.changed();
    throttle.changed();
    expect(redraws()).toBe(0);
    clock.runFrame();
    expect(redraws()).toBe(1);
    clock.runFrame();
    expect(redraws()).toBe(1);
  });

  it('under a flood draws at most once per interval, and always draws the last change', () => {
    const { clock, throttle, redraws } = throttled();
    // 1 s of changes every 5 ms, with a frame every 16 ms.
    for (let t = 0; t < 1000; t += 1) {
      if (t % 5 === 0) throttle.changed();
      if (t % 16 === 0) clock.runFrame();
      vi.advanceTimersByTime(1);
    }
    expect(redraws()).toBeGreaterThanOrEqual(9);
    expect(redraws()).toBeLessThanOrEqual(11);
    const before = redraws();
    throttle.changed();
    vi.advanceTimersByTime(100);
    clock.runFrame();
    expect(redraws()).toBe(before + 1);
  });

  it('flush draws at once; dispose drops what was pending', () => {
    const { clock, throttle, redraws } = throttled();
    throttle.flush();
    expect(redraws()).toBe(1);
    throttle.changed(); // within the interval: waits on a timer
    throttle.dispose();
    vi.advanceTimersByTime(500);
    clock.runFrame();
    expect(redraws()).toBe(1);
  });
});
