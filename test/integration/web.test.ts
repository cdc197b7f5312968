// Browser mode against the real engine: HTTP invoke, the request guard, WebSocket streams, and the
// `npm run web` entry point end to end.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { connect as connectTcp } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { EngineEvent } from '../../src/shared/types/events';
import type { WsServerFrame } from '../../src/shared/transport';
import { createEngine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import { TEST_LABELS, docker, removeTestContainers, testImage, uniqueName, waitFor } from '../helpers/engine';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const engine = createEngine();
const backend = createBackend({ engine, host: webHost });
const dispatcher = backend.dispatcher;
let web: WebServer;

interface Reply {
  status: number;
  body: { result?: unknown; error?: { code: string; message: string } };
}

/** A raw HTTP request, so Host and Origin can be anything. */
function http(
  pathname: string,
  { method = 'POST', body, token, headers = {} }: { method?: string; body?: unknown; token?: string | null; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const text = body === undefined ? '' : JSON.stringify(body);
    const req = request(
      {
        host: '127.0.0.1',
        port: web.port,
        path: pathname,
        method,
        headers: {
          ...(token === null ? {} : { Authorization: `Bearer ${token ?? web.token}` }),
          ...(text ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, body: raw ? JSON.parse(raw) : {} });
          } catch {
            reject(new Error(`not JSON (${res.statusCode}): ${raw.slice(0, 200)}`));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

const invoke = (channel: string, body: unknown, options: Parameters<typeof http>[1] = {}) => http(`/api/invoke/${channel}`, { body, ...options });

/** Opens a WebSocket; resolves once open, or with the HTTP status the upgrade was refused with. */
function openWs(query: string, headers: Record<string, string> = {}): Promise<{ ws: WebSocket } | { refused: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${web.port}/api/ws${query}`, { headers });
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ refused: res.statusCode ?? 0 });
      ws.terminate();
    });
    ws.once('error', (err) => reject(err));
  });
}

async function connect(): Promise<{ ws: WebSocket; frames: WsServerFrame[] }> {
  const opened = await openWs(`?token=${web.token}`, { Origin: `http://127.0.0.1:${web.port}` });
  if (!('ws' in opened)) throw new Error(`WebSocket refused: ${opened.refused}`);
  const frames: WsServerFrame[] = [];
  opened.ws.on('message', (raw) => frames.push(JSON.parse(String(raw)) as WsServerFrame));
  sockets.push(opened.ws);
  return { ws: opened.ws, frames };
}

const sockets: WebSocket[] = [];

beforeAll(async () => {
  engine.monitor.start();
  web = await startWebServer({ backend, port: 0 });
});

afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await waitFor(() => dispatcher.openStreamCount() === 0, { timeout: 5_000, message: 'streams left open' });
  await removeTestContainers();
});

afterAll(async () => {
  await web?.close();
  engine.monitor.stop();
  await removeTestContainers();
});

describe('HTTP invoke', () => {
  it('serves on 127.0.0.1 and prints a URL with the token', () => {
    expect(web.url).toBe(`http://127.0.0.1:${web.port}/?token=${web.token}`);
    expect(web.token).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(web.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('answers a good command with 200 { result }', async () => {
    const { id, name } = await docker()
      .createContainer({ Image: testImage, name: uniqueName('web'), Labels: { ...TEST_LABELS } })
      .then(async (c) => ({ id: c.id, name: (await c.inspect()).Name.slice(1) }));
    const reply = await invoke('containers.list', { all: true });
    expect(reply.status).toBe(200);
    expect(Array.isArray(reply.body.result)).toBe(true);
    expect(reply.body.result).toEqual(expect.arrayContaining([expect.objectContaining({ id, name, state: 'created' })]));
    const localhost = await invoke('engine.ping', {}, { headers: { Host: `localhost:${web.port}`, Origin: `http://localhost:${web.port}` } });
    expect(localhost.status).toBe(200);
    expect(localhost.body.result).toMatchObject({ ok: true });
  });

  it('refuses a missing or wrong token with 401', async () => {
    for (const token of [null, 'wrong', `${web.token}x`, '']) {
      const reply = await invoke('engine.ping', {}, { token });
      expect(reply.status, String(token)).toBe(401);
      expect(reply.body.error?.code).toBe('UNAUTHORIZED');
    }
    const basic = await invoke('engine.ping', {}, { token: null, headers: { Authorization: `Basic ${web.token}` } });
    expect(basic.status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) and a cross-site Origin with 403, even with the token', async () => {
    const cases: Array<Record<string, string>> = [
      { Host: `evil.example:${web.port}` },
      { Host: '127.0.0.1' },
      { Host: `127.0.0.1:${web.port + 1}` },
      { Origin: 'http://evil.example' },
      { Origin: `http://evil.example:${web.port}` },
      { Origin: 'null' },
    ];
    for (const headers of cases) {
      const reply = await invoke('engine.ping', {}, { headers });
      expect(reply.status, JSON.stringify(headers)).toBe(403);
      expect(reply.body.error?.code).toBe('FORBIDDEN');
    }
  });

  it('maps failures to status codes: 404 unknown channel, 400 bad input, 405 GET, 404/409 engine errors', async () => {
    const before = (await docker().listContainers({ all: true })).length;
    const unknown = await invoke('containers.explode', {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.error?.code).toBe('NOT_FOUND');
    expect((await http('/api/nope', {})).status).toBe(404);

    const bad = await invoke('containers.create', { image: testImage, labels: { ...TEST_LABELS }, ports: [{ containerPort: 80, hostPort: 70000 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/hostPort/) });
    const notJson = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: web.port, path: '/api/invoke/containers.list', method: 'POST', headers: { Authorization: `Bearer ${web.token}` } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{not json');
    });
    expect(notJson).toBe(400);
    expect((await docker().listContainers({ all: true })).length).toBe(before);

    const get = await invoke('engine.ping', undefined, { method: 'GET' });
    expect(get.status).toBe(405);

    const missing = await invoke('containers.start', { id: uniqueName('ghost') });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/no such container/i) });

    const { id } = await docker().createContainer({ Image: testImage, Cmd: ['sleep', '1000'], Labels: { ...TEST_LABELS } });
    await docker().getContainer(id).start();
    const conflict = await invoke('containers.start', { id });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already running/) });
  });
});

/** Sends one raw HTTP/1.1 request line; resolves with the status line of the answer. */
function rawRequest(requestLine: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp(web.port, '127.0.0.1', () =>
      socket.write(`${requestLine}\r\nHost: 127.0.0.1:${web.port}\r\nAuthorization: Bearer ${web.token}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`),
    );
    let data = '';
    socket.on('data', (chunk: Buffer) => (data += chunk.toString()));
    socket.on('end', () => resolve(data.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}

describe('malformed requests', () => {
  it('answers a malformed target with an error and keeps serving', async () => {
    expect(await rawRequest('POST /api/invoke/%E0%A4%A HTTP/1.1')).toMatch(/^HTTP\/1\.1 404 /);
    expect(await rawRequest('GET http://[ HTTP/1.1')).toMatch(/^HTTP\/1\.1 400 /);
    expect((await invoke('engine.ping', {})).status).toBe(200);
  });
});

describe('WebSocket streams', () => {
  it('refuses an upgrade without the token or from a foreign Origin or Host', async () => {
    expect(await openWs('')).toEqual({ refused: 401 });
    expect(await openWs('?token=wrong')).toEqual({ refused: 401 });
    expect(await openWs(`?token=${web.token}`, { Origin: 'http://evil.example' })).toEqual({ refused: 403 });
    expect(await openWs(`?token=${web.token}`, { Host: `evil.example:${web.port}` })).toEqual({ refused: 403 });
    expect(dispatcher.openStreamCount()).toBe(0);
  });

  it('streams engine.watch and events.watch; closing the socket closes the streams', async () => {
    const { ws, frames } = await connect();
    ws.send(JSON.stringify({ type: 'subscribe', id: 's1', topic: 'engine.watch', input: {} }));
    const state = await waitFor(() => frames.find((f) => f.id === 's1'));
    expect(state.frame).toMatchObject({ kind: 'data', message: { host: process.env.DOCKER_HOST } });

    const name = uniqueName('wsevents');
    ws.send(JSON.stringify({ type: 'subscribe', id: 's2', topic: 'events.watch', input: { types: ['container'], containers: [name] } }));
    await waitFor(() => dispatcher.openStreamCount() === 2);
    const created = await invoke('containers.create', { image: testImage, name, command: ['sleep', '1000'], labels: { ...TEST_LABELS } });
    const id = (created.body.result as { id: string }).id;
    expect((await invoke('containers.start', { id })).status).toBe(200);
    const actions = await waitFor(
      () => {
        const list = frames.filter((f) => f.id === 's2' && f.frame.kind === 'data').map((f) => (f.frame as { message: EngineEvent }).message);
        return list.some((e) => e.action === 'start') ? list : undefined;
      },
      { timeout: 15_000 },
    );
    expect(actions.map((e) => e.action)).toEqual(['create', 'start']);
    expect(actions.every((e) => e.actorId === id)).toBe(true);

    // A bad subscription answers with an error frame and opens nothing.
    ws.send(JSON.stringify({ type: 'subscribe', id: 's3', topic: 'events.watch', input: { types: ['bogus'] } }));
    const bad = await waitFor(() => frames.find((f) => f.id === 's3'));
    expect(bad.frame).toMatchObject({ kind: 'error', error: { code: 'INVALID_INPUT' } });
    expect(dispatcher.openStreamCount()).toBe(2);

    ws.close();
    await waitFor(() => dispatcher.openStreamCount() === 0, { timeout: 5_000, message: 'streams still open after close' });
  });

  it('unsubscribes one stream and keeps the others', async () => {
    const { ws, frames } = await connect();
    ws.send(JSON.stringify({ type: 'subscribe', id: 'a', topic: 'engine.watch', input: {} }));
    ws.send(JSON.stringify({ type: 'subscribe', id: 'b', topic: 'engine.watch', input: {} }));
    await waitFor(() => frames.some((f) => f.id === 'a') && frames.some((f) => f.id === 'b'));
    expect(dispatcher.openStreamCount()).toBe(2);
    ws.send(JSON.stringify({ type: 'unsubscribe', id: 'a' }));
    await waitFor(() => dispatcher.openStreamCount() === 1);
    ws.terminate();
    await waitFor(() => dispatcher.openStreamCount() === 0);
  });

  it('closes a socket that sends a frame over the size limit (1009), closing its streams, without crashing main', async () => {
    const crashes: unknown[] = [];
    const onCrash = (err: unknown): void => void crashes.push(err);
    process.on('uncaughtException', onCrash);
    try {
      const { ws, frames } = await connect();
      ws.send(JSON.stringify({ type: 'subscribe', id: 'a', topic: 'engine.watch', input: {} }));
      await waitFor(() => frames.some((f) => f.id === 'a'));
      const closed = new Promise<number>((resolve) => ws.once('close', resolve));
      ws.send(JSON.stringify({ type: 'invoke', id: 'big', channel: 'engine.ping', input: 'x'.repeat(1024 * 1024 + 1) }));
      expect(await closed).toBe(1009);
      await waitFor(() => dispatcher.openStreamCount() === 0);
      const other = await connect();
      other.ws.send(JSON.stringify({ type: 'subscribe', id: 'b', topic: 'engine.watch', input: {} }));
      await waitFor(() => other.frames.some((f) => f.id === 'b'));
      expect(crashes).toEqual([]);
    } finally {
      process.off('uncaughtException', onCrash);
    }
  });
});

describe('npm run web (src/main/web/cli.ts)', () => {
  let child: ChildProcess | undefined;

  afterAll(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('prints the URL line, serves with that token, and exits on SIGTERM', async () => {
    child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['src/main/web/cli.ts', '--port', '0'], {
      cwd: root,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    const line = await new Promise<string>((resolve, reject) => {
      const lines = createInterface({ input: child!.stdout! });
      const timer = setTimeout(() => reject(new Error(`no URL line within 30 s; stderr: ${stderr}`)), 30_000);
      lines.on('line', (text) => {
        if (!text.startsWith('Berth web UI:')) return;
        clearTimeout(timer);
        resolve(text);
      });
      void exited.then((code) => reject(new Error(`cli exited (${code}) before printing; stderr: ${stderr}`)));
    });
    const match = /^Berth web UI: http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+)$/.exec(line);
    expect(match, line).not.toBeNull();
    const [, port, token] = match!;

    const ping = await fetch(`http://127.0.0.1:${port}/api/invoke/engine.ping`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(ping.status).toBe(200);
    expect(await ping.json()).toMatchObject({ result: { ok: true } });
    const wrong = await fetch(`http://127.0.0.1:${port}/api/invoke/engine.ping`, { method: 'POST', headers: { Authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);

    child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 10_000))]);
    expect(code).toBe(0);
    // Nothing listens any more.
    await expect(fetch(`http://127.0.0.1:${port}/api/invoke/engine.ping`, { method: 'POST' })).rejects.toThrow();
  });
});
