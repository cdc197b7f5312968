import { describe, expect, it } from 'vitest';
import { allLines, fixedGeometry, MAX_SCROLL_PX, projectedLines, scrollMap, WrapGeometry } from '../../../src/renderer/features/logs/layout';
import { LogLineStore } from '../../../src/renderer/features/logs/lineStore';
import { GAP } from '../../../src/renderer/features/logs/search';

function storeOf(texts: string[], maxLines?: number): LogLineStore {
  const store = new LogLineStore(maxLines ? { maxLines } : {});
  store.append(texts.map((text) => ({ stream: 'stdout' as const, text })));
  return store;
}

describe('log view geometry', () => {
  it('places fixed-height rows and finds the row at a pixel', () => {
    const geometry = fixedGeometry(1_000_000, 18);
    expect(geometry.total).toBe(18_000_000);
    expect(geometry.indexAt(18 * 500_000 + 5)).toBe(500_000);
    expect(geometry.indexAt(1e12)).toBe(999_999);
  });

  it('gives wrapped lines as many visual lines as their columns need', () => {
    const store = storeOf(['short', 'x'.repeat(25), '', 'a\tb'.repeat(3)]);
    const geometry = new WrapGeometry().update(store, allLines(store), false, 10, 18);
    expect([0, 1, 2, 3].map((i) => geometry.height(i))).toEqual([18, 54, 18, 54]);
    expect(geometry.total).toBe(144);
    expect(geometry.indexAt(20)).toBe(1);
    expect(geometry.indexAt(75)).toBe(2);
  });

  it('extends while lines are appended and rebuilds when the oldest leave', () => {
    const store = storeOf(['a', 'b'], 3);
    const geometry = new WrapGeometry();
    geometry.update(store, allLines(store), false, 10, 18);
    store.append([{ stream: 'stdout', text: 'y'.repeat(15) }]);
    expect(geometry.update(store, allLines(store), false, 10, 18).total).toBe(72);
    store.append([{ stream: 'stdout', text: 'z' }]);
    expect(geometry.update(store, allLines(store), false, 10, 18).total).toBe(72);
    expect([geometry.offset(1), geometry.offset(2)]).toEqual([18, 54]);
  });

  it('maps a log taller than a browser allows onto a shorter scroll range, both ways', () => {
    const map = scrollMap(50_000_000, 800);
    expect(map.physical).toBe(MAX_SCROLL_PX);
    expect(map.toVirtual(MAX_SCROLL_PX - 800)).toBeCloseTo(50_000_000 - 800, 3);
    expect(map.toPhysical(map.toVirtual(123_456))).toBeCloseTo(123_456, 6);
    expect(scrollMap(1000, 800).toVirtual(100)).toBe(100);
  });

  it('finds lines in the filter projection across gaps', () => {
    const rows = projectedLines([1, 2, 3, GAP, 9, 10, GAP, 20]);
    expect(rows.indexOf(9)).toBe(4);
    expect(rows.indexOf(20)).toBe(7);
    expect(rows.indexOf(5)).toBe(4);
    expect(rows.seqAt(3)).toBe(GAP);
  });
});
