import { isErrorShape, type BerthErrorShape } from '../../shared/errors';
import { commands, isChannel } from '../../shared/contract';
import type { InvokeOutcome, StreamFrame, WsClientFrame, WsInvokeFrame, WsResultFrame, WsServerFrame } from '../../shared/transport';
import type { Transport } from './transport';

const TOKEN_KEY = 'berth.token';
const RECONNECT_MAX_MS = 5_000;

/** Takes the token from `?token=` once, keeps it for the tab's session, and removes it from the address bar. */
export function readToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

interface Subscription {
  topic: string;
  input: unknown;
  onFrame: (frame: StreamFrame) => void;
}

/**
 * Browser mode: commands are `POST /api/invoke/<channel>` (realtime ones go over the WebSocket
 * while it is open); streams share one WebSocket, which reconnects by itself and re-subscribes
 * every open stream.
 */
export function createWebTransport(token: string): Transport {
  const subscriptions = new Map<string, Subscription>();
  let socket: WebSocket | undefined;
  let nextId = 0;
  let reconnectDelay = 250;
  let reconnectTimer: number | undefined;

  /** Commands sent over the socket (realtime ones), by request id, until their result frame. */
  const pendingInvokes = new Map<string, (outcome: InvokeOutcome) => void>();
  const send = (frame: WsClientFrame | WsInvokeFrame): void => {
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
  };

  const connect = (): void => {
    const wsUrl = new URL('/api/ws', window.location.href);
    wsUrl.protocol = wsUrl.protocol === 'https:' ? 'wss:' : 'ws:';
    wsUrl.searchParams.set('token', token);
    const ws = new WebSocket(wsUrl);
    socket = ws;
    ws.onopen = () => {
      reconnectDelay = 250;
      for (const [id, sub] of subscriptions) send({ type: 'subscribe', id, topic: sub.topic, input: sub.input, acknowledges: true });
    };
    ws.onmessage = (event) => {
      let frame: WsServerFrame | WsResultFrame;
      try {
        frame = JSON.parse(String(event.data)) as WsServerFrame | WsResultFrame;
      } catch {
        return;
      }
      if (frame.type === 'result') {
        pendingInvokes.get(frame.id)?.(frame.outcome);
        pendingInvokes.delete(frame.id);
        return;
      }
      const sub = subscriptions.get(frame.id);
      if (!sub) return;
      if (frame.frame.kind !== 'data') subscriptions.delete(frame.id);
      sub.onFrame(frame.frame);
      // Taken in: the server may send more of a paused stream (flow control, see dispatch.ts).
      if (frame.frame.kind === 'data') send({ type: 'ack', id: frame.id, count: 1 });
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = undefined;
      for (const resolve of pendingInvokes.values()) resolve({ ok: false, error: { code: 'ENGINE_UNAVAILABLE', message: 'The Berth server is not reachable.' } });
      pendingInvokes.clear();
      if (subscriptions.size === 0) return;
      reconnectTimer = window.setTimeout(connect, reconnectDelay);
      reconnectDelay = Math.min(reconnectDelay * 2, RECONNECT_MAX_MS);
    };
  };

  return {
    transport: 'web',
    async invoke(channel, input) {
      if (socket?.readyState === WebSocket.OPEN && isChannel(channel) && commands[channel].realtime) {
        nextId += 1;
        const id = `i${nextId}`;
        return new Promise<InvokeOutcome>((resolve) => {
          pendingInvokes.set(id, resolve);
          send({ type: 'invoke', id, channel, input });
        });
      }
      let response: Response;
      try {
        response = await fetch(`/api/invoke/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return { ok: false, error: { code: 'ENGINE_UNAVAILABLE', message: 'The Berth server is not reachable.' } };
      }
      const body = (await response.json().catch(() => null)) as Partial<{ result: unknown; error: BerthErrorShape }> | null;
      if (response.ok && body && 'result' in body) return { ok: true, result: body.result };
      if (body?.error && isErrorShape(body.error)) return { ok: false, error: body.error };
      return { ok: false, error: { code: 'INTERNAL', message: `The server answered ${response.status}.` } };
    },
    subscribe(topic, input, onFrame) {
      nextId += 1;
      const id = `w${nextId}`;
      subscriptions.set(id, { topic, input, onFrame });
      if (socket?.readyState === WebSocket.OPEN) send({ type: 'subscribe', id, topic, input, acknowledges: true });
      else {
        if (reconnectTimer !== undefined) {
          window.clearTimeout(reconnectTimer);
          reconnectTimer = undefined;
        }
        if (!socket) connect();
      }
      return () => {
        if (subscriptions.delete(id)) send({ type: 'unsubscribe', id });
      };
    },
  };
}
