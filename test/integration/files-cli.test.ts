// The `docker cp` line Berth shows for a copy does what Berth did: each copy is made through the
// real handlers, its result is moved aside, the shown line is run through the docker CLI from
// another folder, and the two results are compared: bytes, kinds, modes, owners, times, links.
import { createHash, randomBytes } from 'node:crypto';
import { execFile, execFileSync } from 'node:child_process';
import {
  chownSync,
  lchownSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Readable } from 'node:stream';
import { extract } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CopyOutStart } from '../../src/shared/contract/files';
import type { PickedItem } from '../../src/shared/types/files';
import type { UploadStart } from '../../src/shared/types/transfers';
import { tarParts, type TarItem } from '../../src/shared/files/tar-writer';
import { createEngine } from '../../src/main/engine/core/engine';
import { headlessFileHost } from '../../src/main/transfers/headless-host';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import { docker, removeTestContainers, waitFor } from '../helpers/engine';
import { runningContainer, seed } from './files-support';
import { call, backendFor, dispatcherFor, finalOf } from './images-support';
import { browserCopyInCommand, copyInCommand, copyOutCommand } from '../../src/shared/cli/files';

const engine = createEngine();
let dir: string;
let elsewhere: string;
let savePath = '';
let openPaths: string[] = [];
const host = { ...headlessFileHost({ save: () => savePath }), chooseOpenPaths: async () => openPaths };
const desktop = dispatcherFor(engine, host);
const browserBackend = backendFor(engine);
const browser = browserBackend.dispatcher;
let box: { id: string; name: string };
const MTIME = new Date('2021-03-04T05:06:07Z');

/** Runs a shown line in sh from `cwd` (by default a folder that is not this one). */
function runLine(line: string, cwd = elsewhere): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile('sh', ['-c', line], { cwd, env: process.env }, (err, _stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stderr: String(stderr) }),
    );
  });
}

async function expectRuns(line: string, cwd?: string): Promise<void> {
  const result = await runLine(line, cwd);
  expect({ line, ...result }).toEqual({ line, code: 0, stderr: '' });
}

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** A host file or tree as facts: relative path, kind, mode, owner, time (s), link target or content hash. */
function hostFacts(root: string): string[] {
  const facts: string[] = [];
  const visit = (full: string, rel: string): void => {
    const info = lstatSync(full);
    const owner = `${info.uid}:${info.gid}`;
    const mode = (info.mode & 0o7777).toString(8);
    if (info.isSymbolicLink()) facts.push(`${rel} link ${owner} -> ${readlinkSync(full)}`);
    else if (info.isDirectory()) {
      facts.push(`${rel} dir ${mode} ${owner} ${Math.floor(info.mtimeMs / 1000)}`);
      for (const name of readdirSync(full).sort()) visit(path.join(full, name), `${rel}/${name}`);
    } else facts.push(`${rel} file ${mode} ${owner} ${Math.floor(info.mtimeMs / 1000)} ${sha(readFileSync(full))}`);
  };
  visit(root, '.');
  return facts;
}

/** A container path as the engine archives it, as facts (names relative to the path's own). */
async function containerFacts(id: string, containerPath: string, times = true): Promise<string[]> {
  const archive = (await docker().getContainer(id).getArchive({ path: containerPath })) as unknown as Readable;
  const root = path.posix.basename(containerPath);
  const facts: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const parser = extract();
    parser.on('entry', (header, body, next) => {
      const chunks: Buffer[] = [];
      body.on('data', (chunk: unknown) => chunks.push(chunk as Buffer));
      body.on('end', () => {
        const name = `.${header.name.replace(/\/$/, '').slice(root.length)}`;
        const time = times || header.type === 'file' ? ` ${Math.floor(header.mtime!.getTime() / 1000)}` : '';
        const what = header.type === 'symlink' ? `-> ${header.linkname}` : header.type === 'file' ? sha(Buffer.concat(chunks)) : '';
        facts.push(`${name} ${header.type} ${(header.mode! & 0o7777).toString(8)} ${header.uid}:${header.gid}${time} ${what}`);
        next();
      });
    });
    parser.on('finish', resolve);
    parser.on('error', reject);
    archive.pipe(parser);
  });
  return facts.sort();
}

async function copiedOut(target: CopyOutStart): Promise<Extract<CopyOutStart, { status: 'started' }>> {
  if (target.status !== 'started') throw new Error(`not started: ${JSON.stringify(target)}`);
  expect(await finalOf(target.delivery === 'file' ? desktop : browser, target.transferId)).toMatchObject({ phase: 'done' });
  return target;
}

/** Berth's copy out at `written`, moved aside; the shown line run; both results compared (an archive: its bytes). */
async function compareOut(started: Extract<CopyOutStart, { status: 'started' }>, written: string, before?: () => void): Promise<string> {
  const facts = started.copied.as === 'archive' ? (file: string) => [sha(readFileSync(file))] : hostFacts;
  if (started.delivery !== 'file') throw new Error('a desktop copy was expected');
  const line = copyOutCommand(box.name, started.copied, { kind: 'host', path: started.filePath });
  const berth = `${written}.berth`;
  renameSync(written, berth);
  before?.();
  await expectRuns(line);
  expect(facts(written)).toEqual(facts(berth));
  rmSync(written, { recursive: true, force: true });
  rmSync(berth, { recursive: true, force: true });
  return line;
}

/** `rm -rf` in the running container, waited for. */
async function removeInContainer(paths: string[]): Promise<void> {
  const exec = await docker()
    .getContainer(box.id)
    .exec({ Cmd: ['rm', '-rf', '--', ...paths] });
  await exec.start({ Detach: true });
  await waitFor(async () => !(await exec.inspect()).Running, { message: 'rm did not end' });
  expect((await exec.inspect()).ExitCode).toBe(0);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'berth-files-cli-'));
  elsewhere = mkdtempSync(path.join(tmpdir(), 'berth-files-cli-cwd-'));
  box = await runningContainer('files-cli');
  const owned = { uid: 1234, gid: 5678, mtime: MTIME };
  await seed(box.id, '/', [
    { name: 'data/', type: 'directory', mode: 0o755 },
    { name: 'data/tree/', type: 'directory', mode: 0o750, ...owned },
    { name: 'data/tree/run.sh', body: '#!/bin/sh\necho hi\n', mode: 0o751, ...owned },
    { name: 'data/tree/shared.txt', body: 'everyone writes\n', mode: 0o666, ...owned },
    { name: 'data/tree/sub/', type: 'directory', mode: 0o700, ...owned },
    { name: 'data/tree/sub/deep.bin', body: randomBytes(300_000), mode: 0o604, ...owned },
    { name: 'data/tree/notes', type: 'symlink', linkname: 'run.sh', ...owned },
    { name: 'data/report.tar', body: 'a file that is not an archive, only named like one\n', mode: 0o640, ...owned },
    { name: 'data/link-to-tree', type: 'symlink', linkname: 'tree' },
    { name: 'data/link-to-file', type: 'symlink', linkname: 'tree/run.sh' },
  ]);
});

afterAll(async () => {
  engine.monitor.stop();
  rmSync(dir, { recursive: true, force: true });
  rmSync(elsewhere, { recursive: true, force: true });
  await removeTestContainers();
});

describe('copy out: the line follows what was done', () => {
  it('a file named .tar is copied as a file, not shown as an archive', async () => {
    savePath = path.join(dir, 'report.tar');
    const started = await copiedOut(await call<CopyOutStart>(desktop, 'files.copyOut', { id: box.id, path: '/data/report.tar' }));
    const line = await compareOut(started, savePath);
    expect(line).toBe(`docker cp ${box.name}:/data/report.tar ${savePath}`);
  });

  it('a link to a file is followed, and the line says -L', async () => {
    savePath = path.join(dir, 'the script');
    const started = await copiedOut(await call<CopyOutStart>(desktop, 'files.copyOut', { id: box.id, path: '/data/link-to-file' }));
    expect(await compareOut(started, savePath)).toContain(' -L ');
  });

  it('a folder, and a link to a folder (-L)', async () => {
    openPaths = [dir];
    for (const source of ['/data/tree', '/data/link-to-tree']) {
      const started = await copiedOut(await call<CopyOutStart>(desktop, 'files.copyOut', { id: box.id, path: source }));
      const line = await compareOut(started, path.join(dir, 'tree'));
      expect(line.includes(' -L '), line).toBe(source.endsWith('link-to-tree'));
    }
  });

  it('a folder that replaced one on the host: the line replaces it too', async () => {
    const target = path.join(dir, 'tree');
    const oldFolder = (): void => {
      mkdirSync(path.join(target, 'sub'), { recursive: true });
      writeFileSync(path.join(target, 'old only.txt'), 'old');
    };
    oldFolder();
    openPaths = [dir];
    const asked = await call<CopyOutStart>(desktop, 'files.copyOut', { id: box.id, path: '/data/tree' });
    if (asked.status !== 'exists') throw new Error(`expected exists: ${JSON.stringify(asked)}`);
    const started = await copiedOut(await call<CopyOutStart>(desktop, 'files.copyOut', { id: box.id, path: '/data/tree', replace: asked.replaceToken }));
    await compareOut(started, target, oldFolder);
  });

  it('the archive (.tar) of a folder, and of a link to it (-L), is what the line writes, byte for byte', async () => {
    for (const source of ['/data/tree', '/data/link-to-tree']) {
      savePath = path.join(dir, 'tree.tar');
      const started = await copiedOut(await call<CopyOutStart>(desktop, 'files.copyOut', { id: box.id, path: source, format: 'tar' }));
      const line = await compareOut(started, savePath);
      expect(line).toMatch(/ - > /);
    }
  });

  it('browser mode: the lines write what the browser was sent, in the folder they run in', async () => {
    for (const [source, format] of [
      ['/data/link-to-tree', 'auto'],
      ['/data/link-to-file', 'auto'],
    ] as const) {
      const started = await call<CopyOutStart>(browser, 'files.copyOut', { id: box.id, path: source, format });
      if (started.status !== 'started' || started.delivery !== 'browser') throw new Error('not a browser download');
      const line = copyOutCommand(box.name, started.copied, { kind: 'browser', filename: started.filename });
      await expectRuns(line);
      // The same bytes the desktop copy saved (the same engine source, to a file instead of the browser).
      savePath = path.join(dir, `desktop-${started.filename}`);
      const desktopCopy = await copiedOut(
        await call<CopyOutStart>(desktop, 'files.copyOut', { id: box.id, path: source, format: started.copied.as === 'archive' ? 'tar' : 'auto' }),
      );
      expect(desktopCopy.copied).toEqual(started.copied);
      expect(sha(readFileSync(path.join(elsewhere, started.filename)))).toBe(sha(readFileSync(savePath)));
    }
  });
});

describe('copy in: the line (absolute host paths) makes the same files, owners included', () => {
  it('a tree of files owned by other users, with a link and a FIFO, and a single file', async () => {
    const source = path.join(dir, 'to copy in');
    mkdirSync(path.join(source, 'inner'), { recursive: true });
    writeFileSync(path.join(source, 'inner', 'a.txt'), 'a\n', { mode: 0o640 });
    writeFileSync(path.join(source, 'tool'), randomBytes(70_000), { mode: 0o751 });
    symlinkSync('inner/a.txt', path.join(source, 'link'));
    execFileSync('mkfifo', ['-m', '0620', path.join(source, 'pipe')]);
    const single = path.join(dir, 'single file.txt');
    writeFileSync(single, 'single\n', { mode: 0o604 });
    for (const [item, uid, gid] of [
      [source, 1234, 5678],
      [path.join(source, 'inner'), 2000, 2001],
      [path.join(source, 'inner', 'a.txt'), 3000, 3001],
      [path.join(source, 'tool'), 1234, 5678],
      [path.join(source, 'pipe'), 4000, 4001],
      [single, 5000, 5001],
    ] as const) {
      chownSync(item, uid, gid);
    }
    lchownSync(path.join(source, 'link'), 6000, 6001);

    openPaths = [source, single];
    const items = await call<PickedItem[]>(desktop, 'files.pickItems', {});
    const started = await call<UploadStart>(desktop, 'files.copyIn', {
      id: box.id,
      destination: '/tmp',
      source: { kind: 'items', handles: items.map((item) => item.fileHandle) },
    });
    const final = await finalOf(desktop, started.transferId);
    expect(final).toMatchObject({ phase: 'done' });
    expect(final.warnings ?? []).toEqual([]);
    const berth = await Promise.all(['/tmp/to copy in', '/tmp/single file.txt'].map((p) => containerFacts(box.id, p)));
    expect(berth[0]).toContain('./pipe fifo 620 4000:4001 ' + Math.floor(lstatSync(path.join(source, 'pipe')).mtimeMs / 1000) + ' ');
    await removeInContainer(['/tmp/to copy in', '/tmp/single file.txt']);
    const line = copyInCommand(
      box.name,
      items.map((item) => item.path),
      '/tmp',
    );
    expect(line.split('\n')).toHaveLength(2);
    await expectRuns(line);
    expect(await Promise.all(['/tmp/to copy in', '/tmp/single file.txt'].map((p) => containerFacts(box.id, p)))).toEqual(berth);
  });

  describe('browser mode', () => {
    let web: WebServer;
    beforeAll(async () => {
      web = await startWebServer({ backend: browserBackend, port: 0 });
    });
    afterAll(async () => web?.close());

    const post = (urlPath: string, body: Buffer): Promise<number> =>
      new Promise((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: web.port,
            path: urlPath,
            method: 'POST',
            headers: { Authorization: `Bearer ${web.token}`, 'Content-Length': String(body.length) },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.end(body);
      });

    it('what the page uploads is root-owned, and so is what the line makes, run in the folder holding the items', async () => {
      const folder = path.join(dir, 'browser side');
      mkdirSync(path.join(folder, 'dropped', 'inner'), { recursive: true, mode: 0o755 });
      writeFileSync(path.join(folder, 'dropped', 'inner', 'x.txt'), 'x\n', { mode: 0o644 });
      writeFileSync(path.join(folder, 'dropped', 'y.txt'), 'y\n', { mode: 0o644 });
      for (const item of ['dropped', 'dropped/inner', 'dropped/inner/x.txt', 'dropped/y.txt']) chownSync(path.join(folder, item), 1234, 5678);
      // The page's tar: what dropped-files.ts builds from the browser's File objects (no owners, 644 and 755).
      const fileItem = (rel: string): TarItem<Buffer> => {
        const full = path.join(folder, rel);
        return { path: rel, kind: 'file', size: lstatSync(full).size, mtimeMs: lstatSync(full).mtimeMs, content: readFileSync(full) };
      };
      const tar = Buffer.concat(
        tarParts<Buffer>([
          { path: 'dropped', kind: 'directory', size: 0, mtimeMs: Date.now() },
          { path: 'dropped/inner', kind: 'directory', size: 0, mtimeMs: Date.now() },
          fileItem('dropped/inner/x.txt'),
          fileItem('dropped/y.txt'),
        ]).map((part) => Buffer.from(part)),
      );
      const started = await call<UploadStart>(browser, 'files.copyIn', {
        id: box.id,
        destination: '/tmp',
        source: { kind: 'upload', names: ['dropped'], sizeBytes: tar.length },
      });
      const done = finalOf(browser, started.transferId);
      expect(await post(started.uploadUrl!, tar)).toBe(200);
      expect(await done).toMatchObject({ phase: 'done' });
      // Folder times are the browser's (it does not know them): they are left out of the comparison.
      const berth = await containerFacts(box.id, '/tmp/dropped', false);
      expect(berth.every((fact) => fact.includes(' 0:0'))).toBe(true);
      await removeInContainer(['/tmp/dropped']);
      await expectRuns(browserCopyInCommand(box.name, ['dropped'], '/tmp'), folder);
      expect(await containerFacts(box.id, '/tmp/dropped', false)).toEqual(berth);
    });
  });
});
