// engineGetStream over a real unix socket, against a server whose answers each test scripts:
// the body arrives whole and byte-identical however it is framed, a connection cut anywhere
// before the response's end fails the body, error answers map as dockerode's do, abort closes
// the connection, and a consumer that does not read stops the reading (nothing piles up).
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { engineGetStream } from '../../src/main/engine/core/engine-http-stream';
import { toBerthError } from '../../src/main/engine/core/errors';

const dir = mkdtempSync(path.join(tmpdir(), 'berth-http-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Served {
  socketPath: string;
  /** Request heads received, in order. */
  requests: string[];
  /** Resolves when the server's side of the (first) connection closed. */
  closed: Promise<void>;
  /** Bytes the server's script has handed to the socket, for back-pressure checks. */
  written: () => number;
}

type Script = (socket: net.Socket, track: (bytes: number) => void) => unknown;

const servers: net.Server[] = [];
const connections = new Set<net.Socket>();
afterEach(async () => {
  for (const socket of connections) socket.destroy();
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

let serial = 0;
/** A unix-socket server that reads one request head per connection, then runs `script` on it. */
async function serve(script: Script): Promise<Served> {
  const socketPath = path.join(dir, `s${serial++}.sock`);
  const requests: string[] = [];
  let written = 0;
  let markClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (markClosed = resolve));
  const server = net.createServer((socket) => {
    connections.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      connections.delete(socket);
      markClosed();
    });
    let head = '';
    const onData = (chunk: Buffer): void => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      requests.push(head);
      void script(socket, (bytes) => (written += bytes));
    };
    socket.on('data', onData);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return { socketPath, requests, closed, written: () => written };
}

const OK_CHUNKED = 'HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n';

/** The chunked framing of `body` in chunks of the given sizes (repeated), with or without the final 0-chunk. */
function chunkedBody(body: Buffer, sizes: number[], terminate = true): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0, i = 0; at < body.length; i++) {
    const size = Math.min(sizes[i % sizes.length]!, body.length - at);
    parts.push(Buffer.from(`${size.toString(16)}\r\n`), body.subarray(at, at + size), Buffer.from('\r\n'));
    at += size;
  }
  if (terminate) parts.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(parts);
}

/** Writes `bytes` in pieces of `piece`, each after the last was taken (back-pressure respected). */
async function writeInPieces(socket: net.Socket, bytes: Buffer, piece: number, track: (bytes: number) => void = () => undefined): Promise<void> {
  for (let at = 0; at < bytes.length && !socket.destroyed; at += piece) {
    const part = bytes.subarray(at, at + piece);
    track(part.length);
    if (!socket.write(part)) await new Promise((resolve) => socket.once('drain', resolve));
  }
}

const get = (served: Served, signal = new AbortController().signal): ReturnType<typeof engineGetStream> =>
  engineGetStream({ socketPath: served.socketPath, path: '/v1.41/containers/abc/export', signal });

async function readAll(body: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of body) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

async function failureOf(body: Readable): Promise<unknown> {
  try {
    await readAll(body);
  } catch (err) {
    return err;
  }
  throw new Error('the body ended without an error');
}

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('engineGetStream: read memory reused once released', () => {
  /** Reads every piece; each is released `lag` pieces later, after checking it still holds what it held on arrival. */
  async function readReleasing(body: Awaited<ReturnType<typeof engineGetStream>>, lag: number): Promise<{ bytes: Buffer; memories: number; changed: number }> {
    const parts: Buffer[] = [];
    const held: { piece: Buffer; digest: string }[] = [];
    const memories = new Set<ArrayBufferLike>();
    let changed = 0;
    const releaseOldest = (): void => {
      const oldest = held.shift()!;
      if (sha(oldest.piece) !== oldest.digest) changed++;
      body.releaseChunk(oldest.piece);
    };
    // Flowing, as the file writer reads: each piece as it was pushed (read() would join them).
    await new Promise<void>((resolve, reject) => {
      body.on('data', (piece: Buffer) => {
        memories.add(piece.buffer);
        parts.push(Buffer.from(piece));
        held.push({ piece, digest: sha(piece) });
        if (held.length > lag) releaseOldest();
      });
      body.once('end', resolve);
      body.once('error', reject);
    });
    while (held.length > 0) releaseOldest();
    return { bytes: Buffer.concat(parts), memories: memories.size, changed };
  }

  it('reads into the same few slabs when the consumer releases what it wrote, and never into a piece still held', async () => {
    const body = randomBytes(24 * 1024 * 1024 + 5);
    for (const [framing, lag] of [
      ['chunked', 0],
      ['chunked', 300],
      ['unframed', 0],
      ['unframed', 40],
    ] as const) {
      const served = await serve(async (socket) => {
        const answer =
          framing === 'chunked'
            ? Buffer.concat([Buffer.from(OK_CHUNKED), chunkedBody(body, [32 * 1024, 4093])])
            : Buffer.concat([Buffer.from('HTTP/1.0 200 OK\r\n\r\n'), body]);
        await writeInPieces(socket, answer, 256 * 1024);
        socket.end();
      });
      const result = await readReleasing(await get(served), lag);
      expect(sha(result.bytes), `${framing}, released ${lag} pieces later`).toBe(sha(body));
      expect(result.changed, `${framing}, released ${lag} pieces later`).toBe(0);
      // 24 MiB through 1 MiB slabs: without reuse at least 24 of them; with it, what is held plus a few.
      expect(result.memories, `${framing}, released ${lag} pieces later`).toBeLessThan(lag === 0 ? 8 : 20);
    }
  });
});

describe('engineGetStream: complete bodies', () => {
  it('sends one HTTP/1.1 GET and delivers a chunked body byte-identical, in pieces that split chunks anywhere', async () => {
    const body = randomBytes(6 * 1024 * 1024 + 123);
    const served = await serve(async (socket) => {
      await writeInPieces(socket, Buffer.concat([Buffer.from(OK_CHUNKED), chunkedBody(body, [32 * 1024, 1, 4093, 65536 + 7])]), 7919);
    });
    const received = await readAll(await get(served));
    expect(sha(received)).toBe(sha(body));
    expect(served.requests[0]).toMatch(/^GET \/v1\.41\/containers\/abc\/export HTTP\/1\.1\r\nHost: [^\r]+\r\n/);
    await served.closed;
  });

  it('a Content-Length body, and one that ends with the connection', async () => {
    const body = randomBytes(100_000);
    const sized = await serve((socket) => {
      socket.write(`HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n`);
      socket.write(body);
    });
    expect(sha(await readAll(await get(sized)))).toBe(sha(body));
    const untilClose = await serve((socket) => socket.end(Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\n\r\n'), body])));
    expect(sha(await readAll(await get(untilClose)))).toBe(sha(body));
  });

  it('chunk extensions and trailers are read past', async () => {
    const served = await serve((socket) => {
      socket.write(`${OK_CHUNKED}5;a=b\r\nhello\r\n6 ; x\r\n world\r\n0\r\nX-Sum: 1\r\n\r\n`);
    });
    expect((await readAll(await get(served))).toString()).toBe('hello world');
  });
});

describe('engineGetStream: a connection cut before the end fails the body', () => {
  const body = randomBytes(200_000);
  const whole = chunkedBody(body, [50_000]);
  const framed = whole.toString('latin1');
  const cuts: [string, number][] = [
    ['mid-chunk', 70_000],
    ['between chunks', framed.indexOf('\r\nc350\r\n', 60_000) + 2],
    ['before the 0-size chunk (every data byte received)', whole.length - 5],
    ['after the 0-size chunk, before the final CRLF', whole.length - 2],
  ];
  for (const [name, at] of cuts) {
    it(name, async () => {
      const served = await serve(async (socket) => {
        await writeInPieces(socket, Buffer.concat([Buffer.from(OK_CHUNKED), whole.subarray(0, at)]), 16_384);
        socket.end();
      });
      const err = await failureOf(await get(served));
      expect(err).toMatchObject({ code: 'ECONNRESET', message: expect.stringMatching(/closed before the end of the response body/) });
      expect(toBerthError(err).code).toBe('ENGINE_UNAVAILABLE');
    });
  }

  it('a Content-Length body cut short', async () => {
    const served = await serve((socket) => socket.end(`HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort`));
    expect(await failureOf(await get(served))).toMatchObject({ code: 'ECONNRESET' });
  });

  it('a cut before the head rejects with the same code', async () => {
    const served = await serve((socket) => socket.end('HTTP/1.1 200 OK\r\nTransfer-'));
    await expect(get(served)).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('malformed framing fails the body with what was wrong', async () => {
    const served = await serve((socket) => socket.write(`${OK_CHUNKED}5\r\nhello\r\nxyz\r\n`));
    expect(await failureOf(await get(served))).toMatchObject({ code: 'ERR_ENGINE_HTTP', message: expect.stringMatching(/"x" where a hex digit belongs/) });
    await served.closed;
  });

  it('a head beyond 64 KiB is refused, and the connection closed', async () => {
    const served = await serve((socket) => socket.write(`HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`));
    await expect(get(served)).rejects.toMatchObject({ code: 'ERR_ENGINE_HTTP', message: expect.stringMatching(/head is longer than 65536/) });
    await served.closed;
  });
});

describe('engineGetStream: error answers', () => {
  it('404 with the engine JSON: NOT_FOUND with its message, as through dockerode', async () => {
    const served = await serve((socket) => {
      const json = '{"message":"No such container: abc"}\n';
      socket.write(`HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: ${json.length}\r\n\r\n${json}`);
    });
    const err = await get(served).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(err).toMatchObject({ statusCode: 404, json: { message: 'No such container: abc' } });
    const mapped = toBerthError(err, { action: 'export container abc' });
    expect(mapped.code).toBe('NOT_FOUND');
    expect(mapped.message).toBe('Could not export container abc: No such container: abc');
  });

  it('a chunked 500 with plain text, a 409 cut short, and a huge error body', async () => {
    const text = await serve((socket) => socket.write('HTTP/1.1 500 Internal Server Error\r\nTransfer-Encoding: chunked\r\n\r\n7\r\nbroken!\r\n0\r\n\r\n'));
    const failed = await get(text).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(toBerthError(failed, { action: 'export container abc' }).message).toBe('Could not export container abc: the engine said: broken!');

    const cut = await serve((socket) => socket.end('HTTP/1.1 409 Conflict\r\nContent-Length: 100\r\n\r\n{"message":"is paus'));
    await expect(get(cut)).rejects.toMatchObject({ statusCode: 409 });

    const huge = await serve(async (socket) => {
      socket.write('HTTP/1.1 500 Internal Server Error\r\nContent-Length: 10000000\r\n\r\n');
      await writeInPieces(socket, Buffer.alloc(10_000_000, 0x61), 65536);
    });
    await expect(get(huge)).rejects.toMatchObject({ statusCode: 500 });
    await huge.closed;
  });

  it('no server: the socket error (ENOENT), mapped to ENGINE_UNAVAILABLE', async () => {
    const missing = get({ socketPath: path.join(dir, 'nobody.sock'), requests: [], closed: Promise.resolve(), written: () => 0 });
    await expect(missing).rejects.toMatchObject({ code: 'ENOENT' });
    expect(toBerthError(await missing.catch((err: unknown) => err)).code).toBe('ENGINE_UNAVAILABLE');
  });
});

describe('engineGetStream: abort and back-pressure', () => {
  it('abort before the head rejects with the reason and closes the connection', async () => {
    const served = await serve(() => undefined);
    const abort = new AbortController();
    const pending = get(served, abort.signal);
    await expect.poll(() => served.requests.length).toBe(1);
    abort.abort(new Error('cancelled by the user'));
    await expect(pending).rejects.toThrow('cancelled by the user');
    await served.closed;
  });

  it('abort mid-body fails the body with the reason and closes the connection', async () => {
    const served = await serve((socket) => socket.write(`${OK_CHUNKED}5\r\nhello\r\n`));
    const abort = new AbortController();
    const body = await get(served, abort.signal);
    const failing = failureOf(body);
    abort.abort(new Error('cancelled by the user'));
    expect(await failing).toMatchObject({ message: 'cancelled by the user' });
    await served.closed;
  });

  it('a consumer that does not read stops the reading; it all arrives once it reads', async () => {
    const total = 64 * 1024 * 1024;
    const body = Buffer.alloc(total, 0x5a);
    const served = await serve(async (socket, track) => {
      await writeInPieces(socket, Buffer.concat([Buffer.from(OK_CHUNKED), chunkedBody(body, [32 * 1024])]), 256 * 1024, track);
    });
    const stream = await get(served);
    // Nothing after the head is read before the consumer starts.
    await expect.poll(() => served.written(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(stream.readableLength).toBe(0);
    // It takes one chunk, then stops: the body reads ahead to its mark, then the socket is no longer read.
    const first = await new Promise<Buffer>((resolve) =>
      stream.once('data', (chunk: Buffer) => {
        stream.pause();
        resolve(chunk);
      }),
    );
    await expect.poll(() => stream.readableLength, { timeout: 10_000 }).toBeGreaterThanOrEqual(1024 * 1024);
    // Were reading not stopped, the server's 64 MiB would pile up here meanwhile (this wait cannot
    // make the test fail on a slow machine, only give a leak the time to show).
    for (let turn = 0; turn < 50; turn++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(stream.readableLength).toBeLessThanOrEqual(2 * 1024 * 1024 + 64 * 1024);
    expect(served.written()).toBeLessThan(16 * 1024 * 1024);
    expect(first.length + (await readAll(stream)).length).toBe(total);
  });
});
