import type { BerthErrorShape } from '../../../shared/errors';

/** Where a stream's producer in the engine layer writes; the transport behind it is not its concern. */
export interface StreamSink<M> {
  /**
   * Sends one message. false: the subscriber is behind; a producer that can pause should send no
   * more (the end and errors excepted) until its `onDrain` listener runs. Others may ignore it.
   */
  data(message: M): boolean;
  onDrain(listener: () => void): void;
  error(error: BerthErrorShape): void;
  end(): void;
}

/** Stops a stream and releases its engine connection. Safe to call more than once. */
export type StreamDisposer = () => void;

/**
 * For a stream that sends a whole list each frame: while the subscriber is behind, only the newest
 * list waits to be sent (a subscriber that fell behind needs no older one).
 */
export function sendLatestOnly<M>(sink: StreamSink<M>): (message: M) => void {
  let behind = false;
  let pending: { message: M } | undefined;
  sink.onDrain(() => {
    behind = false;
    if (pending) {
      const { message } = pending;
      pending = undefined;
      behind = !sink.data(message);
    }
  });
  return (message) => {
    if (behind) pending = { message };
    else behind = !sink.data(message);
  };
}
