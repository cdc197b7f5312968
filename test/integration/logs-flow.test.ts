// Flow control on huge logs, against the real engine: a subscriber that acknowledges is never more
// than a few batches behind however fast the engine answers, and still gets every line in order;
// one that does not acknowledge (an older browser-mode client) gets everything without waiting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { STREAM_CREDIT_FRAMES } from '../../src/main/dispatch';
import { createEngine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import type { LogBatch } from '../../src/shared/types/logs';
import type { StreamFrame, WsClientFrame, WsServerFrame } from '../../src/shared/transport';
import { docker, removeTestContainers, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';

const LINES = 100_000; // about 25 batches
const engine = createEngine();
const backend = createBackend({ engine, host: webHost });
const dispatcher = backend.dispatcher;
let web: WebServer;
let name: string;

beforeAll(async () => {
  name = uniqueName('logs-flow');
  const container = await docker().createContainer({ Image: testImage, name, Cmd: ['seq', '1', String(LINES)], Labels: { ...TEST_LABELS } });
  await container.start();
  await container.wait();
  web = await startWebServer({ backend, port: 0 });
});

afterAll(async () => {
  await web?.close();
  engine.monitor.stop();
  await removeTestContainers();
});

/**
 * A reader slower than the engine: once it is as far behind as the limit allows, it takes in one
 * frame every few milliseconds. It records the most frames it was ever behind.
 */
function slowReader() {
  let acknowledge: (count: number) => void = () => undefined;
  let unacked = 0;
  let mostBehind = 0;
  let reading = false;
  const texts: string[] = [];
  let last: StreamFrame | undefined;
  const timer = setInterval(() => {
    if (!reading || unacked === 0) return;
    unacked -= 1;
    acknowledge(1);
  }, 3);
  return {
    connect(ack: (count: number) => void) {
      acknowledge = ack;
    },
    onFrame(frame: StreamFrame) {
      if (frame.kind !== 'data') {
        last = frame;
        clearInterval(timer);
        return;
      }
      for (const line of (frame.message as LogBatch).lines) texts.push(line.text);
      unacked += 1;
      mostBehind = Math.max(mostBehind, unacked);
      reading ||= unacked >= STREAM_CREDIT_FRAMES;
    },
    ended: () => waitFor(() => last, { timeout: 60_000, interval: 20, message: 'the log never ended' }),
    get mostBehind() {
      return mostBehind;
    },
    texts,
  };
}

const allLines = (): string[] => Array.from({ length: LINES }, (_, i) => String(i + 1));

describe('logs.fetch flow control', () => {
  it('through the dispatcher: at most the limit behind (one more for the end), every line in order', async () => {
    const reader = slowReader();
    const outcome = dispatcher.subscribe('logs.fetch', { id: name, tail: 'all' }, (frame) => reader.onFrame(frame), { acknowledges: true });
    if (!outcome.ok) throw new Error(outcome.error.message);
    reader.connect(outcome.acknowledge);
    expect(await reader.ended()).toEqual({ kind: 'end' });
    expect(reader.mostBehind).toBeGreaterThanOrEqual(STREAM_CREDIT_FRAMES);
    expect(reader.mostBehind).toBeLessThanOrEqual(STREAM_CREDIT_FRAMES + 1);
    expect(reader.texts).toEqual(allLines());
    expect(dispatcher.openStreamCount()).toBe(0);
  });

  async function openSocket(): Promise<WebSocket> {
    const ws = new WebSocket(`ws://127.0.0.1:${web.port}/api/ws?token=${web.token}`, { headers: { Origin: `http://127.0.0.1:${web.port}` } });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    return ws;
  }

  it('through the browser-mode WebSocket, with acknowledgements', async () => {
    const ws = await openSocket();
    const reader = slowReader();
    const send = (frame: WsClientFrame): void => ws.send(JSON.stringify(frame));
    reader.connect((count) => send({ type: 'ack', id: 'f1', count }));
    ws.on('message', (raw) => reader.onFrame((JSON.parse(String(raw)) as WsServerFrame).frame));
    send({ type: 'subscribe', id: 'f1', topic: 'logs.fetch', input: { id: name, tail: 'all' }, acknowledges: true });
    expect(await reader.ended()).toEqual({ kind: 'end' });
    expect(reader.mostBehind).toBeGreaterThanOrEqual(STREAM_CREDIT_FRAMES);
    expect(reader.mostBehind).toBeLessThanOrEqual(STREAM_CREDIT_FRAMES + 1);
    expect(reader.texts).toEqual(allLines());
    ws.close();
  });

  it('through the WebSocket without acknowledgements: everything arrives, nothing waits', async () => {
    const ws = await openSocket();
    const texts: string[] = [];
    let ended = false;
    ws.on('message', (raw) => {
      const { frame } = JSON.parse(String(raw)) as WsServerFrame;
      if (frame.kind === 'data') for (const line of (frame.message as LogBatch).lines) texts.push(line.text);
      else ended = frame.kind === 'end';
    });
    ws.send(JSON.stringify({ type: 'subscribe', id: 'f2', topic: 'logs.fetch', input: { id: name, tail: 'all' } } satisfies WsClientFrame));
    await waitFor(() => ended, { timeout: 60_000, message: 'the log never ended' });
    expect(texts).toEqual(allLines());
    ws.close();
    await waitFor(() => dispatcher.openStreamCount() === 0, { message: 'streams left open' });
  });
});
