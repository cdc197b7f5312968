// `docker cp` both ways through the real handlers and transfers: byte-identical round trips, the
// browser-mode upload and download, conflicts, and the engine's refusals in plain words.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CopyOutStart } from '../../src/shared/contract/files';
import type { CopyConflicts, PickedItem } from '../../src/shared/types/files';
import type { DownloadStart, UploadStart } from '../../src/shared/types/transfers';
import { createEngine } from '../../src/main/engine/core/engine';
import { copyOut } from '../../src/main/engine/files/copy-out';
import { headlessFileHost } from '../../src/main/transfers/headless-host';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import { docker, dockerCli, removeTestContainers } from '../helpers/engine';
import { changesOf, createdContainer, describeTree, runningContainer, seed, sha256File, tarOf } from './files-support';
import { call, backendFor, dispatcherFor, finalOf, tarListing, watchTransfer } from './images-support';

const MiB = 1024 * 1024;
const engine = createEngine();
let dir: string;
let savePath = '';
let openPaths: string[] = [];
const host = { ...headlessFileHost({ save: () => savePath }), chooseOpenPaths: async () => openPaths };
const desktop = dispatcherFor(engine, host);
const browserBackend = backendFor(engine);
const browser = browserBackend.dispatcher;
let box: { id: string; name: string };

async function pick(paths: string[], folders = false): Promise<string[]> {
  openPaths = paths;
  const items = await call<PickedItem[]>(desktop, 'files.pickItems', { folders });
  return items.map((item) => item.fileHandle);
}

/** A tree with nested and empty folders, relative symlinks, odd names and a 3 MiB file. */
function makeTree(root: string): void {
  mkdirSync(path.join(root, 'a b', 'nested', 'deeper'), { recursive: true });
  mkdirSync(path.join(root, 'empty folder'));
  mkdirSync(path.join(root, '빈 폴더'));
  writeFileSync(path.join(root, 'a b', 'ünïcødé 文件.txt'), 'héllo wörld\n');
  writeFileSync(path.join(root, 'a b', 'nested', 'deeper', 'blob.bin'), randomBytes(3 * MiB));
  writeFileSync(path.join(root, '-leading-dash'), 'dash\n', { mode: 0o600 });
  writeFileSync(path.join(root, 'script.sh'), '#!/bin/sh\necho hi\n', { mode: 0o755 });
  symlinkSync('a b/ünïcødé 文件.txt', path.join(root, 'link to file'));
  symlinkSync('a b/nested', path.join(root, 'link-to-folder'));
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'berth-files-copy-'));
  box = await createdContainer('files-copy');
  await seed(box.id, '/', [{ name: 'data/', type: 'directory' }]);
});

afterAll(async () => {
  engine.monitor.stop();
  rmSync(dir, { recursive: true, force: true });
  await removeTestContainers();
});

describe('round trips (desktop: main reads and writes the host files)', () => {
  it('a 50 MB file comes back byte-identical', async () => {
    const original = path.join(dir, 'fifty.bin');
    writeFileSync(original, randomBytes(50 * MiB));
    const started = await call<UploadStart>(desktop, 'files.copyIn', {
      id: box.name,
      destination: '/data',
      source: { kind: 'items', handles: await pick([original]) },
    });
    const seen = await watchTransfer(desktop, started.transferId);
    expect(seen.at(-1)).toMatchObject({ phase: 'done', direction: 'upload', result: { destination: '/data', items: '1' } });
    expect(seen.at(-1)!.bytes).toBeGreaterThanOrEqual(50 * MiB);
    // A fast copy may finish before any intermediate progress is sent, so only the order is checked
    // here (files-faults.test.ts holds a copy paused mid-way and checks the progress it reports).
    const reported = seen.map((progress) => progress.bytes);
    expect(reported).toEqual([...reported].sort((a, b) => a - b));

    savePath = path.join(dir, 'fifty back.bin');
    const out = await call<DownloadStart>(desktop, 'files.copyOut', { id: box.id, path: '/data/fifty.bin' });
    expect(out).toMatchObject({ status: 'started', delivery: 'file', filePath: savePath });
    if (out.status !== 'started') return;
    expect(await finalOf(desktop, out.transferId)).toMatchObject({ phase: 'done', bytes: 50 * MiB, result: { path: savePath } });
    expect(await sha256File(savePath)).toBe(await sha256File(original));
    expect(readdirSync(dir).filter((name) => name.endsWith('.part'))).toEqual([]);
  });

  it('a tree with nested and empty folders, symlinks, unicode, spaces and dashes comes back identical', async () => {
    const tree = path.join(dir, 'my tree');
    makeTree(tree);
    const started = await call<UploadStart>(desktop, 'files.copyIn', {
      id: box.id,
      destination: '/data/',
      source: { kind: 'items', handles: await pick([tree], true) },
    });
    expect(await finalOf(desktop, started.transferId)).toMatchObject({ phase: 'done' });
    const inContainer = await dockerCli(['cp', `${box.id}:/data/my tree/link-to-folder`, '-']);
    expect(inContainer.code).toBe(0);

    const outDir = path.join(dir, 'out');
    mkdirSync(outDir);
    openPaths = [outDir];
    const out = await call<CopyOutStart>(desktop, 'files.copyOut', { id: box.id, path: '/data/my tree' });
    expect(out).toMatchObject({ status: 'started', filePath: path.join(outDir, 'my tree') });
    if (out.status !== 'started') return;
    expect(await finalOf(desktop, out.transferId)).toMatchObject({ phase: 'done', direction: 'download' });
    expect(await describeTree(path.join(outDir, 'my tree'))).toEqual(await describeTree(tree));
    expect(readdirSync(outDir)).toEqual(['my tree']);
  });

  it('a folder that exists on the host is replaced only after confirming, once', async () => {
    const outDir = path.join(dir, 'replace');
    mkdirSync(path.join(outDir, 'data'), { recursive: true });
    writeFileSync(path.join(outDir, 'data', 'old.txt'), 'old');
    openPaths = [outDir];
    const first = await call<CopyOutStart>(desktop, 'files.copyOut', { id: box.id, path: '/data' });
    expect(first).toMatchObject({ status: 'exists', name: 'data', folder: outDir });
    if (first.status !== 'exists') return;
    expect(readdirSync(path.join(outDir, 'data'))).toEqual(['old.txt']);
    const second = await call<CopyOutStart>(desktop, 'files.copyOut', { id: box.id, path: '/data', replace: first.replaceToken });
    if (second.status !== 'started') throw new Error(`not started: ${JSON.stringify(second)}`);
    expect(await finalOf(desktop, second.transferId)).toMatchObject({ phase: 'done' });
    expect(readdirSync(path.join(outDir, 'data')).sort()).toEqual(['fifty.bin', 'my tree']);
    const again = await desktop.invoke('files.copyOut', { id: box.id, path: '/data', replace: first.replaceToken });
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a folder as .tar is the engine archive itself', async () => {
    savePath = path.join(dir, 'tree.tar');
    const out = await call<DownloadStart>(desktop, 'files.copyOut', { id: box.id, path: '/data/my tree', format: 'tar' });
    if (out.status !== 'started') throw new Error('not started');
    expect(await finalOf(desktop, out.transferId)).toMatchObject({ phase: 'done' });
    const names = (await tarListing(savePath)).map((entry) => entry.name);
    expect(names).toEqual(expect.arrayContaining(['my tree/', 'my tree/link to file', 'my tree/빈 폴더/', 'my tree/a b/nested/deeper/blob.bin']));
  });
});

describe('conflicts and refusals', () => {
  it('asks before overwriting: a conflict changes nothing, then replacing works', async () => {
    const file = path.join(dir, 'conflict.txt');
    writeFileSync(file, 'first');
    const first = await call<UploadStart>(desktop, 'files.copyIn', {
      id: box.id,
      destination: '/data',
      source: { kind: 'items', handles: await pick([file]) },
    });
    expect(await finalOf(desktop, first.transferId)).toMatchObject({ phase: 'done' });
    expect(await call<CopyConflicts>(desktop, 'files.conflicts', { id: box.id, destination: '/data', names: ['conflict.txt', 'new.txt'] })).toEqual({
      destinationIsDirectory: true,
      existing: ['conflict.txt'],
    });
    writeFileSync(file, 'second');
    const refused = await desktop.invoke('files.copyIn', { id: box.id, destination: '/data', source: { kind: 'items', handles: await pick([file]) } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/Already in \/data: conflict\.txt/);
    const replaced = await call<UploadStart>(desktop, 'files.copyIn', {
      id: box.id,
      destination: '/data',
      overwrite: true,
      source: { kind: 'items', handles: await pick([file]) },
    });
    expect(await finalOf(desktop, replaced.transferId)).toMatchObject({ phase: 'done' });
    expect((await dockerCli(['cp', `${box.id}:/data/conflict.txt`, path.join(dir, 'check.txt')])).code).toBe(0);
    expect(readFileSync(path.join(dir, 'check.txt'), 'utf8')).toBe('second');
  });

  it('a destination that does not exist, or is a file, is said plainly', async () => {
    const handles = await pick([path.join(dir, 'conflict.txt')]);
    const missing = await desktop.invoke('files.copyIn', { id: box.id, destination: '/no such dir', source: { kind: 'items', handles } });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/The folder \/no such dir does not exist/) } });
    const notFolder = await desktop.invoke('files.copyIn', { id: box.id, destination: '/data/conflict.txt', source: { kind: 'items', handles } });
    expect(notFolder).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/is not a folder/) } });
    savePath = path.join(dir, 'never.txt');
    const outMissing = await desktop.invoke('files.copyOut', { id: box.id, path: '/data/-no-such-file' });
    expect(outMissing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '/data/-no-such-file does not exist in container ' + box.id + '.' } });
    expect(existsSync(savePath)).toBe(false);
  });

  it('odd destination names work (spaces, unicode, a leading dash), and a host folder that does not exist is said plainly', async () => {
    await seed(box.id, '/data', [{ name: '-odd dir ü/', type: 'directory' }]);
    const file = path.join(dir, '-dash file ü.txt');
    writeFileSync(file, 'odd');
    const started = await call<UploadStart>(desktop, 'files.copyIn', {
      id: box.id,
      destination: '/data/-odd dir ü',
      source: { kind: 'items', handles: await pick([file]) },
    });
    expect(await finalOf(desktop, started.transferId)).toMatchObject({ phase: 'done', result: { destination: '/data/-odd dir ü' } });
    const listed = await call<{ entries: Array<{ name: string; size: number }> }>(desktop, 'files.list', { id: box.id, path: '/data/-odd dir ü' });
    expect(listed.entries).toEqual([expect.objectContaining({ name: '-dash file ü.txt', size: 3 })]);
    await expect(copyOut(engine.docker, box.id, '/data/-odd dir ü/-dash file ü.txt', path.join(dir, 'no such folder', 'x.txt'), false)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/no such folder does not exist on this computer/),
    });
    expect(existsSync(path.join(dir, 'no such folder'))).toBe(false);
  });

  it("the engine's refusals in plain words: read-only, no space, folder vs file", async () => {
    const file = path.join(dir, 'small.txt');
    writeFileSync(file, 'x'.repeat(200_000));
    const readOnly = await createdContainer('files-ro', undefined, { HostConfig: { ReadonlyRootfs: true } });
    const ro = await call<UploadStart>(desktop, 'files.copyIn', {
      id: readOnly.id,
      destination: '/tmp',
      source: { kind: 'items', handles: await pick([file]) },
    });
    expect(await finalOf(desktop, ro.transferId)).toMatchObject({ phase: 'failed', error: { message: expect.stringMatching(/filesystem is read-only/) } });

    const volume = `berth-test-small-${randomBytes(3).toString('hex')}`;
    await docker().createVolume({
      Name: volume,
      Labels: { 'berth.test': '1' },
      Driver: 'local',
      DriverOpts: { type: 'tmpfs', device: 'tmpfs', o: 'size=64k' },
    });
    const small = await createdContainer('files-full', undefined, { HostConfig: { Binds: [`${volume}:/small`] } });
    const full = await call<UploadStart>(desktop, 'files.copyIn', {
      id: small.id,
      destination: '/small',
      source: { kind: 'items', handles: await pick([file]) },
    });
    expect(await finalOf(desktop, full.transferId)).toMatchObject({ phase: 'failed', error: { message: expect.stringMatching(/not enough space/) } });
    await docker().getContainer(small.id).remove({ force: true });
    await docker().getVolume(volume).remove();

    const folder = path.join(dir, 'fifty.bin-as-folder', 'fifty.bin');
    mkdirSync(folder, { recursive: true });
    const kind = await call<UploadStart>(desktop, 'files.copyIn', {
      id: box.id,
      destination: '/data',
      overwrite: true,
      source: { kind: 'items', handles: await pick([folder], true) },
    });
    expect(await finalOf(desktop, kind.transferId)).toMatchObject({
      phase: 'failed',
      error: { message: expect.stringMatching(/Cannot replace a file with a folder/) },
    });
  });

  it('a folder with a link pointing outside it is refused as a whole, nothing written', async () => {
    const risky = await createdContainer('files-risky');
    await seed(risky.id, '/', [
      { name: 'risky/', type: 'directory' },
      { name: 'risky/fine.txt', body: 'fine' },
      { name: 'risky/etc', type: 'symlink', linkname: '/etc' },
    ]);
    const outDir = path.join(dir, 'risky-out');
    mkdirSync(outDir);
    openPaths = [outDir];
    const out = await call<CopyOutStart>(desktop, 'files.copyOut', { id: risky.id, path: '/risky' });
    if (out.status !== 'started') throw new Error('not started');
    const final = await finalOf(desktop, out.transferId);
    expect(final).toMatchObject({
      phase: 'failed',
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/"risky\/etc" is a symbolic link to "\/etc"/) },
    });
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('a folder whose links chain out of it (d/e/s -> ../.., hostroot -> d/e/s/../../..) is refused as a whole, nothing written', async () => {
    const chained = await createdContainer('files-chain');
    await seed(chained.id, '/', [
      { name: 'chain/', type: 'directory' },
      { name: 'chain/d/', type: 'directory' },
      { name: 'chain/d/e/', type: 'directory' },
      { name: 'chain/d/e/s', type: 'symlink', linkname: '../..' },
      { name: 'chain/hostroot', type: 'symlink', linkname: 'd/e/s/../../..' },
    ]);
    const outDir = path.join(dir, 'chain-out');
    mkdirSync(outDir);
    openPaths = [outDir];
    const out = await call<CopyOutStart>(desktop, 'files.copyOut', { id: chained.id, path: '/chain' });
    if (out.status !== 'started') throw new Error('not started');
    const final = await finalOf(desktop, out.transferId);
    expect(final).toMatchObject({
      phase: 'failed',
      error: {
        code: 'FORBIDDEN',
        message: expect.stringMatching(
          /^The archive was refused, nothing was written: "chain\/hostroot" is a symbolic link to "d\/e\/s\/\.\.\/\.\.\/\.\.", outside the copied item\.$/,
        ),
      },
    });
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('bad input to the copy channels is INVALID_INPUT and changes nothing', async () => {
    const before = await changesOf(box.id);
    const cases: unknown[] = [
      { id: box.id, destination: 'data', source: { kind: 'items', handles: ['a'.repeat(32)] } },
      { id: box.id, destination: '/data', source: { kind: 'items', handles: [] } },
      { id: box.id, destination: '/data', source: { kind: 'items', handles: ['../../etc/passwd'] } },
      { id: box.id, destination: '/data', source: { kind: 'path', path: '/etc/passwd' } },
      { id: box.id, destination: '/data', source: { kind: 'upload', names: ['../x'], sizeBytes: 2048 } },
      { id: box.id, destination: '/data', source: { kind: 'upload', names: ['x'], sizeBytes: 10 } },
    ];
    for (const input of cases)
      expect(await desktop.invoke('files.copyIn', input), JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await desktop.invoke('files.copyIn', { id: box.id, destination: '/data', source: { kind: 'items', handles: ['a'.repeat(32)] } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await desktop.invoke('files.copyOut', { id: box.id, path: '/data', format: 'zip' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await desktop.invoke('files.copyOut', { id: box.id, path: '/' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/Export/) },
    });
    expect(await browser.invoke('files.pickItems', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await changesOf(box.id)).toEqual(before);
  });
});

describe('browser mode: uploads and downloads over HTTP', () => {
  let web: WebServer;
  beforeAll(async () => {
    web = await startWebServer({ backend: browserBackend, port: 0 });
  });
  afterAll(async () => web?.close());

  const http = (
    method: string,
    urlPath: string,
    headers: Record<string, string> = {},
    body?: Buffer,
  ): Promise<{ status: number; body: Buffer; headers: Record<string, unknown> }> =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: web.port, path: urlPath, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });

  it('a dropped folder arrives as a tar the page built, and a file and a folder download', async () => {
    const running = await runningContainer('files-web');
    const tar = await tarOf([
      { name: 'drop/', type: 'directory' },
      { name: 'drop/한글 file.txt', body: 'from the browser\n' },
      { name: 'drop/empty/', type: 'directory' },
    ]);
    const started = await call<UploadStart>(browser, 'files.copyIn', {
      id: running.id,
      destination: '/tmp',
      source: { kind: 'upload', names: ['drop'], sizeBytes: tar.length },
    });
    expect(started.uploadUrl).toMatch(/^\/api\/upload\//);
    const progress = watchTransfer(browser, started.transferId);
    const posted = await http('POST', started.uploadUrl!, { Authorization: `Bearer ${web.token}`, 'Content-Length': String(tar.length) }, tar);
    expect(posted.status).toBe(200);
    expect((await progress).at(-1)).toMatchObject({ phase: 'done', bytes: Buffer.byteLength('from the browser\n') });
    expect((await dockerCli(['exec', running.id, 'cat', '/tmp/drop/한글 file.txt'])).stdout).toBe('from the browser\n');

    const file = await call<DownloadStart>(browser, 'files.copyOut', { id: running.id, path: '/tmp/drop/한글 file.txt' });
    if (file.status !== 'started' || file.delivery !== 'browser') throw new Error('not a browser download');
    const got = await http('GET', file.url);
    expect(got.status).toBe(200);
    expect(got.body.toString()).toBe('from the browser\n');
    expect(String(got.headers['content-disposition'])).toContain("filename*=UTF-8''%ED%95%9C%EA%B8%80%20file.txt");

    const folder = await call<DownloadStart>(browser, 'files.copyOut', { id: running.id, path: '/tmp/drop' });
    if (folder.status !== 'started' || folder.delivery !== 'browser') throw new Error('not a browser download');
    expect(folder.filename).toBe('drop.tar');
    const archive = await http('GET', folder.url);
    expect((await tarListing(archive.body)).map((entry) => entry.name)).toEqual(['drop/', 'drop/empty/', 'drop/한글 file.txt']);
  });
});
