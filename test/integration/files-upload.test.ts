// Browser-mode uploads (`files.copyIn` with an upload ticket, then `POST /api/upload/<ticket>`)
// whose tar body does not match what the page declared: hand-made bodies through the real
// browser-mode server and the real engine. Nothing undeclared may reach the container, nothing is
// written through a link, and a body cut short is a failure whose partial copy is removed again.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tarParts } from '../../src/shared/files/tar-writer';
import type { TransferProgress, UploadStart } from '../../src/shared/types/transfers';
import { createEngine } from '../../src/main/engine/core/engine';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import { dockerCli, removeTestContainers } from '../helpers/engine';
import { runningContainer, seed, tarOf, type SeedItem } from './files-support';
import { call, backendFor, watchTransfer } from './images-support';
import { send } from '../helpers/web-client';

const engine = createEngine();
const browserBackend = backendFor(engine);
const browser = browserBackend.dispatcher;
let web: WebServer;
let box: { id: string };

beforeAll(async () => {
  web = await startWebServer({ backend: browserBackend, port: 0 });
  box = await runningContainer('files-upload');
  await seed(box.id, '/', [{ name: 'elsewhere/', type: 'directory' }]);
});

beforeEach(async () => {
  // A fresh destination each time: an existing file, and a link to a folder outside it.
  expect((await dockerCli(['exec', box.id, 'rm', '-rf', '/dest', '/elsewhere/evil.txt'])).code).toBe(0);
  await seed(box.id, '/', [
    { name: 'dest/', type: 'directory' },
    { name: 'dest/existing.txt', body: 'original' },
    { name: 'dest/link', type: 'symlink', linkname: '/elsewhere' },
  ]);
});

afterAll(async () => {
  await web?.close();
  engine.monitor.stop();
  await removeTestContainers();
});

/** POSTs `body` whole to the server's URL; resolves the status. */
async function post(urlPath: string, body: Buffer): Promise<number> {
  const target = { origin: `http://127.0.0.1:${web.port}`, token: web.token };
  return (await send(target, urlPath, { headers: { 'Content-Length': body.length }, chunks: [body] })).status;
}

/** Asks for an upload of `names` into /dest, posts `body`, and resolves the transfer's final state. */
async function upload(names: string[], body: Buffer, overwrite = false): Promise<{ status: number; final: TransferProgress }> {
  const started = await call<UploadStart>(browser, 'files.copyIn', {
    id: box.id,
    destination: '/dest',
    overwrite,
    source: { kind: 'upload', names, sizeBytes: body.length },
  });
  const progress = watchTransfer(browser, started.transferId);
  const status = await post(started.uploadUrl!, body);
  return { status, final: (await progress).at(-1)! };
}

async function catIn(file: string): Promise<string> {
  const result = await dockerCli(['exec', box.id, 'cat', file]);
  expect(result.code, `cat ${file}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

async function listing(folder: string): Promise<string[]> {
  return (await dockerCli(['exec', box.id, 'ls', '-A', folder])).stdout.split('\n').filter(Boolean).sort();
}

describe('a browser upload holds what was declared, nothing else', () => {
  it('an entry the page did not announce is refused: the existing file keeps its content and the declared item is removed again', async () => {
    const body = await tarOf([
      { name: 'drop/', type: 'directory' },
      { name: 'drop/ok.txt', body: 'ok' },
      { name: 'existing.txt', body: 'overwritten' },
    ]);
    const { status, final } = await upload(['drop'], body);
    expect(status).toBe(400);
    expect(final).toMatchObject({
      phase: 'failed',
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/"existing\.txt" is not one of the items announced for this upload \(drop\)/) },
    });
    expect(await catIn('/dest/existing.txt')).toBe('original');
    expect(await listing('/dest')).toEqual(['existing.txt', 'link']);
  });

  it('nothing is written through a link that exists in the container, declared or not', async () => {
    const undeclared = await tarOf([
      { name: 'drop/', type: 'directory' },
      { name: 'link/evil.txt', body: 'evil' },
    ]);
    expect((await upload(['drop'], undeclared)).final).toMatchObject({
      phase: 'failed',
      error: { message: expect.stringMatching(/"link\/evil\.txt" is not one of the items announced/) },
    });
    // Declared, and replacing allowed: still no file below it without a folder entry first.
    const declared = await tarOf([{ name: 'link/evil.txt', body: 'evil' }]);
    expect((await upload(['link'], declared, true)).final).toMatchObject({
      phase: 'failed',
      error: { message: expect.stringMatching(/"link\/evil\.txt" is not inside a folder sent before it/) },
    });
    expect(await listing('/elsewhere')).toEqual([]);
  });

  it('nothing is written through a link the upload itself made', async () => {
    const body = await tarOf([
      { name: 'drop/', type: 'directory' },
      { name: 'drop/l', type: 'symlink', linkname: '/elsewhere' },
      { name: 'drop/l/evil.txt', body: 'evil' },
    ]);
    expect((await upload(['drop'], body)).final).toMatchObject({
      phase: 'failed',
      error: { message: expect.stringMatching(/"drop\/l\/evil\.txt" is not inside a folder sent before it/) },
    });
    expect(await listing('/elsewhere')).toEqual([]);
    expect(await listing('/dest')).toEqual(['existing.txt', 'link']);
  });

  it('a tar cut short on a block boundary fails, is not done, and what arrived is removed again', async () => {
    const names = ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7'];
    const whole = await tarOf(names.map((name): SeedItem => ({ name, body: name.repeat(300) })));
    // Each entry is a header block and two data blocks: the first four end at 4 * 1536 bytes.
    const cut = whole.subarray(0, 4 * 1536);
    const { status, final } = await upload(names, cut);
    expect(status).toBe(400);
    expect(final.phase).toBe('failed');
    expect(final.error?.message).toMatch(/cut short.*end-of-archive marker.*removed again/);
    expect(await listing('/dest')).toEqual(['existing.txt', 'link']);
  });

  it('the tar the page builds (long and non-ASCII names, PAX headers) arrives whole', async () => {
    const long = `${'long-name-'.repeat(12)}.txt`;
    const parts = tarParts<Buffer>([
      { path: '폴더', kind: 'directory', size: 0 },
      { path: `폴더/${long}`, kind: 'file', size: 5, content: Buffer.from('hello') },
      { path: '폴더/empty', kind: 'directory', size: 0 },
      { path: 'single.txt', kind: 'file', size: 3, content: Buffer.from('one') },
    ]);
    const body = Buffer.concat(parts.map((part) => Buffer.from(part)));
    const { status, final } = await upload(['폴더', 'single.txt'], body);
    expect(status).toBe(200);
    expect(final).toMatchObject({ phase: 'done', result: { destination: '/dest', items: '2' } });
    expect(await catIn(`/dest/폴더/${long}`)).toBe('hello');
    expect(await catIn('/dest/single.txt')).toBe('one');
    expect(await listing('/dest/폴더')).toEqual(['empty', long].sort());
  });
});
