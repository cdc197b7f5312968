// Browser mode's request limits, against the real engine: an oversized JSON body gets a 413 with
// the JSON error (not a reset); ordinary requests have a time limit, upload bodies none (they may
// take as long as the file needs), only one on silence.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pack } from 'tar-stream';
import { createEngine } from '../../src/main/engine/core/engine';
import { createBackend, type Backend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import type { UploadStart } from '../../src/shared/types/transfers';
import { engineSocket } from '../helpers/engine-relay';
import { MeteredRelay } from '../helpers/metered-relay';
import { invokeOver, send, type WebTarget } from '../helpers/web-client';
import { finalOf, imageIds, testRepository } from './images-support';

const REQUEST_MS = 500;
const UPLOAD_IDLE_MS = 3000;
const engine = createEngine();
const backend = createBackend({ engine, host: webHost });
const dispatcher = backend.dispatcher;
let web: WebServer;
let target: WebTarget;

beforeAll(async () => {
  web = await startWebServer({ backend, port: 0, timeouts: { requestMs: REQUEST_MS, uploadIdleMs: UPLOAD_IDLE_MS } });
  target = { origin: `http://127.0.0.1:${web.port}`, token: web.token };
});

afterAll(async () => {
  await web?.close();
});

async function tarOf(size: number): Promise<Buffer> {
  const archive = pack();
  archive.entry({ name: 'payload.bin', size }, Buffer.alloc(size, 3));
  archive.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of archive) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function startImport(sizeBytes: number, to: WebTarget = target): Promise<{ transferId: string; uploadUrl: string }> {
  const started = await invokeOver<UploadStart>(to, 'images.import', {
    source: { kind: 'upload', filename: 'slow.tar', sizeBytes },
    repository: testRepository('limits'),
  });
  return { transferId: started.transferId, uploadUrl: started.uploadUrl! };
}

describe('an oversized JSON body', () => {
  const big = Buffer.alloc(2 * 1024 * 1024, 0x20);

  it.each([
    ['with a Content-Length', { 'Content-Length': big.length }],
    ['chunked', { 'Transfer-Encoding': 'chunked' }],
  ])('%s: 413 with the JSON error shape, then the connection still serves', async (_how, headers) => {
    const reply = await send(target, '/api/invoke/engine.ping', { headers: { 'Content-Type': 'application/json', ...headers }, chunks: [big] });
    expect(reply.status).toBe(413);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(reply.json()).toEqual({ error: { code: 'INVALID_INPUT', message: 'The request body is larger than 1024 KiB.' } });
    await expect(invokeOver(target, 'engine.ping', {})).resolves.toMatchObject({ ok: true });
  });
});

describe('time limits', () => {
  it('an ordinary request that has not arrived within the limit gets 408', async () => {
    const reply = await send(target, '/api/invoke/engine.ping', {
      headers: { 'Content-Type': 'application/json', 'Content-Length': 2 },
      chunks: ['{', { waitMs: REQUEST_MS * 6 }, '}'],
    });
    expect(reply.status).toBe(408);
    expect(reply.json()).toEqual({ error: { code: 'INVALID_INPUT', message: 'The request did not arrive in time.' } });
  });

  it('an upload that takes longer than the ordinary limit still completes', async () => {
    // Node's own requestTimeout (300 s by default) would cut any upload that takes longer.
    expect(web.server.requestTimeout).toBe(0);
    const tar = await tarOf(256 * 1024);
    const { transferId, uploadUrl } = await startImport(tar.length);
    const pieces = 6;
    const step = Math.ceil(tar.length / pieces);
    const chunks: Array<Buffer | { waitMs: number }> = [];
    for (let i = 0; i < pieces; i++) chunks.push(tar.subarray(i * step, (i + 1) * step), { waitMs: REQUEST_MS / 2 });
    const startedAt = Date.now();
    const reply = await send(target, uploadUrl, { headers: { 'Content-Length': tar.length }, chunks });
    expect(Date.now() - startedAt).toBeGreaterThan(REQUEST_MS * 2);
    expect(reply.status, reply.text).toBe(200);
    expect(await finalOf(dispatcher, transferId)).toMatchObject({ phase: 'done', result: { imageId: expect.stringMatching(/^sha256:/) } });
  });

  it('an upload that stops sending fails with a plain message after the idle limit, and creates nothing', async () => {
    const before = await imageIds();
    const tar = await tarOf(256 * 1024);
    const { transferId, uploadUrl } = await startImport(tar.length);
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const sending = send(target, uploadUrl, { headers: { 'Content-Length': tar.length }, chunks: [tar.subarray(0, 10_000), held] });
    const final = await finalOf(dispatcher, transferId);
    release();
    await sending.catch(() => undefined);
    expect(final).toMatchObject({ phase: 'failed', error: { message: 'The upload stalled: nothing arrived for 3 s, so it was stopped.' } });
    expect(await imageIds()).toEqual(before);
    await expect(invokeOver(target, 'engine.ping', {})).resolves.toMatchObject({ ok: true });
  });
});

describe('an upload the engine holds', () => {
  let relayDir: string;
  let relay: MeteredRelay;
  let relayedWeb: WebServer;
  const relayed = { backend: undefined as unknown as Backend };

  beforeAll(async () => {
    relayDir = mkdtempSync(path.join(tmpdir(), 'berth-limits-relay-'));
    relay = new MeteredRelay(engineSocket(), relayDir);
    await relay.up();
    relayed.backend = createBackend({ engine: createEngine({ DOCKER_HOST: `unix://${relay.socketPath}` }), host: webHost });
    relayedWeb = await startWebServer({ backend: relayed.backend, port: 0, timeouts: { requestMs: REQUEST_MS, uploadIdleMs: 1000 } });
  });

  afterAll(async () => {
    relay?.resume();
    await relayedWeb?.close();
    await relay?.down();
    rmSync(relayDir, { recursive: true, force: true });
  });

  it('is not "stalled" while the engine, not the page, stops taking bytes longer than the idle limit', async () => {
    const to = { origin: `http://127.0.0.1:${relayedWeb.port}`, token: relayedWeb.token };
    const tar = await tarOf(32 * 1024 * 1024);
    const { transferId, uploadUrl } = await startImport(tar.length, to);
    const held = relay.when('toEngine', 4 * 1024 * 1024, 'pause');
    const sending = send(to, uploadUrl, { headers: { 'Content-Length': tar.length }, chunks: [tar] });
    await held;
    // The point is a span with no bytes moving: three idle limits with the engine held.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    relay.resume();
    const reply = await sending;
    expect(reply.status, reply.text).toBe(200);
    expect(await finalOf(relayed.backend.dispatcher, transferId)).toMatchObject({ phase: 'done' });
  });
});
