import { describe, expect, it } from 'vitest';
import { StreamCredit } from '../../src/main/stream-credit';

function send(credit: StreamCredit, frames: number): boolean[] {
  return Array.from({ length: frames }, () => {
    credit.sending();
    return credit.behind;
  });
}

describe('StreamCredit', () => {
  it('is behind at the limit and drains once half of it is acknowledged', () => {
    const credit = new StreamCredit(4);
    let drains = 0;
    credit.onDrain(() => (drains += 1));
    expect(send(credit, 5)).toEqual([false, false, false, true, true]); // the 5th: a forced frame (the end)
    credit.acknowledge(2);
    expect([credit.behind, drains]).toEqual([true, 0]); // 3 unacknowledged: more than half the limit
    credit.acknowledge(1);
    expect([credit.behind, drains]).toEqual([false, 1]);
    credit.acknowledge(100); // more than was sent: never below zero
    expect(send(credit, 4)).toEqual([false, false, false, true]);
  });

  it('counts an acknowledgement made while the frame is taken in (a synchronous subscriber)', () => {
    const credit = new StreamCredit(2);
    for (let i = 0; i < 10; i++) {
      credit.sending();
      credit.acknowledge(1);
      expect(credit.behind).toBe(false);
    }
  });

  it('is never behind without a limit, and does not drain without having been behind', () => {
    const credit = new StreamCredit(Infinity);
    let drains = 0;
    credit.onDrain(() => (drains += 1));
    expect(send(credit, 1000).some(Boolean)).toBe(false);
    credit.acknowledge(1000);
    expect(drains).toBe(0);
  });

  it('is behind while the pipe is full, acknowledging or not, and drains once both have cleared', () => {
    const credit = new StreamCredit(Infinity);
    let drains = 0;
    credit.onDrain(() => (drains += 1));
    credit.sending();
    credit.setPipeFull(true);
    expect(credit.behind).toBe(true);
    credit.acknowledge(1); // no frame limit: acknowledging does not empty the pipe
    expect([credit.behind, drains]).toEqual([true, 0]);
    credit.setPipeFull(false);
    expect([credit.behind, drains]).toEqual([false, 1]);
    credit.setPipeFull(false);
    expect(drains).toBe(1);

    const limited = new StreamCredit(2);
    let limitedDrains = 0;
    limited.onDrain(() => (limitedDrains += 1));
    send(limited, 2);
    limited.setPipeFull(true);
    limited.acknowledge(2); // acknowledged, but the pipe is still full
    expect([limited.behind, limitedDrains]).toEqual([true, 0]);
    limited.setPipeFull(false);
    expect([limited.behind, limitedDrains]).toEqual([false, 1]);
  });
});
