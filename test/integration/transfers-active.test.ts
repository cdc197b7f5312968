// `transfers.active`: one list of every transfer of every engine, wherever it was started, in
// browser mode's host (one-time download URLs, streamed uploads). Real parts: the test engine, also
// reached through a second docker context (another engine id for the same daemon), and the web server.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackends } from '../../src/main/backends';
import { createEngine } from '../../src/main/engine/core/engine';
import { webHost } from '../../src/main/host';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import type { DownloadStart, TransferProgress, UploadStart } from '../../src/shared/types/transfers';
import { docker, removeTestContainers } from '../helpers/engine';
import { probe, type Probe } from '../helpers/stream-probe';
import { containerWithData, exportDirect, testRepository } from './images-support';

const exec = promisify(execFile);
let configDir: string;
let backends: ReturnType<typeof createBackends>;
let web: WebServer;
let source: { id: string; name: string };
const imported: string[] = [];

async function invoke<T>(channel: string, input: unknown): Promise<T> {
  const outcome = await backends.dispatcher.invoke(channel, input);
  if (!outcome.ok) throw Object.assign(new Error(`${channel}: ${outcome.error.message}`), { code: outcome.error.code });
  return outcome.result as T;
}

function http(method: 'GET' | 'POST', urlPath: string, body?: Buffer): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = body ? { Authorization: `Bearer ${web.token}`, 'Content-Length': String(body.length) } : {};
    const req = request({ host: '127.0.0.1', port: web.port, path: urlPath, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The newest list in which `match` holds for the transfer `transferId`. */
async function listedAs(list: Probe, transferId: string, match: (transfer: TransferProgress) => boolean): Promise<TransferProgress> {
  const frame = await list.waitForMessage<TransferProgress[]>(
    (transfers) => transfers.some((transfer) => transfer.transferId === transferId && match(transfer)),
    20_000,
  );
  return frame.find((transfer) => transfer.transferId === transferId)!;
}

beforeAll(async () => {
  configDir = await mkdtemp(path.join(os.tmpdir(), 'berth-transfers-active-'));
  const dockerHost = process.env.DOCKER_HOST;
  if (!dockerHost) throw new Error('the tests run against a private engine named by DOCKER_HOST');
  // A second engine id for the same daemon: what matters here is which id a transfer carries.
  await exec('docker', ['context', 'create', 'second', '--docker', `host=${dockerHost}`], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DOCKER_CONFIG: configDir },
  });
  const env = { DOCKER_HOST: dockerHost, DOCKER_CONFIG: configDir };
  const engine = createEngine(env);
  backends = createBackends({ engine, host: webHost, engines: { env, probeTimeoutMs: 5000 } });
  web = await startWebServer({ backend: backends, port: 0 });
  source = await containerWithData('active');
}, 120_000);

afterAll(async () => {
  await web?.close();
  backends?.dispose();
  for (const reference of imported)
    await docker()
      .getImage(reference)
      .remove({ force: true })
      .catch(() => undefined);
  await removeTestContainers();
  await rm(configDir, { recursive: true, force: true });
}, 60_000);

describe('transfers.active', () => {
  it('lists a download on one engine and an upload on another, with their progress and how they ended', async () => {
    const list = probe(backends.dispatcher, 'transfers.active', {});
    try {
      const tar = await exportDirect(source.id);
      const download = await invoke<DownloadStart>('containers.export', { id: source.id, engine: 'second' });
      if (download.status !== 'started' || download.delivery !== 'browser') throw new Error('not a browser download');
      const repository = testRepository('active');
      imported.push(`${repository}:latest`);
      const upload = await invoke<UploadStart>('images.import', { source: { kind: 'upload', filename: 'active.tar', sizeBytes: tar.length }, repository });

      // Both listed while running, each with its engine, wherever they were started.
      expect(await listedAs(list, download.transferId, (transfer) => transfer.phase === 'running')).toMatchObject({
        direction: 'download',
        name: `${source.name}.tar`,
        engine: 'second',
        bytes: 0,
      });
      expect(await listedAs(list, upload.transferId, (transfer) => transfer.phase === 'running')).toMatchObject({
        direction: 'upload',
        name: 'active.tar',
        engine: 'default',
        totalBytes: tar.length,
      });

      const [got, posted] = await Promise.all([http('GET', download.url), http('POST', upload.uploadUrl!, tar)]);
      expect([got.status, posted.status]).toEqual([200, 200]);
      expect(await listedAs(list, download.transferId, (transfer) => transfer.phase === 'done')).toMatchObject({
        engine: 'second',
        bytes: got.body.length,
      });
      const done = await listedAs(list, upload.transferId, (transfer) => transfer.phase === 'done');
      expect(done).toMatchObject({ engine: 'default', bytes: tar.length, totalBytes: tar.length, result: { reference: `${repository}:latest` } });
      expect(done.result?.imageId).toMatch(/^sha256:/);

      // A subscriber that comes later gets the same list at once (the ended ones included).
      const late = probe(backends.dispatcher, 'transfers.active', { engine: 'second' });
      const first = await late.waitForMessage<TransferProgress[]>(() => true);
      late.close();
      expect(first.filter((transfer) => [download.transferId, upload.transferId].includes(transfer.transferId)).map((transfer) => transfer.phase)).toEqual([
        'done',
        'done',
      ]);
    } finally {
      list.close();
    }
  });

  it('shows a transfer cancelled through transfers.cancel as cancelled, in plain words', async () => {
    const list = probe(backends.dispatcher, 'transfers.active', {});
    try {
      const started = await invoke<DownloadStart>('containers.export', { id: source.id, engine: 'second' });
      if (started.status !== 'started') throw new Error('not started');
      await listedAs(list, started.transferId, (transfer) => transfer.phase === 'running');
      // Cancelled through another engine's backend: one registry serves them all.
      await invoke('transfers.cancel', { transferId: started.transferId });
      const cancelled = await listedAs(list, started.transferId, (transfer) => transfer.phase !== 'running');
      expect(cancelled).toMatchObject({ phase: 'cancelled', engine: 'second', error: { code: 'CANCELLED', message: expect.stringMatching(/^Cancelled/) } });
    } finally {
      list.close();
    }
  });

  it('refuses bad input with a clear error', async () => {
    for (const input of [{ engine: 'second', transferId: 'x' }, { all: true }, [], 'everything']) {
      const outcome = backends.dispatcher.subscribe('transfers.active', input, () => undefined);
      if (outcome.ok) outcome.close();
      expect(outcome, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(backends.dispatcher.subscribe('transfers.active', { engine: 'no-such-engine' }, () => undefined)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('no-such-engine') },
    });
    await expect(invoke('transfers.cancel', { transferId: 'not-an-id' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('Not a transfer id'),
    });
    await expect(invoke('transfers.cancel', { transferId: `t${'0'.repeat(24)}` })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('No such transfer'),
    });
  });
});
