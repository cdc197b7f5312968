import type { WebSocket } from 'ws';
import type { WsClientFrame, WsInvokeFrame, WsResultFrame, WsServerFrame } from '../../shared/transport';
import type { Dispatcher, SubscriberPipe } from '../dispatch';
import { StreamSession } from '../stream-sessions';

/** Unsent bytes on one socket at which its pausable streams wait, and the level at which they go on. */
export const SOCKET_HIGH_WATER_BYTES = 1024 * 1024;
const SOCKET_LOW_WATER_BYTES = 256 * 1024;
/**
 * A client that lets this much pile up even so (streams that cannot pause, such as events, keep
 * coming while it reads nothing) is disconnected rather than allowed to grow main's memory.
 */
export const SOCKET_MAX_BACKLOG_BYTES = 64 * 1024 * 1024;

/**
 * The socket's own backlog as the dispatcher's pipe: full from the high-water mark until a send
 * completes with the backlog at or below the low-water mark (ws runs a send's callback once its
 * bytes have been handed to the OS, so the last pending send always gets to see it drained).
 */
class SocketPipe implements SubscriberPipe {
  private full = false;
  private readonly drainListeners = new Set<() => void>();

  constructor(private readonly ws: WebSocket) {}

  isFull(): boolean {
    if (!this.full && this.ws.bufferedAmount >= SOCKET_HIGH_WATER_BYTES) this.full = true;
    return this.full;
  }

  onDrain(listener: () => void): () => void {
    const entry = (): void => listener();
    this.drainListeners.add(entry);
    return () => this.drainListeners.delete(entry);
  }

  sendCompleted(): void {
    if (!this.full || this.ws.bufferedAmount > SOCKET_LOW_WATER_BYTES) return;
    this.full = false;
    for (const listener of [...this.drainListeners]) listener();
  }
}

/** One WebSocket carries many streams and realtime commands; closing it closes its streams in main. */
export function serveStreams(ws: WebSocket, dispatcher: Dispatcher): void {
  const pipe = new SocketPipe(ws);
  const afterSend = (): void => pipe.sendCompleted();
  const send = (frame: WsServerFrame | WsResultFrame): void => {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(JSON.stringify(frame), afterSend);
    if (ws.bufferedAmount > SOCKET_MAX_BACKLOG_BYTES) ws.terminate();
  };
  const session = new StreamSession(dispatcher, { send: (id, frame) => send({ type: 'frame', id, frame }), pipe });
  ws.on('message', (raw) => {
    let frame: WsClientFrame | WsInvokeFrame;
    try {
      frame = JSON.parse(String(raw)) as WsClientFrame | WsInvokeFrame;
    } catch {
      return;
    }
    if (typeof frame?.id !== 'string' || frame.id.length > 100) return;
    const id = frame.id;
    switch (frame.type) {
      case 'invoke':
        // The dispatcher validates the channel and input, exactly as for POST /api/invoke.
        void dispatcher.invoke(frame.channel, frame.input).then((outcome) => send({ type: 'result', id, outcome }));
        return;
      case 'unsubscribe':
        return session.unsubscribe(id);
      case 'ack':
        return session.acknowledge(id, frame.count);
      case 'subscribe':
        return session.subscribe(id, frame.topic, frame.input, frame.acknowledges === true);
    }
  });
  ws.on('close', () => session.closeAll());
}
