// Logs across the edges: the engine going away mid-stream, and "Download log" in browser mode.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dispatcher } from '../../src/main/dispatch';
import { createEngine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import { headlessFileHost } from '../../src/main/transfers/headless-host';
import type { TransferProgress } from '../../src/shared/types/transfers';
import type { DownloadStart } from '../../src/shared/types/transfers';
import type { LogBatch, LogLine } from '../../src/shared/types/logs';
import type { StreamFrame } from '../../src/shared/transport';
import { EngineRelay, engineSocket } from '../helpers/engine-relay';
import { docker, removeTestContainers, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';

function get(web: WebServer, pathname: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: web.port, path: pathname, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function startedContainer(prefix: string, script: string, tty = false): Promise<string> {
  const name = uniqueName(prefix);
  const container = await docker().createContainer({ Image: testImage, name, Cmd: ['sh', '-c', script], Tty: tty, Labels: { ...TEST_LABELS } });
  await container.start();
  return name;
}

afterAll(async () => {
  await removeTestContainers();
});

describe('the engine going away while following', () => {
  let dir: string;
  let relay: EngineRelay;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'berth-logs-relay-'));
    relay = new EngineRelay(engineSocket(), dir);
    await relay.up();
  });

  afterAll(async () => {
    await relay.down();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ends the stream with ENGINE_UNAVAILABLE and leaves nothing open', async () => {
    const name = await startedContainer('logs-relay', 'while true; do echo tick; sleep 0.1; done');
    const engine = createEngine({ ...process.env, DOCKER_HOST: `unix://${relay.socketPath}` });
    const dispatcher = createBackend({ engine, host: webHost }).dispatcher;
    const frames: StreamFrame[] = [];
    const outcome = dispatcher.subscribe('logs.follow', { id: name, tail: 1 }, (frame) => frames.push(frame));
    expect(outcome.ok).toBe(true);
    await waitFor(() => frames.filter((f) => f.kind === 'data').length >= 2, { message: 'no lines through the relay' });
    await relay.down();
    const last = await waitFor(() => frames.find((f) => f.kind !== 'data'), { message: 'the stream did not notice the engine going away' });
    expect(last).toEqual({
      kind: 'error',
      error: { code: 'ENGINE_UNAVAILABLE', message: `The connection to the Docker engine was lost while reading the logs of ${name}.` },
    });
    expect(dispatcher.openStreamCount()).toBe(0);
    engine.monitor.stop();
    await relay.up();
  });
});

describe('Download log (browser mode)', () => {
  const engine = createEngine();
  let dispatcher: Dispatcher;
  let web: WebServer;

  beforeAll(async () => {
    const backend = createBackend({ engine, host: webHost });
    dispatcher = backend.dispatcher;
    web = await startWebServer({ backend, port: 0 });
  });

  afterAll(async () => {
    await web.close();
  });

  async function fetchLines(id: string, timestamps: boolean): Promise<LogLine[]> {
    const lines: LogLine[] = [];
    let ended = false;
    const outcome = dispatcher.subscribe('logs.fetch', { id, tail: 'all', timestamps }, (frame) => {
      if (frame.kind === 'data') lines.push(...(frame.message as LogBatch).lines);
      else ended = true;
    });
    expect(outcome.ok).toBe(true);
    await waitFor(() => ended);
    return lines;
  }

  async function download(
    id: string,
    timestamps: boolean,
  ): Promise<{ start: Extract<DownloadStart, { delivery: 'browser' }>; body: Buffer; disposition: string }> {
    const outcome = await dispatcher.invoke('logs.download', { id, timestamps });
    if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
    const start = outcome.result as DownloadStart;
    if (start.status !== 'started' || start.delivery !== 'browser') throw new Error(`unexpected ${JSON.stringify(start)}`);
    const reply = await get(web, start.url);
    expect(reply.status).toBe(200);
    return { start, body: reply.body, disposition: String(reply.headers['content-disposition']) };
  }

  it('streams the whole log once, as an attachment, then the link is spent', async () => {
    const name = await startedContainer('logs-dl', 'for i in $(seq 1 3000); do echo "line $i"; done; echo "to stderr" >&2; echo "한글 ✓"');
    await waitFor(async () => !(await docker().getContainer(name).inspect()).State.Running);
    const lines = await fetchLines(name, true);
    const { start, body, disposition } = await download(name, true);
    expect(start.filename).toMatch(new RegExp(`^${name}-\\d{8}-\\d{6}\\.log$`));
    expect(disposition).toContain(`filename="${start.filename}"`);
    expect(body.toString('utf8')).toBe(lines.map((l) => `${l.timestamp} ${l.text}\n`).join(''));
    expect(lines).toHaveLength(3002);
    const again = await get(web, start.url);
    expect(again.status).toBe(404);
  });

  it("keeps a TTY container's bytes as they are (\\r\\n)", async () => {
    const name = await startedContainer('logs-dl-tty', 'echo one; echo two', true);
    await waitFor(async () => !(await docker().getContainer(name).inspect()).State.Running);
    const { body } = await download(name, false);
    expect(body.toString('utf8')).toBe('one\r\ntwo\r\n');
  });

  it('refuses a container that does not exist before any download starts', async () => {
    const outcome = await dispatcher.invoke('logs.download', { id: 'berth-test-no-such-container' });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('NOT_FOUND');
  });
});

describe('Download log (desktop: save dialog, then a file)', () => {
  it('writes the whole log to the chosen file through a temporary file, and says when it is done', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'berth-logs-save-'));
    const target = path.join(dir, 'saved.log');
    const asked: string[] = [];
    const host = headlessFileHost({
      save: (request) => {
        asked.push(request.suggestedName);
        return target;
      },
    });
    const engine = createEngine();
    const dispatcher = createBackend({ engine, host }).dispatcher;
    try {
      const name = await startedContainer('logs-save', 'for i in $(seq 1 500); do echo "saved $i"; done; echo oops >&2');
      await waitFor(async () => !(await docker().getContainer(name).inspect()).State.Running);
      const outcome = await dispatcher.invoke('logs.download', { id: name });
      if (!outcome.ok) throw new Error(outcome.error.message);
      const start = outcome.result as DownloadStart;
      expect(start).toMatchObject({ status: 'started', delivery: 'file', filePath: target });
      expect(asked[0]).toMatch(new RegExp(`^${name}-\\d{8}-\\d{6}\\.log$`));
      if (start.status !== 'started') throw new Error('not started');
      const progress: TransferProgress[] = [];
      dispatcher.subscribe('transfers.watch', { transferId: start.transferId }, (frame) => {
        if (frame.kind === 'data') progress.push(frame.message as TransferProgress);
      });
      const final = await waitFor(() => progress.find((p) => p.phase !== 'running'));
      expect(final.phase).toBe('done');
      const text = readFileSync(target, 'utf8');
      expect(text.split('\n').filter((l) => l.startsWith('saved '))).toHaveLength(500);
      expect(text).toContain('oops\n');
      expect(readdirSync(dir)).toEqual(['saved.log']);
      expect(dispatcher.openStreamCount()).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
