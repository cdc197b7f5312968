// Copies into a container report the user's bytes, not the tar's: a 22-byte file is "22 B of
// 22 B", not "2.0 KiB of 2.0 KiB" (its archive: a header block, the data padded to a block, two
// end blocks). Both ways in: the desktop app's host files and browser mode's uploaded tar.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tarParts, type TarItem } from '../../src/shared/files/tar-writer';
import type { PickedItem } from '../../src/shared/types/files';
import type { TransferProgress, UploadStart } from '../../src/shared/types/transfers';
import { createEngine } from '../../src/main/engine/core/engine';
import { headlessFileHost } from '../../src/main/transfers/headless-host';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import { dockerCli, removeTestContainers } from '../helpers/engine';
import { runningContainer } from './files-support';
import { call, backendFor, dispatcherFor, watchTransfer } from './images-support';
import { send } from '../helpers/web-client';

const TWENTY_TWO = 'twenty-two bytes here\n';
const engine = createEngine();
let openPaths: string[] = [];
const desktop = dispatcherFor(engine, { ...headlessFileHost({ save: () => '' }), chooseOpenPaths: async () => openPaths });
const browserBackend = backendFor(engine);
const browser = browserBackend.dispatcher;
let dir: string;
let web: WebServer;
let box: { id: string };

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'berth-copy-progress-'));
  web = await startWebServer({ backend: browserBackend, port: 0 });
  box = await runningContainer('copy-progress');
});

afterAll(async () => {
  await web?.close();
  engine.monitor.stop();
  rmSync(dir, { recursive: true, force: true });
  await removeTestContainers();
});

/** POSTs `body` whole to the server's URL; resolves the status. */
async function post(urlPath: string, body: Buffer): Promise<number> {
  const target = { origin: `http://127.0.0.1:${web.port}`, token: web.token };
  return (await send(target, urlPath, { headers: { 'Content-Length': body.length }, chunks: [body] })).status;
}

/** The tar the page builds (src/renderer/features/files/dropped-files.ts uses the same writer). */
function pageTar(items: TarItem<Buffer>[]): Buffer {
  return Buffer.concat(tarParts(items).map((part) => Buffer.from(part)));
}

async function uploadFromPage(destination: string, names: string[], tar: Buffer, fileBytes?: number): Promise<TransferProgress[]> {
  const source = { kind: 'upload', names, sizeBytes: tar.length, ...(fileBytes !== undefined ? { fileBytes } : {}) };
  const started = await call<UploadStart>(browser, 'files.copyIn', { id: box.id, destination, source });
  const seen = watchTransfer(browser, started.transferId);
  expect(await post(started.uploadUrl!, tar)).toBe(200);
  return seen;
}

describe('copy into a container: progress in the user’s bytes', () => {
  it('desktop: a 22-byte host file is 22 B of 22 B', async () => {
    const file = path.join(dir, 'small.txt');
    writeFileSync(file, TWENTY_TWO);
    openPaths = [file];
    const handles = (await call<PickedItem[]>(desktop, 'files.pickItems', {})).map((item) => item.fileHandle);
    const started = await call<UploadStart>(desktop, 'files.copyIn', { id: box.id, destination: '/tmp', source: { kind: 'items', handles } });
    const seen = await watchTransfer(desktop, started.transferId);
    expect(seen[0]).toMatchObject({ phase: 'running', totalBytes: 22 });
    expect(seen.at(-1)).toMatchObject({ phase: 'done', bytes: 22, totalBytes: 22 });
    expect((await dockerCli(['exec', box.id, 'cat', '/tmp/small.txt'])).stdout).toBe(TWENTY_TWO);
  });

  it('browser mode: the page’s 2 KiB tar of a 22-byte file is 22 B of 22 B', async () => {
    const tar = pageTar([{ path: 'hello.txt', kind: 'file', size: 22, mtimeMs: Date.now(), content: Buffer.from(TWENTY_TWO) }]);
    expect(tar.length).toBe(2048);
    const seen = await uploadFromPage('/tmp', ['hello.txt'], tar, 22);
    expect(seen[0]).toMatchObject({ phase: 'running', totalBytes: 22 });
    expect(seen.at(-1)).toMatchObject({ phase: 'done', bytes: 22, totalBytes: 22 });
    expect((await dockerCli(['exec', box.id, 'cat', '/tmp/hello.txt'])).stdout).toBe(TWENTY_TWO);
  });

  it('browser mode: a folder counts its files only; without the page’s total, the bytes still are the files’', async () => {
    const items: TarItem<Buffer>[] = [
      { path: 'drop', kind: 'directory', size: 0, mtimeMs: Date.now() },
      { path: 'drop/empty', kind: 'directory', size: 0, mtimeMs: Date.now() },
      { path: 'drop/a.txt', kind: 'file', size: 22, mtimeMs: Date.now(), content: Buffer.from(TWENTY_TWO) },
      { path: `drop/${'long name '.repeat(20)}.bin`, kind: 'file', size: 1000, mtimeMs: Date.now(), content: Buffer.alloc(1000, 1) },
    ];
    const withTotal = await uploadFromPage('/tmp', ['drop'], pageTar(items), 1022);
    expect(withTotal.at(-1)).toMatchObject({ phase: 'done', bytes: 1022, totalBytes: 1022 });
    await dockerCli(['exec', box.id, 'rm', '-rf', '/tmp/drop']);
    const withoutTotal = await uploadFromPage('/tmp', ['drop'], pageTar(items));
    expect(withoutTotal.at(-1)).toMatchObject({ phase: 'done', bytes: 1022 });
    expect(withoutTotal.at(-1)!.totalBytes).toBeUndefined();
  });
});
