// A browser-mode client that turns flow control off (no `acknowledges` on its subscribe frame) and
// then stops reading its socket: the log stream must still pause on the socket's own backlog, so
// main's buffered bytes for that socket stay bounded while the log is hundreds of MB; and once the
// client reads again every line arrives, in order.
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createEngine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import { SOCKET_HIGH_WATER_BYTES, SOCKET_MAX_BACKLOG_BYTES } from '../../src/main/web/stream-socket';
import type { LogBatch } from '../../src/shared/types/logs';
import type { SessionMessage } from '../../src/shared/types/terminal';
import type { WsClientFrame, WsInvokeFrame, WsServerFrame } from '../../src/shared/transport';
import { docker, removeTestContainers, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';

const LINES = 200_000;
const PAD = 'x'.repeat(990);
/** About 200 MB of log text: every line's number, its padding and its newline. */
const LOG_BYTES = Array.from({ length: LINES }, (_, i) => String(i + 1).length + PAD.length + 1).reduce((a, b) => a + b, 0);
/** What main may hold for one socket that is not read: a few MB (a high-water mark plus one batch). */
const BOUND_BYTES = 8 * 1024 * 1024;

const engine = createEngine();
const backend = createBackend({ engine, host: webHost });
const dispatcher = backend.dispatcher;
let web: WebServer;
let name: string;
/** The server side of every WebSocket connection, as the HTTP server hands it to the upgrade. */
const serverSockets: Socket[] = [];

beforeAll(async () => {
  name = uniqueName('logs-backlog');
  const script = `awk 'BEGIN { p = "${PAD}"; for (i = 1; i <= ${LINES}; i++) print i p }'`;
  const container = await docker().createContainer({ Image: testImage, name, Cmd: ['sh', '-c', script], Labels: { ...TEST_LABELS } });
  await container.start();
  await container.wait();
  web = await startWebServer({ backend, port: 0 });
  web.server.on('upgrade', (_req, socket: Socket) => serverSockets.push(socket));
}, 120_000);

afterAll(async () => {
  await web?.close();
  engine.monitor.stop();
  await removeTestContainers();
});

async function openSocket(): Promise<{ ws: WebSocket; serverSide: Socket; clientSide: Socket }> {
  const ws = new WebSocket(`ws://127.0.0.1:${web.port}/api/ws?token=${web.token}`, { headers: { Origin: `http://127.0.0.1:${web.port}` } });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const serverSide = serverSockets.at(-1);
  if (!serverSide) throw new Error('the upgrade was not seen');
  return { ws, serverSide, clientSide: (ws as unknown as { _socket: Socket })._socket };
}

describe('a WebSocket client that does not acknowledge and does not read', () => {
  it("keeps main's buffered bytes bounded on a huge log, then gets every line in order", async () => {
    const { ws, serverSide, clientSide } = await openSocket();
    clientSide.pause();

    let next = 1;
    let outOfOrder: string | undefined;
    let received = 0;
    let last: WsServerFrame['frame'] | undefined;
    ws.on('message', (raw) => {
      const { frame } = JSON.parse(String(raw)) as WsServerFrame;
      if (frame.kind !== 'data') return void (last = frame);
      for (const line of (frame.message as LogBatch).lines) {
        if (outOfOrder === undefined && line.text !== `${next}${PAD}`) outOfOrder = `line ${next}: ${line.text.slice(0, 20)}`;
        next += 1;
        received += line.text.length + 1;
      }
    });
    ws.send(JSON.stringify({ type: 'subscribe', id: 'big', topic: 'logs.fetch', input: { id: name, tail: 'all' } } satisfies WsClientFrame));

    // Main has filled the socket past the kernel's buffers and its own high-water mark: from here a
    // producer that pauses leaves the backlog where it is; one that does not would add the whole log.
    let most = 0;
    const sample = (): number => {
      most = Math.max(most, serverSide.writableLength);
      return most;
    };
    await waitFor(() => sample() >= SOCKET_HIGH_WATER_BYTES, { timeout: 60_000, interval: 20, message: 'main never buffered a MB for the socket' });
    let steady = 0;
    await waitFor(
      () => {
        const before = most;
        if (sample() > BOUND_BYTES) return true;
        steady = sample() === before ? steady + 1 : 0;
        return steady >= 50;
      },
      { timeout: 60_000, interval: 20 },
    );
    console.log(`main buffered at most ${(most / 1048576).toFixed(1)} MiB for the socket that was not read`);
    expect(most).toBeLessThan(BOUND_BYTES);

    clientSide.resume();
    await waitFor(() => last, { timeout: 120_000, interval: 50, message: 'the log never ended once read' });
    expect(last).toEqual({ kind: 'end' });
    expect(outOfOrder).toBeUndefined();
    expect(next - 1).toBe(LINES);
    expect(received).toBe(LOG_BYTES);
    ws.close();
    await waitFor(() => dispatcher.openStreamCount() === 0, { message: 'streams left open' });
  }, 240_000);

  it('is disconnected when a stream that does not wait on the socket piles up too much (terminal output it claims to have drawn)', async () => {
    const shell = uniqueName('backlog-term');
    const container = await docker().createContainer({ Image: testImage, name: shell, Cmd: ['sleep', '600'], Labels: { ...TEST_LABELS }, StopTimeout: 1 });
    await container.start();
    const { ws, serverSide, clientSide } = await openSocket();
    let sessionId: string | undefined;
    ws.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as WsServerFrame;
      if (frame.type === 'frame' && frame.frame.kind === 'data') {
        const message = frame.frame.message as SessionMessage;
        if (message.kind === 'ready') sessionId = message.sessionId;
      }
    });
    let closed = false;
    ws.on('close', () => (closed = true));
    ws.send(
      JSON.stringify({
        type: 'subscribe',
        id: 'flood',
        topic: 'exec.session',
        input: { id: shell, command: ['yes'], tty: false, stdin: false },
      } satisfies WsClientFrame),
    );
    const id = await waitFor(() => sessionId, { message: 'the session never became ready' });
    // From now on nothing is read, yet every byte is "acknowledged": the terminal's own flow control is defeated.
    clientSide.pause();
    let most = 0;
    let acks = 0;
    const lie = setInterval(() => {
      most = Math.max(most, serverSide.writableLength);
      acks += 1;
      ws.send(JSON.stringify({ type: 'invoke', id: `a${acks}`, channel: 'exec.ack', input: { sessionId: id, bytes: 1 << 30 } } satisfies WsInvokeFrame));
    }, 20);
    try {
      await waitFor(() => serverSide.destroyed, { timeout: 60_000, interval: 20, message: 'main kept buffering for a client that reads nothing' });
    } finally {
      clearInterval(lie);
    }
    console.log(`a flood to a client that lies about acknowledging: main cut it off with ${(most / 1048576).toFixed(1)} MiB seen buffered`);
    expect(most).toBeLessThan(SOCKET_MAX_BACKLOG_BYTES + 4 * 1024 * 1024);
    clientSide.resume();
    await waitFor(() => closed, { message: 'the client never saw the close' });
    await waitFor(() => dispatcher.openStreamCount() === 0 && backend.terminals.size === 0, { message: 'the session stayed open' });
  }, 120_000);
});
