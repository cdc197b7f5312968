// Browser mode's WebSocket carries realtime commands (terminal keystrokes) as well as streams:
// an exec session driven entirely over one socket, and bad invoke frames answered plainly. And
// terminal.openLink: the desktop host asks, then opens http(s) links; browser mode leaves them to the page.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { StreamFrame, WsResultFrame, WsServerFrame } from '../../src/shared/transport';
import type { SessionMessage } from '../../src/shared/types/terminal';
import { createEngine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import { webHost, type HostServices } from '../../src/main/host';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import { docker, removeTestContainers, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';

const engine = createEngine();
const backend = createBackend({ engine, host: webHost });
const dispatcher = backend.dispatcher;
let web: WebServer;
let container: string;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  web = await startWebServer({ backend, port: 0 });
  container = uniqueName('term-web');
  const created = await docker().createContainer({ Image: testImage, name: container, Cmd: ['sleep', '600'], Labels: { ...TEST_LABELS } });
  await created.start();
});

afterEach(() => {
  for (const ws of sockets.splice(0)) ws.terminate();
});

afterAll(async () => {
  await web?.close();
  await removeTestContainers();
});

async function connect(): Promise<{ ws: WebSocket; frames: Array<WsServerFrame | WsResultFrame> }> {
  const ws = new WebSocket(`ws://127.0.0.1:${web.port}/api/ws?token=${web.token}`);
  sockets.push(ws);
  const frames: Array<WsServerFrame | WsResultFrame> = [];
  ws.on('message', (raw) => frames.push(JSON.parse(String(raw)) as WsServerFrame | WsResultFrame));
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return { ws, frames };
}

const resultOf = (frames: Array<WsServerFrame | WsResultFrame>, id: string) =>
  waitFor(() => frames.find((f): f is WsResultFrame => f.type === 'result' && f.id === id), { message: `result ${id}` });

const messagesOf = (frames: Array<WsServerFrame | WsResultFrame>, id: string): SessionMessage[] =>
  frames.flatMap((f) =>
    f.type === 'frame' && f.id === id && f.frame.kind === 'data' ? [(f.frame as Extract<StreamFrame, { kind: 'data' }>).message as SessionMessage] : [],
  );

describe('realtime commands over the WebSocket', () => {
  it('drives a shell session over one socket: input in order, output back, close ends it', async () => {
    const { ws, frames } = await connect();
    ws.send(JSON.stringify({ type: 'subscribe', id: 's', topic: 'exec.session', input: { id: container } }));
    const ready = await waitFor(() => messagesOf(frames, 's').find((m) => m.kind === 'ready'));
    const sessionId = ready.kind === 'ready' ? ready.sessionId : '';
    // Keys sent back to back, without waiting for answers, arrive in order.
    const keys = 'echo ws-$((3*4))-ok\n';
    [...keys].forEach((key, i) => ws.send(JSON.stringify({ type: 'invoke', id: `k${i}`, channel: 'exec.input', input: { sessionId, data: key } })));
    expect((await resultOf(frames, `k${keys.length - 1}`)).outcome).toEqual({ ok: true, result: { open: true } });
    const output = (): string =>
      messagesOf(frames, 's')
        .flatMap((m) => (m.kind === 'output' ? [Buffer.from(m.data, 'base64').toString('utf8')] : []))
        .join('');
    await waitFor(() => /^ws-12-ok\r?$/m.test(output()), { message: 'the echo of the typed command' });
    ws.send(JSON.stringify({ type: 'unsubscribe', id: 's' }));
    await waitFor(() => dispatcher.openStreamCount() === 0, { message: 'the session to close' });
  });

  it('answers bad invoke frames with the same errors as HTTP', async () => {
    const { ws, frames } = await connect();
    ws.send(JSON.stringify({ type: 'invoke', id: 'a', channel: 'no.such', input: {} }));
    ws.send(JSON.stringify({ type: 'invoke', id: 'b', channel: 'exec.input', input: { sessionId: 'x', data: 1 } }));
    ws.send(JSON.stringify({ type: 'invoke', id: 'c', channel: 'containers.list', input: { all: true } }));
    expect((await resultOf(frames, 'a')).outcome).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await resultOf(frames, 'b')).outcome).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const list = (await resultOf(frames, 'c')).outcome;
    expect(list.ok && (list.result as Array<{ name: string }>).some((c) => c.name === container)).toBe(true);
  });
});

describe('terminal.openLink', () => {
  it('hands http(s) links to the desktop host, and leaves them to the page in browser mode', async () => {
    const asked: string[] = [];
    let userAgrees = true;
    const desktopLike: HostServices = { ...webHost, receivesPageUploads: false, openLinkFromContent: async (url) => (asked.push(url.toString()), userAgrees) };
    const desktop = createBackend({ engine, host: desktopLike }).dispatcher;
    expect(await desktop.invoke('terminal.openLink', { url: 'https://example.com/docs?a=1' })).toEqual({ ok: true, result: { opened: true } });
    userAgrees = false;
    expect(await desktop.invoke('terminal.openLink', { url: 'http://127.0.0.1:8080/' })).toEqual({ ok: true, result: { opened: false } });
    expect(await desktop.invoke('terminal.openLink', { url: 'javascript:alert(1)' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(asked).toEqual(['https://example.com/docs?a=1', 'http://127.0.0.1:8080/']);
    expect(await dispatcher.invoke('terminal.openLink', { url: 'http://127.0.0.1/' })).toEqual({ ok: true, result: { opened: false } });
  });
});
