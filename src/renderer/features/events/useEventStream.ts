import { useCallback, useEffect, useRef, useState } from 'react';
import type { TopicInputOf } from '../../../shared/contract';
import type { EngineEvent } from '../../../shared/types/events';
import { useClient } from '../../api/ClientContext';
import { appendEvents, EMPTY_BUFFER, EVENT_CAP, type EventBuffer } from './event-buffer';

const FLUSH_MS = 100;

export interface EventStreamState extends EventBuffer {
  /** Events that arrived while paused, shown on resume. */
  held: number;
  error: Error | undefined;
  /** The stream ended by itself (its `until` passed). */
  ended: boolean;
  clear(): void;
  /** Subscribes again after an error. */
  reconnect(): void;
}

/**
 * `events.watch` into a bounded buffer. Bursts are applied in batches (at most every 100 ms);
 * while paused, new events are held (bounded too) and shown on resume. A new input (or
 * reconnect) starts over; unmounting closes the stream in main.
 */
export function useEventStream(input: TopicInputOf<'events.watch'>, enabled: boolean, paused: boolean): EventStreamState {
  const client = useClient();
  const [buffer, setBuffer] = useState<EventBuffer>(EMPTY_BUFFER);
  const [held, setHeld] = useState(0);
  const [error, setError] = useState<Error>();
  const [ended, setEnded] = useState(false);
  const [generation, setGeneration] = useState(0);
  const heldEvents = useRef<EngineEvent[]>([]);
  const heldDropped = useRef(0);
  const pausedRef = useRef(paused);
  pausedRef.current = paused;
  const inputKey = JSON.stringify(input);

  useEffect(() => {
    if (!enabled) return;
    setBuffer(EMPTY_BUFFER);
    setError(undefined);
    setEnded(false);
    heldEvents.current = [];
    heldDropped.current = 0;
    setHeld(0);
    let queue: EngineEvent[] = [];
    let timer: number | undefined;
    const flush = (): void => {
      timer = undefined;
      const batch = queue;
      queue = [];
      if (pausedRef.current) {
        const all = heldEvents.current.concat(batch);
        const excess = Math.max(0, all.length - EVENT_CAP);
        heldDropped.current += excess;
        heldEvents.current = excess ? all.slice(excess) : all;
        setHeld(heldEvents.current.length);
      } else {
        setBuffer((current) => appendEvents(current, batch));
      }
    };
    const unsubscribe = client.subscribe('events.watch', JSON.parse(inputKey) as TopicInputOf<'events.watch'>, {
      onMessage: (event) => {
        queue.push(event);
        timer ??= window.setTimeout(flush, FLUSH_MS);
      },
      onError: (err) => {
        flush();
        setError(err);
      },
      onEnd: () => {
        flush();
        setEnded(true);
      },
    });
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [client, inputKey, enabled, generation]);

  // Resuming shows what was held.
  useEffect(() => {
    if (paused || heldEvents.current.length === 0) return;
    const batch = heldEvents.current;
    const dropped = heldDropped.current;
    heldEvents.current = [];
    heldDropped.current = 0;
    setHeld(0);
    setBuffer((current) => {
      const next = appendEvents(current, batch);
      return { ...next, dropped: next.dropped + dropped };
    });
  }, [paused]);

  const clear = useCallback(() => {
    heldEvents.current = [];
    heldDropped.current = 0;
    setHeld(0);
    setBuffer(EMPTY_BUFFER);
  }, []);
  const reconnect = useCallback(() => setGeneration((g) => g + 1), []);

  return { ...buffer, held, error, ended, clear, reconnect };
}
