// A browser-mode client that turns flow control off (no `acknowledges` on its subscribe frame) and
// then stops reading its socket: the log stream must still pause on the socket's own backlog, so
// main's buffered bytes for that socket stay bounded while the log is hundreds of MB; and once the
// client reads again every line arrives, in order.
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createEngine } from '../../src/main/engine/engine';
import { createEngineDispatcher } from '../../src/main/handlers';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import type { LogBatch } from '../../src/shared/types/logs';
import type { WsClientFrame, WsServerFrame } from '../../src/shared/transport';
import { docker, removeTestContainers, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';

const LINES = 200_000;
const PAD = 'x'.repeat(990);
/** About 200 MB of log text: every line's number, its padding and its newline. */
const LOG_BYTES = Array.from({ length: LINES }, (_, i) => String(i + 1).length + PAD.length + 1).reduce((a, b) => a + b, 0);
/** What main may hold for one socket that is not read: a few MB (a high-water mark plus one batch). */
const BOUND_BYTES = 8 * 1024 * 1024;

const engine = createEngine();
const dispatcher = createEngineDispatcher(engine);
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
  web = await startWebServer({ dispatcher, port: 0 });
  web.server.on('upgrade', (_req, socket: Socket) => serverSockets.push(socket));
}, 120_000);

afterAll(async () => {
  await web?.close();
  engine.monitor.stop();
  await removeTestContainers();
});

describe('a WebSocket client that does not acknowledge and does not read', () => {
  it('keeps main\'s buffered bytes bounded on a huge log, then gets every line in order', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${web.port}/api/ws?token=${web.token}`, { headers: { Origin: `http://127.0.0.1:${web.port}` } });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const serverSide = serverSockets.at(-1);
    if (!serverSide) throw new Error('the upgrade was not seen');
    const clientSide = (ws as unknown as { _socket: Socket })._socket;
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
    await waitFor(() => sample() >= 1024 * 1024, { timeout: 60_000, interval: 20, message: 'main never buffered a MB for the socket' });
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
});
