// Geometry of the virtualized log view: where each row starts, in "virtual" pixels, and how
// those map onto the scroll container's real pixels (browsers cap an element's height at a few
// tens of millions of pixels, so very tall logs are scaled onto a shorter scroll range).
import { GAP } from './search';
import type { LogLineStore } from './lineStore';

/** Stay well under every browser's maximum element height. */
export const MAX_SCROLL_PX = 15_000_000;

/** The rows shown: every line in the store, or the filter's projection (sequence numbers and GAPs). */
export interface RowSource {
  readonly count: number;
  /** Sequence number of row `index`, or GAP. */
  seqAt(index: number): number;
  /** Row index of line `seq`, or the index of the first row after it when it is not shown. */
  indexOf(seq: number): number;
}

export function allLines(store: LogLineStore): RowSource {
  const first = store.firstSeq;
  return {
    count: store.size,
    seqAt: (index) => first + index,
    indexOf: (seq) => Math.max(0, seq - first),
  };
}

export function projectedLines(rows: readonly number[]): RowSource {
  return {
    count: rows.length,
    seqAt: (index) => rows[index] ?? GAP,
    indexOf(seq) {
      let lo = 0;
      let hi = rows.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        let value = rows[mid]!;
        // A gap sorts just after the line before it.
        if (value === GAP) value = (rows[mid - 1] ?? -1) + 0.5;
        if (value < seq) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
}

/** Row offsets: fixed height when not wrapping; prefix sums of wrapped heights otherwise. */
export interface RowGeometry {
  readonly total: number;
  offset(index: number): number;
  height(index: number): number;
  /** The row at virtual pixel `y`. */
  indexAt(y: number): number;
}

export function fixedGeometry(count: number, lineHeight: number): RowGeometry {
  return {
    total: count * lineHeight,
    offset: (index) => index * lineHeight,
    height: () => lineHeight,
    indexAt: (y) => Math.max(0, Math.min(count - 1, Math.floor(y / lineHeight))),
  };
}

/**
 * Wrapped rows in a monospace font with `break-all` wrapping: a line of w columns takes
 * ceil(w / columns) visual lines. Kept between renders and extended while lines are only
 * appended (follow), rebuilt when anything else changes.
 */
export class WrapGeometry implements RowGeometry {
  private offsets = new Float64Array(1024);
  private built = 0;
  private key = '';

  update(store: LogLineStore, rows: RowSource, projected: boolean, columns: number, lineHeight: number): this {
    const key = `${projected ? 'p' : 'a'}:${store.firstSeq}:${columns}:${lineHeight}`;
    if (key !== this.key || projected || rows.count < this.built) {
      this.key = key;
      this.built = 0;
    }
    if (this.offsets.length < rows.count + 1) {
      const grown = new Float64Array(Math.max(rows.count + 1, this.offsets.length * 2));
      grown.set(this.offsets.subarray(0, this.built + 1));
      this.offsets = grown;
    }
    const perColumn = 1 / Math.max(1, columns);
    for (let index = this.built; index < rows.count; index++) {
      const seq = rows.seqAt(index);
      const lines = seq === GAP ? 1 : Math.max(1, Math.ceil(store.width(seq) * perColumn));
      this.offsets[index + 1] = this.offsets[index]! + lines * lineHeight;
    }
    this.built = rows.count;
    return this;
  }

  get total(): number {
    return this.offsets[this.built] ?? 0;
  }

  offset(index: number): number {
    return this.offsets[Math.max(0, Math.min(index, this.built))] ?? 0;
  }

  height(index: number): number {
    return this.offset(index + 1) - this.offset(index);
  }

  indexAt(y: number): number {
    let lo = 0;
    let hi = this.built;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.offsets[mid + 1]! <= y) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(lo, Math.max(0, this.built - 1));
  }
}

/** Maps virtual pixels (the whole log's height) onto the scroll container's real range. */
export interface ScrollMap {
  /** Height of the scrolled content, in real pixels. */
  readonly physical: number;
  toVirtual(scrollTop: number): number;
  toPhysical(virtualTop: number): number;
}

export function scrollMap(total: number, viewport: number): ScrollMap {
  if (total <= MAX_SCROLL_PX) return { physical: total, toVirtual: (top) => top, toPhysical: (top) => top };
  const scale = (total - viewport) / Math.max(1, MAX_SCROLL_PX - viewport);
  return {
    physical: MAX_SCROLL_PX,
    toVirtual: (top) => top * scale,
    toPhysical: (top) => top / scale,
  };
}
