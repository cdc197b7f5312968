// Bad frames on browser mode's stream socket, against the real server process: the socket is
// closed, the process keeps serving (an 'error' nobody listens to would end it).
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { invokeOver, openSocket, type WebTarget } from '../helpers/web-client';
import { freshCliPerTest, type CliServer } from '../helpers/web-cli';

let cli: CliServer;
let target: WebTarget;

freshCliPerTest((server) => ({ cli, target } = server));

function closed(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

describe('the stream socket', () => {
  it.each([
    ['a message over the 1 MiB limit', 1009, (ws: WebSocket) => ws.send('x'.repeat(2 * 1024 * 1024))],
    ['a text frame that is not UTF-8', 1007, (ws: WebSocket) => ws.send(Buffer.from([0xff, 0xfe, 0xfd]), { binary: false })],
  ])('%s: the socket closes with %i, the server lives', async (_what, code, misbehave) => {
    const ws = await openSocket(target);
    ws.on('error', () => undefined);
    const done = closed(ws);
    misbehave(ws);
    expect(await done).toBe(code);
    expect(cli.alive(), `the server process ended; stderr:\n${cli.stderr()}`).toBe(true);
    await expect(invokeOver(target, 'engine.ping', {})).resolves.toMatchObject({ ok: true });
  });
});

describe('a refused upgrade', () => {
  it('reset by the client after the refusal: the server lives', async () => {
    for (let i = 0; i < 3; i++) {
      const socket = connect(cli.port, '127.0.0.1');
      socket.on('error', () => undefined);
      const answer = new Promise<string>((resolve) => {
        socket.once('data', (chunk: Buffer) => resolve(chunk.toString()));
        socket.once('close', () => resolve('closed without an answer'));
      });
      socket.write(
        `GET /api/ws HTTP/1.1\r\nHost: 127.0.0.1:${cli.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
      );
      expect(await answer, `attempt ${i + 1}; server stderr:\n${cli.stderr()}`).toMatch(/^HTTP\/1\.1 401 /);
      socket.resetAndDestroy();
      await new Promise<void>((resolve) => socket.once('close', () => resolve()));
    }
    await expect(invokeOver(target, 'engine.ping', {})).resolves.toMatchObject({ ok: true });
    expect(cli.alive(), `the server process ended; stderr:\n${cli.stderr()}`).toBe(true);
  });
});
