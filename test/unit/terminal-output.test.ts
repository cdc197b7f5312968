import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutputStream } from '../../src/shared/types/terminal';
import { OutputBatcher } from '../../src/main/engine/terminal-output';

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
    expect(frames).toEqual([['tty', 'ab'], ['tty', 'c']]);
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
    expect(frames).toEqual([['tty', 'x'.repeat(12)], ['tty', 'yyyyy']]);
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
    expect(frames).toEqual([['stdout', '12'], ['stderr', '3'], ['stdout', '4']]);
  });

  it('sends a frame as soon as it reaches maxFrameBytes', () => {
    vi.useFakeTimers();
    const { b, frames } = batcher({ maxFrameBytes: 4 });
    b.push('tty', Buffer.from('x'));
    b.push('tty', Buffer.from('yyyy'));
    expect(frames).toEqual([['tty', 'xyyyy']]);
    b.dispose();
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
});
