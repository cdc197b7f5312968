import { isTopic, streams } from './contract';
import type { BerthErrorShape } from './errors';
import type { StreamFrame, WsClientFrame } from './transport';

/** What a stream that must not run twice (a terminal session) ends with when the connection drops. */
export const CONNECTION_LOST_ERROR: BerthErrorShape = {
  code: 'CONNECTION_LOST',
  message: 'The connection to Berth was lost. This session was not restarted, so nothing in it ran twice; start it again if you want to.',
};

interface Subscription {
  readonly topic: string;
  readonly input: unknown;
  readonly onFrame: (frame: StreamFrame) => void;
  /** Its subscribe message went out on the current connection (not just waiting for the next one). */
  sent: boolean;
}

/**
 * The renderer's half of a stream connection, the twin of main's StreamSession: it numbers the
 * streams it opens, hands each frame to its listener, acknowledges every data frame once the
 * listener has taken it in (main's flow control waits for that), and forgets a stream at its end.
 * The preload sends its messages over Electron IPC, browser mode over the WebSocket; `send` says
 * whether a message went out (false while browser mode's socket is down: the stream then waits
 * for `resubscribe`).
 */
export class StreamClient {
  private readonly open = new Map<string, Subscription>();
  private nextId = 0;

  constructor(
    private readonly send: (message: WsClientFrame) => boolean,
    private readonly idPrefix: string,
  ) {}

  /** Streams open, sent or waiting. */
  get size(): number {
    return this.open.size;
  }

  /** Opens a stream; the result closes it (in main too). */
  subscribe(topic: string, input: unknown, onFrame: (frame: StreamFrame) => void): () => void {
    this.nextId += 1;
    const id = `${this.idPrefix}${this.nextId}`;
    const subscription: Subscription = { topic, input, onFrame, sent: false };
    this.open.set(id, subscription);
    this.sendSubscribe(id, subscription);
    return () => {
      const known = this.open.get(id);
      if (!known) return;
      this.open.delete(id);
      if (known.sent) this.send({ type: 'unsubscribe', id });
    };
  }

  /** A frame main sent for stream `id`; frames of streams this side closed are dropped. */
  deliver(id: string, frame: StreamFrame): void {
    const subscription = this.open.get(id);
    if (!subscription) return;
    if (frame.kind !== 'data') this.open.delete(id);
    subscription.onFrame(frame);
    // Taken in: main may send more of a paused stream (flow control, see src/main/stream-credit.ts).
    if (frame.kind === 'data') this.send({ type: 'ack', id, count: 1 });
  }

  /**
   * The connection dropped: streams the contract marks resumable wait for the next one; the others
   * (terminal sessions, whose subscription runs something) end now with CONNECTION_LOST.
   */
  connectionLost(): void {
    for (const [id, subscription] of [...this.open]) {
      if (!subscription.sent) continue;
      subscription.sent = false;
      if (isTopic(subscription.topic) && streams[subscription.topic].resumable) continue;
      this.open.delete(id);
      subscription.onFrame({ kind: 'error', error: CONNECTION_LOST_ERROR });
    }
  }

  /** A (new) connection is up: every stream still waiting subscribes on it. */
  resubscribe(): void {
    for (const [id, subscription] of this.open) if (!subscription.sent) this.sendSubscribe(id, subscription);
  }

  private sendSubscribe(id: string, subscription: Subscription): void {
    subscription.sent = this.send({ type: 'subscribe', id, topic: subscription.topic, input: subscription.input, acknowledges: true });
  }
}
