// Browser mode's transport when its WebSocket drops: it reconnects and re-subscribes only the
// streams the contract marks resumable; a terminal session ends with CONNECTION_LOST instead of
// being subscribed again (which would run its command a second time). A real WebSocket server
// (the `ws` package) plays main's part; the `ws` client stands in for the browser's WebSocket.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocketServer, WebSocket as NodeWebSocket } from 'ws';
import { createWebTransport } from '../../../src/renderer/api/web-transport';
import type { StreamFrame, WsClientFrame, WsServerFrame } from '../../../src/shared/transport';

interface Connection {
  socket: NodeWebSocket;
  frames: WsClientFrame[];
}

const connections: Connection[] = [];
let server: WebSocketServer;

beforeAll(async () => {
  server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  server.on('connection', (socket) => {
    const connection: Connection = { socket, frames: [] };
    connections.push(connection);
    socket.on('message', (raw) => connection.frames.push(JSON.parse(String(raw)) as WsClientFrame));
  });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  Object.assign(globalThis, {
    WebSocket: NodeWebSocket,
    window: { location: { href: `http://127.0.0.1:${port}/` }, setTimeout, clearTimeout },
  });
});

afterAll(async () => {
  for (const { socket } of connections) socket.terminate();
  await new Promise((resolve) => server.close(resolve));
});

const subscribes = (connection: Connection | undefined): Array<Extract<WsClientFrame, { type: 'subscribe' }>> =>
  (connection?.frames ?? []).flatMap((frame) => (frame.type === 'subscribe' ? [frame] : []));

describe('web transport after the socket drops', () => {
  it('re-subscribes resumable streams only; terminal sessions end with CONNECTION_LOST', async () => {
    const transport = createWebTransport('token');
    const got: Record<string, StreamFrame[]> = { logs: [], exec: [], attach: [], later: [] };
    transport.subscribe('logs.follow', { id: 'c1', tail: 10 }, (frame) => got.logs!.push(frame));
    transport.subscribe('exec.session', { id: 'c1', command: ['sh', '-c', 'echo once >> /tmp/ran'] }, (frame) => got.exec!.push(frame));
    transport.subscribe('attach.session', { id: 'c1' }, (frame) => got.attach!.push(frame));

    await vi.waitFor(() => expect(subscribes(connections[0])).toHaveLength(3));
    const first = subscribes(connections[0]);
    for (const { id } of first) {
      connections[0]!.socket.send(JSON.stringify({ type: 'frame', id, frame: { kind: 'data', message: {} } } satisfies WsServerFrame));
    }
    await vi.waitFor(() => expect(got.attach).toHaveLength(1));

    connections[0]!.socket.terminate();
    await vi.waitFor(() => expect(got.exec).toHaveLength(2));
    for (const frames of [got.exec!, got.attach!]) {
      expect(frames[1]).toEqual({ kind: 'error', error: { code: 'CONNECTION_LOST', message: expect.stringMatching(/not restarted/) } });
    }
    // A session asked for after the drop was never sent: it goes out on the next socket.
    transport.subscribe('exec.session', { id: 'c1' }, (frame) => got.later!.push(frame));

    await vi.waitFor(() => expect(subscribes(connections[1])).toHaveLength(2), { timeout: 5_000 });
    const again = subscribes(connections[1]);
    expect(again.map((frame) => frame.topic)).toEqual(['logs.follow', 'exec.session']);
    expect(again[0]).toEqual(first.find((frame) => frame.topic === 'logs.follow'));
    expect(again[1]!.input).toEqual({ id: 'c1' });
    expect(got.logs).toEqual([{ kind: 'data', message: {} }]);
    expect(got.later).toEqual([]);
  });
});
