// The containers grid's one Tab stop: which row holds it as the list changes, and that the focused
// row stays rendered (so its focus survives) while the virtual window is elsewhere.
import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../src/shared/types/containers';
import { rangeWith, resolveStop } from '../../../src/renderer/features/containers/useGridKeys';
import { HEADER_ROW, type RowFocus } from '../../../src/renderer/features/containers/useRowFocus';

const list = (...ids: string[]): ContainerSummary[] => ids.map((id) => ({ id }) as ContainerSummary);
const focus = (focusedId: string | undefined, column = 0): RowFocus => ({ focusedId, column, setFocus: () => undefined });

describe('resolveStop', () => {
  it('starts on the first row itself', () => {
    expect(resolveStop(list('a', 'b'), focus(undefined), 0)).toEqual({ id: 'a', index: 0, column: 0 });
  });

  it('follows the focused container wherever sorting puts it, on the same control', () => {
    expect(resolveStop(list('c', 'a', 'b'), focus('b', 3), 0)).toEqual({ id: 'b', index: 2, column: 3 });
  });

  it('gives a removed row’s stop to the row now in its place, or the last row', () => {
    expect(resolveStop(list('a', 'c', 'd'), focus('b', 2), 1)).toEqual({ id: 'c', index: 1, column: 0 });
    expect(resolveStop(list('a'), focus('z', 2), 5)).toEqual({ id: 'a', index: 0, column: 0 });
  });

  it('is on the header row when asked, or when the list is empty', () => {
    expect(resolveStop(list('a'), focus(HEADER_ROW, 2), 0)).toEqual({ id: HEADER_ROW, index: -1, column: 2 });
    expect(resolveStop(list(), focus('a', 1), 0)).toEqual({ id: HEADER_ROW, index: -1, column: 0 });
  });
});

describe('rangeWith', () => {
  const range = { startIndex: 0, endIndex: 9, overscan: 0, count: 40 };

  it('adds the focused row to the rows in view, in order', () => {
    const indexes = rangeWith(30)(range);
    expect(indexes).toContain(30);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    expect(indexes).toHaveLength(11);
  });

  it('adds nothing when the focused row is in view, on the header, or no longer listed', () => {
    expect(rangeWith(3)(range)).toHaveLength(10);
    expect(rangeWith(-1)(range)).toHaveLength(10);
    expect(rangeWith(40)(range)).toHaveLength(10);
  });
});
