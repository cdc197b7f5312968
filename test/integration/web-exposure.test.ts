// `npm run web` beyond loopback: plain HTTP would carry the token across the network in clear, so
// the CLI refuses it unless given TLS material (then HTTPS and wss) or --insecure-plain-http.
// Servers bind 0.0.0.0 here, but the tests only send traffic to 127.0.0.1.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WsServerFrame } from '../../src/shared/transport';
import { invokeOver, openSocket, send } from '../helpers/web-client';
import { runCliToExit, startCli, type CliServer } from '../helpers/web-cli';

let dir: string;
let certFile: string;
let keyFile: string;
let cert: Buffer;
const running: CliServer[] = [];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'berth-tls-'));
  certFile = path.join(dir, 'cert.pem');
  keyFile = path.join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'pipe' },
  );
  cert = readFileSync(certFile);
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function started(args: string[]): Promise<CliServer> {
  const server = await startCli(args);
  running.push(server);
  return server;
}

describe('--host beyond loopback', () => {
  it('is refused over plain HTTP, with a message naming both ways out, and a non-zero exit', async () => {
    const result = await runCliToExit(['--host', '0.0.0.0', '--port', '0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Refusing to serve on 0\.0\.0\.0 over plain HTTP/);
    expect(result.stderr).toMatch(/--tls-cert FILE --tls-key FILE/);
    expect(result.stderr).toMatch(/--insecure-plain-http/);
    expect(result.stdout).not.toMatch(/Berth web UI/);
  });

  it('refuses half the TLS material or an unreadable file', async () => {
    const half = await runCliToExit(['--host', '0.0.0.0', '--tls-cert', certFile]);
    expect(half.code).toBe(2);
    expect(half.stderr).toMatch(/--tls-cert and --tls-key go together/);
    const missing = await runCliToExit(['--tls-cert', path.join(dir, 'nope.pem'), '--tls-key', keyFile]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Cannot read --tls-cert .*nope\.pem/);
  });

  it('serves plain HTTP with --insecure-plain-http, and warns', async () => {
    const server = await started(['--host', '0.0.0.0', '--insecure-plain-http']);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.stderr()).toMatch(/Warning: listening on 0\.0\.0\.0 over plain HTTP/);
    await expect(invokeOver({ origin: `http://127.0.0.1:${server.port}`, token: server.token }, 'engine.ping', {})).resolves.toMatchObject({ ok: true });
  });
});

describe('--tls-cert and --tls-key', () => {
  it('serve HTTPS and the stream socket over TLS; the page origin is https', async () => {
    const server = await started(['--host', '0.0.0.0', '--tls-cert', certFile, '--tls-key', keyFile]);
    const origin = `https://127.0.0.1:${server.port}`;
    expect(server.url).toBe(`${origin}/?token=${server.token}`);
    const target = { origin, token: server.token, ca: cert };

    await expect(invokeOver(target, 'engine.ping', {})).resolves.toMatchObject({ ok: true });
    const wrongToken = await send({ ...target, token: 'nope' }, '/api/invoke/engine.ping');
    expect(wrongToken.status).toBe(401);
    const plainOrigin = await send(target, '/api/invoke/engine.ping', { headers: { Origin: `http://127.0.0.1:${server.port}` } });
    expect(plainOrigin.status).toBe(403);
    // Plain HTTP on the TLS port gets no answer a client could take for the API's.
    await expect(send({ origin: `http://127.0.0.1:${server.port}`, token: server.token }, '/api/invoke/engine.ping')).rejects.toThrow();

    const ws = await openSocket(target);
    try {
      const frame = await new Promise<WsServerFrame>((resolve) => {
        ws.once('message', (raw) => resolve(JSON.parse(String(raw)) as WsServerFrame));
        ws.send(JSON.stringify({ type: 'subscribe', id: 'e', topic: 'engine.watch', input: {} }));
      });
      expect(frame).toMatchObject({ type: 'frame', id: 'e', frame: { kind: 'data', message: { host: process.env.DOCKER_HOST } } });
    } finally {
      ws.terminate();
    }
    expect(await server.stop()).toEqual({ code: 0, signal: null });
  });

  it('refuse a key that does not match the certificate, with a plain message', async () => {
    const otherKey = path.join(dir, 'other-key.pem');
    execFileSync('openssl', ['genrsa', '-out', otherKey, '2048'], { stdio: 'pipe' });
    const result = await runCliToExit(['--tls-cert', certFile, '--tls-key', otherKey]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Cannot serve on 127\.0\.0\.1:0: /m);
  });
});
