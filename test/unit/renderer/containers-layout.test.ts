// How the containers list shares its width between columns, how the detail tabs fit one row, and
// when a container's "Stopping…" ends and what it may still be sent.
import { describe, expect, it } from 'vitest';
import { fitColumns, type ColumnNeed } from '../../../src/renderer/features/containers/column-widths';
import { conflicts, secondsBeforeKill, settle, type Transition } from '../../../src/renderer/features/containers/transitions';
import { fitTabs } from '../../../src/renderer/features/containers/detail/fit-tabs';

const need = (want: number, tier: number, grows = false): ColumnNeed => ({ want, min: 50, max: 300, tier, ...(grows ? { grows } : {}) });

describe('fitColumns', () => {
  it('gives every column what it wants and the rest to the growing ones', () => {
    expect(fitColumns([need(100, 0, true), need(120, 1, true), need(80, 2)], 400)).toEqual([150, 170, 80]);
  });

  it('keeps wants within their bounds', () => {
    expect(fitColumns([need(10, 0), need(1000, 1)], 1000)).toEqual([50, 300]);
  });

  it('shrinks the lowest tier first, and the next only when that is at its minimum', () => {
    expect(fitColumns([need(200, 0), need(200, 1), need(100, 2)], 440)).toEqual([140, 200, 100]);
    expect(fitColumns([need(200, 0), need(200, 1), need(100, 2)], 300)).toEqual([50, 150, 100]);
  });

  it('stops at the minimums (the row overflows instead)', () => {
    expect(fitColumns([need(200, 0), need(200, 1)], 10)).toEqual([50, 50]);
  });
});

describe('fitTabs', () => {
  const widths = [100, 100, 100, 100, 100];

  it('shows every tab when they all fit', () => {
    expect(fitTabs(widths, 60, 500, 0)).toEqual([true, true, true, true, true]);
  });

  it('shows the first ones that fit beside More, and always the chosen one', () => {
    expect(fitTabs(widths, 60, 400, 0)).toEqual([true, true, true, false, false]);
    expect(fitTabs(widths, 60, 400, 4)).toEqual([true, true, false, false, true]);
  });
});

describe('transitions', () => {
  const stop: Transition = { action: 'stop', since: 1_000, timeoutSeconds: 10, token: 1 };

  it('counts down to the kill, rounding up, never below zero', () => {
    expect(secondsBeforeKill(stop, 1_000)).toBe(10);
    expect(secondsBeforeKill(stop, 3_500)).toBe(8);
    expect(secondsBeforeKill(stop, 60_000)).toBe(0);
    expect(secondsBeforeKill({ action: 'pause', since: 0, token: 2 }, 5)).toBeUndefined();
  });

  it('lets only Kill through while a stop or restart waits, and everything once the engine answered', () => {
    expect(conflicts('start', stop)).toBe(true);
    expect(conflicts('remove', stop)).toBe(true);
    expect(conflicts('kill', stop)).toBe(false);
    expect(conflicts('kill', { ...stop, action: 'pause' })).toBe(true);
    expect(conflicts('remove', { ...stop, answeredAt: 5 })).toBe(false);
    expect(conflicts('stop', undefined)).toBe(false);
  });

  it('ends a transition only with a list requested after the engine answered', () => {
    const map = new Map<string, Transition>([
      ['waiting', stop],
      ['answered', { ...stop, answeredAt: 50 }],
    ]);
    expect([...settle(map, 40).keys()]).toEqual(['waiting', 'answered']);
    expect(settle(map, 40)).toBe(map);
    expect([...settle(map, 60).keys()]).toEqual(['waiting']);
  });
});
