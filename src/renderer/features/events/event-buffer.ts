import type { EngineEvent } from '../../../shared/types/events';

/** How many events a view keeps; older ones are dropped (and counted). */
export const EVENT_CAP = 5_000;

export interface EventBuffer {
  /** Oldest first. */
  events: EngineEvent[];
  /** How many older events were dropped to stay within the cap. */
  dropped: number;
}

export const EMPTY_BUFFER: EventBuffer = { events: [], dropped: 0 };

/** Appends a batch, keeping at most `cap` events (the newest). */
export function appendEvents(buffer: EventBuffer, batch: readonly EngineEvent[], cap = EVENT_CAP): EventBuffer {
  if (batch.length === 0) return buffer;
  const combined = buffer.events.concat(batch);
  const excess = Math.max(0, combined.length - cap);
  return { events: excess ? combined.slice(excess) : combined, dropped: buffer.dropped + excess };
}

/** Epoch milliseconds of an event (timeNano is a decimal string of nanoseconds). */
export function eventTimeMs(event: EngineEvent): number {
  try {
    return Number(BigInt(event.timeNano) / 1_000_000n);
  } catch {
    return 0;
  }
}
