// Export -> import round trip through the real handlers, in both hosts: the desktop app's (main
// writes and reads host files) and browser mode's (one-time download URL, streamed upload body).
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/main/engine/core/engine';
import { headlessFileHost } from '../../src/main/transfers/headless-host';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import type { DownloadStart, PickedFile, UploadStart } from '../../src/shared/types/transfers';
import { docker, removeTestContainers } from '../helpers/engine';
import {
  call,
  containerWithData,
  backendFor,
  dispatcherFor,
  exportDirect,
  finalOf,
  partFiles,
  runImage,
  tarListing,
  testRepository,
  watchTransfer,
} from './images-support';

const engine = createEngine();
let dir: string;
let savePath = '';
let openPath = '';
const fileHost = headlessFileHost({ save: () => savePath, open: () => openPath });
const desktop = dispatcherFor(engine, fileHost);
const browserBackend = backendFor(engine);
const browser = browserBackend.dispatcher;
let web: WebServer;
let source: { id: string; name: string };

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'berth-images-'));
  source = await containerWithData('export');
  web = await startWebServer({ backend: browserBackend, port: 0 });
});

afterAll(async () => {
  await web?.close();
  rmSync(dir, { recursive: true, force: true });
  await removeTestContainers();
});

interface HttpReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function http(method: string, urlPath: string, options: { headers?: Record<string, string>; body?: NodeJS.ReadableStream } = {}): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: web.port, path: urlPath, method, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.body) options.body.pipe(req);
    else req.end();
  });
}

describe('export and import, desktop host (main writes and reads the files)', () => {
  it("round trip: the imported image has the container's files and runs its CMD change", async () => {
    const reference = await tarListing(await exportDirect(source.id));
    expect(reference).toContainEqual(expect.objectContaining({ name: 'data/link', type: 'symlink', linkname: 'a file 한글' }));
    expect(reference).toContainEqual(expect.objectContaining({ name: 'data/blob', size: 256 * 1024 }));
    expect((reference.find((entry) => entry.name === 'data/blob')?.mode ?? 0) & 0o7777).toBe(0o750);
    savePath = path.join(dir, 'round trip.tar');
    const started = await call<DownloadStart>(desktop, 'containers.export', { id: source.name });
    expect(started).toMatchObject({ status: 'started', delivery: 'file', filePath: savePath, filename: 'round trip.tar' });
    if (started.status !== 'started') return;
    const seen = await watchTransfer(desktop, started.transferId);
    const final = seen.at(-1)!;
    expect(final).toMatchObject({ phase: 'done', direction: 'download', result: { path: savePath } });
    expect(final.bytes).toBe(statSync(savePath).size);
    expect(seen.every((p, i) => i === 0 || p.bytes >= seen[i - 1]!.bytes)).toBe(true);
    expect(partFiles(dir)).toEqual([]);
    expect(await tarListing(savePath)).toEqual(reference);

    openPath = savePath;
    const picked = await call<PickedFile>(desktop, 'transfers.pickFile', {});
    expect(picked).toMatchObject({ name: 'round trip.tar', sizeBytes: final.bytes });
    const repository = testRepository('roundtrip');
    const upload = await call<UploadStart>(desktop, 'images.import', {
      source: { kind: 'file', fileHandle: picked.fileHandle },
      repository,
      tag: 'v1',
      message: 'from the round trip',
      changes: ['CMD ["/bin/echo","hello"]'],
    });
    expect(upload.uploadUrl).toBeUndefined();
    const imported = await finalOf(desktop, upload.transferId);
    expect(imported).toMatchObject({ phase: 'done', direction: 'upload', bytes: final.bytes, totalBytes: final.bytes });
    expect(imported.result?.imageId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(imported.result?.reference).toBe(`${repository}:v1`);

    const image = await docker().getImage(`${repository}:v1`).inspect();
    expect(image.Id).toBe(imported.result?.imageId);
    expect(image.Config.Cmd).toEqual(['/bin/echo', 'hello']);
    expect(image.Comment).toBe('from the round trip');
    expect(await runImage(`${repository}:v1`)).toBe('hello\n');

    // The imported filesystem is the container's: a container made from it exports the same listing.
    const copy = await docker().createContainer({ Image: `${repository}:v1`, Labels: { 'berth.test': '1' } });
    expect(await tarListing(await exportDirect(copy.id))).toEqual(reference);
  });

  it('a dismissed save dialog starts nothing', async () => {
    savePath = '';
    expect(await call(desktop, 'containers.export', { id: source.id })).toEqual({ status: 'dismissed' });
  });

  it('the desktop host refuses an upload body (it reads files itself)', async () => {
    const outcome = await desktop.invoke('images.import', { source: { kind: 'upload', filename: 'x.tar', sizeBytes: 10 } });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('export and import, browser mode (one-time download URL, streamed upload)', () => {
  it('downloads the export once, with the token-free ticket, as an attachment', async () => {
    const started = await call<DownloadStart>(browser, 'containers.export', { id: source.id });
    expect(started).toMatchObject({ status: 'started', delivery: 'browser', filename: `${source.name}.tar` });
    if (started.status !== 'started' || started.delivery !== 'browser') return;
    expect(started.url).toMatch(/^\/api\/download\/[A-Za-z0-9_-]{43}$/);

    const wrongHost = await http('GET', started.url, { headers: { Host: `evil.example:${web.port}` } });
    expect(wrongHost.status).toBe(403);
    const crossSite = await http('GET', started.url, { headers: { Origin: 'http://evil.example' } });
    expect(crossSite.status).toBe(403);

    const reply = await http('GET', started.url);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/x-tar');
    expect(reply.headers['content-disposition']).toContain(`filename="${source.name}.tar"`);
    expect(await tarListing(reply.body)).toEqual(await tarListing(await exportDirect(source.id)));
    const final = await finalOf(browser, started.transferId);
    expect(final).toMatchObject({ phase: 'done', bytes: reply.body.length });

    const again = await http('GET', started.url);
    expect(again.status).toBe(404);
    expect(JSON.parse(again.body.toString()).error.message).toMatch(/used already or has expired/);

    const tarPath = path.join(dir, 'browser.tar');
    writeFileSync(tarPath, reply.body);
    const repository = testRepository('upload');
    const upload = await call<UploadStart>(browser, 'images.import', {
      source: { kind: 'upload', filename: 'browser.tar', sizeBytes: reply.body.length },
      repository,
      changes: ['CMD ["/bin/echo","hello"]', 'ENV GREETING="hi there"'],
    });
    expect(upload.uploadUrl).toMatch(/^\/api\/upload\/[A-Za-z0-9_-]{43}$/);
    const progress = watchTransfer(browser, upload.transferId);

    const noToken = await http('POST', upload.uploadUrl!, { body: createReadStream(tarPath) });
    expect(noToken.status).toBe(401);

    const posted = await http('POST', upload.uploadUrl!, {
      headers: { Authorization: `Bearer ${web.token}`, 'Content-Length': String(reply.body.length) },
      body: createReadStream(tarPath),
    });
    expect(posted.status).toBe(200);
    const final2 = (await progress).at(-1)!;
    expect(final2).toMatchObject({ phase: 'done', bytes: reply.body.length, result: { reference: `${repository}:latest` } });
    expect(JSON.parse(posted.body.toString()).result.result.imageId).toBe(final2.result?.imageId);
    const image = await docker().getImage(`${repository}:latest`).inspect();
    expect(image.Config.Env).toContain('GREETING=hi there');
    expect(await runImage(repository)).toBe('hello\n');

    const reused = await http('POST', upload.uploadUrl!, { headers: { Authorization: `Bearer ${web.token}` }, body: createReadStream(tarPath) });
    expect(reused.status).toBe(404);
  });

  it('an unused ticket can be cancelled, and then admits nothing', async () => {
    const started = await call<DownloadStart>(browser, 'containers.export', { id: source.id });
    if (started.status !== 'started' || started.delivery !== 'browser') throw new Error('not a browser download');
    await call(browser, 'transfers.cancel', { transferId: started.transferId });
    expect(await finalOf(browser, started.transferId)).toMatchObject({ phase: 'cancelled', error: { code: 'CANCELLED' } });
    expect((await http('GET', started.url)).status).toBe(404);
  });

  it('browser mode has no native file dialog', async () => {
    expect(await browser.invoke('transfers.pickFile', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
