import { BerthError } from '../shared/errors';
import { isAckCount, type StreamFrame } from '../shared/transport';
import type { Dispatcher, OpenStream, SubscriberPipe } from './dispatch';

export interface StreamSessionOptions {
  /** Delivers one frame of the connection's stream `id`. */
  send(id: string, frame: StreamFrame): void;
  /** The connection's pipe, when the transport can tell it is full (browser mode's WebSocket). */
  pipe?: SubscriberPipe;
}

/**
 * The streams one connection has open (a browser-mode WebSocket, a window's webContents): both
 * transports subscribe, acknowledge, unsubscribe and close everything through this, and it
 * refuses a stream beyond the dispatcher's per-connection limit. Stream ids are the connection's
 * own; subscribing with an id that is already open does nothing.
 */
export class StreamSession {
  private readonly open = new Map<string, OpenStream>();

  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly options: StreamSessionOptions,
  ) {}

  get size(): number {
    return this.open.size;
  }

  subscribe(id: string, topic: string, input: unknown, acknowledges: boolean): void {
    if (this.open.has(id)) return;
    const max = this.dispatcher.limits.maxStreamsPerConnection;
    if (this.open.size >= max) {
      const error = new BerthError(
        'LIMIT_REACHED',
        `This window already has ${max} streams open, the most one connection may have, so no more were opened. Close some views or terminal sessions and try again.`,
      );
      this.options.send(id, { kind: 'error', error: error.toShape() });
      return;
    }
    let ended = false;
    const onFrame = (frame: StreamFrame): void => {
      if (frame.kind !== 'data') {
        ended = true;
        this.open.delete(id);
      }
      this.options.send(id, frame);
    };
    const { pipe } = this.options;
    const outcome = this.dispatcher.subscribe(topic, input, onFrame, pipe ? { acknowledges, pipe } : { acknowledges });
    if (!outcome.ok) this.options.send(id, { kind: 'error', error: outcome.error });
    else if (!ended) this.open.set(id, outcome);
  }

  /** `count` more data frames of stream `id` were taken in; anything but a positive whole number is ignored. */
  acknowledge(id: string, count: unknown): void {
    if (isAckCount(count)) this.open.get(id)?.acknowledge(count);
  }

  unsubscribe(id: string): void {
    const stream = this.open.get(id);
    this.open.delete(id);
    stream?.close();
  }

  /** The connection is gone: every stream closes in main. */
  closeAll(): void {
    const streams = [...this.open.values()];
    this.open.clear();
    for (const stream of streams) stream.close();
  }
}
