import { isErrorShape, type BerthErrorShape } from '../../shared/errors';
import { commands, isChannel } from '../../shared/contract';
import type { InvokeOutcome, WsClientFrame, WsInvokeFrame, WsResultFrame, WsServerFrame } from '../../shared/transport';
import { StreamClient } from '../../shared/stream-client';
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

/**
 * Browser mode: commands are `POST /api/invoke/<channel>` (realtime ones go over the WebSocket
 * while it is open); streams share one WebSocket, which reconnects by itself. After a drop it
 * re-subscribes only the streams the contract marks resumable; the others (terminal sessions,
 * whose subscription runs something) end at once with CONNECTION_LOST.
 */
export function createWebTransport(token: string): Transport {
  let socket: WebSocket | undefined;
  let nextId = 0;
  let reconnectDelay = 250;
  let reconnectTimer: number | undefined;

  /** Commands sent over the socket (realtime ones), by request id, until their result frame. */
  const pendingInvokes = new Map<string, (outcome: InvokeOutcome) => void>();
  /** Sends on the socket when it is open; says whether it did. */
  const send = (frame: WsClientFrame | WsInvokeFrame): boolean => {
    if (socket?.readyState !== WebSocket.OPEN) return false;
    socket.send(JSON.stringify(frame));
    return true;
  };
  const openStreams = new StreamClient(send, 'w');

  const connect = (): void => {
    const wsUrl = new URL('/api/ws', window.location.href);
    wsUrl.protocol = wsUrl.protocol === 'https:' ? 'wss:' : 'ws:';
    wsUrl.searchParams.set('token', token);
    const ws = new WebSocket(wsUrl);
    socket = ws;
    ws.onopen = () => {
      reconnectDelay = 250;
      openStreams.resubscribe();
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
      openStreams.deliver(frame.id, frame.frame);
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = undefined;
      for (const resolve of pendingInvokes.values())
        resolve({ ok: false, error: { code: 'ENGINE_UNAVAILABLE', message: 'The Berth server is not reachable.' } });
      pendingInvokes.clear();
      openStreams.connectionLost();
      if (openStreams.size === 0) return;
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
      const close = openStreams.subscribe(topic, input, onFrame);
      if (socket?.readyState !== WebSocket.OPEN) {
        if (reconnectTimer !== undefined) {
          window.clearTimeout(reconnectTimer);
          reconnectTimer = undefined;
        }
        if (!socket) connect();
      }
      return close;
    },
  };
}
