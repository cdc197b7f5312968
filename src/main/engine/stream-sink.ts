import type { BerthErrorShape } from '../../shared/errors';

/** Where a stream's producer in the engine layer writes; the transport behind it is not its concern. */
export interface StreamSink<M> {
  data(message: M): void;
  error(error: BerthErrorShape): void;
  end(): void;
}

/** Stops a stream and releases its engine connection. Safe to call more than once. */
export type StreamDisposer = () => void;
