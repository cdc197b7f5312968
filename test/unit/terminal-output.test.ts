import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutputStream } from '../../src/shared/types/terminal';
import { OutputBatcher } from '../../src/main/engine/terminal/output';

afterEach(() => {
  vi.useRealTimers();
});

function batcher(options: Partial<ConstructorParameters<typeof OutputBatcher>[0]> = {}) {
  const frames: Array<[OutputStream, string]> = [];
  const pressure: boolean[] = [];
  const b = new OutputBatcher({
    emit: (stream, data) => frames.push([stream, data.toString()]),
    onPressure: (paused) => pressure.push(paused),
    ...options,
  });
  return { b, frames, pressure };
}

describe('OutputBatcher', () => {
  it('sends light output at the end of the event-loop turn it arrived in (echo is not delayed)', () => {
    vi.useFakeTimers();
    const { b, frames } = batcher();
    b.push('tty', Buffer.from('a'));
    b.push('tty', Buffer.from('b'));
    expect(frames).toEqual([]);
    vi.advanceTimersToNextTimer(); // setImmediate, not the 16 ms window
    expect(frames).toEqual([['tty', 'ab']]);
    b.push('tty', Buffer.from('c'));
    vi.advanceTimersToNextTimer();
    expect(frames).toEqual([
      ['tty', 'ab'],
      ['tty', 'c'],
    ]);
    b.dispose();
  });

  it('under a flood, coalesces into one frame per window', () => {
    vi.useFakeTimers();
    const { b, frames } = batcher({ bulkBytes: 10, windowMs: 16 });
    b.push('tty', Buffer.alloc(12, 'x'));
    vi.advanceTimersToNextTimer();
    expect(frames).toHaveLength(1);
    for (let i = 0; i < 5; i++) b.push('tty', Buffer.from('y'));
    vi.advanceTimersByTime(1);
    expect(frames).toHaveLength(1);
    vi.advanceTimersByTime(16);
    expect(frames).toEqual([
      ['tty', 'x'.repeat(12)],
      ['tty', 'yyyyy'],
    ]);
    b.dispose();
  });

  it('never mixes streams in a frame and keeps their order', () => {
    vi.useFakeTimers();
    const { b, frames } = batcher();
    b.push('stdout', Buffer.from('1'));
    b.push('stdout', Buffer.from('2'));
    b.push('stderr', Buffer.from('3'));
    b.push('stdout', Buffer.from('4'));
    b.finish();
    expect(frames).toEqual([
      ['stdout', '12'],
      ['stderr', '3'],
      ['stdout', '4'],
    ]);
  });

  it('sends a frame as soon as it reaches maxFrameBytes, and never a bigger one', () => {
    vi.useFakeTimers();
    const { b, frames } = batcher({ maxFrameBytes: 4 });
    b.push('tty', Buffer.from('x'));
    b.push('tty', Buffer.from('yyyy'));
    expect(frames).toEqual([
      ['tty', 'xyyy'],
      ['tty', 'y'],
    ]);
    b.dispose();
  });

  it('holds what arrives while paused, so in flight stays within highWater + one frame', () => {
    vi.useFakeTimers();
    const { b, frames, pressure } = batcher({ highWater: 10, lowWater: 4, maxFrameBytes: 6 });
    b.push('tty', Buffer.alloc(30, 'a')); // one engine chunk bigger than several frames
    vi.advanceTimersByTime(100);
    expect(pressure).toEqual([true]);
    expect(b.inFlight).toBe(12);
    expect(frames.map(([, d]) => d.length)).toEqual([6, 6]);
    b.push('tty', Buffer.alloc(5, 'b')); // delivered by the engine just after the pause
    vi.advanceTimersByTime(100);
    expect(b.inFlight).toBe(12);
    b.acknowledge(8); // down to the low-water mark: resume and send what waited, frame by frame
    vi.advanceTimersByTime(100);
    expect(pressure).toEqual([true, false, true]);
    expect(b.inFlight).toBe(16);
    b.finish(); // the session's end sends the rest, paused or not
    expect(frames.map(([, d]) => d).join('')).toBe('a'.repeat(30) + 'b'.repeat(5));
    expect(b.inFlight).toBe(35 - 8);
  });

  it('pauses above the high-water mark until enough is acknowledged', () => {
    vi.useFakeTimers();
    const { b, pressure } = batcher({ highWater: 10, lowWater: 4 });
    b.push('tty', Buffer.alloc(8));
    vi.advanceTimersToNextTimer();
    expect(pressure).toEqual([]);
    b.push('tty', Buffer.alloc(8));
    vi.advanceTimersByTime(20);
    expect(pressure).toEqual([true]);
    expect(b.inFlight).toBe(16);
    b.acknowledge(8);
    expect(pressure).toEqual([true]);
    b.acknowledge(8);
    expect(pressure).toEqual([true, false]);
    b.dispose();
  });

  it("keeps each stream's bytes apart and in order while paused", () => {
    vi.useFakeTimers();
    const { b, frames, pressure } = batcher({ highWater: 4, lowWater: 0, maxFrameBytes: 8 });
    b.push('stdout', Buffer.from('12345'));
    vi.advanceTimersByTime(20);
    expect(pressure).toEqual([true]);
    b.push('stdout', Buffer.from('a'));
    b.push('stderr', Buffer.from('E'));
    b.push('stdout', Buffer.from('b'));
    vi.advanceTimersByTime(20);
    expect(frames).toEqual([['stdout', '12345']]);
    b.acknowledge(5);
    vi.advanceTimersByTime(20);
    expect(frames).toEqual([
      ['stdout', '12345'],
      ['stdout', 'a'],
      ['stderr', 'E'],
      ['stdout', 'b'],
    ]);
    b.dispose();
  });
});
