/** A fixed-size buffer that keeps the newest `capacity` items, overwriting the oldest. */
export class RingBuffer<T> {
  private readonly items: (T | undefined)[];
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('A ring buffer needs a capacity of at least 1.');
    this.items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  push(item: T): void {
    const end = (this.start + this.count) % this.capacity;
    this.items[end] = item;
    if (this.count < this.capacity) this.count += 1;
    else this.start = (this.start + 1) % this.capacity;
  }

  /** The newest item, if any. */
  last(): T | undefined {
    return this.count === 0 ? undefined : this.items[(this.start + this.count - 1) % this.capacity];
  }

  /** Oldest first. */
  toArray(): T[] {
    const out = new Array<T>(this.count);
    for (let i = 0; i < this.count; i += 1) out[i] = this.items[(this.start + i) % this.capacity] as T;
    return out;
  }

  /** Oldest first, only the items `keep` accepts: the tail of a time window without copying the rest. */
  since(keep: (item: T) => boolean): T[] {
    let first = 0;
    while (first < this.count && !keep(this.items[(this.start + first) % this.capacity] as T)) first += 1;
    const out: T[] = [];
    for (let i = first; i < this.count; i += 1) out.push(this.items[(this.start + i) % this.capacity] as T);
    return out;
  }

  /** A buffer of `capacity` holding the newest of these items, oldest first. */
  resized(capacity: number): RingBuffer<T> {
    const next = new RingBuffer<T>(capacity);
    for (const item of this.toArray().slice(-capacity)) next.push(item);
    return next;
  }
}
