// Bad input and faults around export/import: each gives a clear message, leaves no partial file,
// and changes nothing else (no image created, an existing file at the target untouched).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Dispatcher } from '../../src/main/dispatch';
import { createEngine } from '../../src/main/engine/core/engine';
import { headlessFileHost } from '../../src/main/transfers/headless-host';
import { startWebServer } from '../../src/main/web/server';
import type { DownloadStart, PickedFile, UploadStart } from '../../src/shared/types/transfers';
import { engineSocket } from '../helpers/engine-relay';
import { MeteredRelay } from '../helpers/metered-relay';
import { docker, removeTestContainers } from '../helpers/engine';
import { call, containerWithData, backendFor, dispatcherFor, exportDirect, finalOf, imageIds, partFiles, tarListing, testRepository } from './images-support';

const MiB = 1024 * 1024;
const engine = createEngine();
let dir: string;
let savePath = '';
let openPath = '';
const host = headlessFileHost({ save: () => savePath, open: () => openPath });
const desktop = dispatcherFor(engine, host);
let big: { id: string; name: string };
let bigTar: string;

const EXISTING = 'an earlier file that must survive\n';

/** A target file that already exists, to check that a failed export leaves it alone. */
function existingTarget(folder: string, name: string): string {
  const target = path.join(folder, name);
  writeFileSync(target, EXISTING);
  return target;
}

/** A handle for `file` from the open dialog of `via`: a handle is only good in the backend that issued it. */
async function pick(file: string, via: Dispatcher = desktop): Promise<string> {
  openPath = file;
  return (await call<PickedFile>(via, 'transfers.pickFile', {})).fileHandle;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'berth-image-faults-'));
  big = await containerWithData('faults', 8 * 1024);
  bigTar = path.join(dir, 'big.tar');
  writeFileSync(bigTar, await exportDirect(big.id));
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await removeTestContainers();
});

describe('bad input to import', () => {
  it('refuses a file that is not a tar, before the engine sees it, and creates nothing', async () => {
    const file = path.join(dir, 'notes.tar');
    writeFileSync(file, 'this is plain text, not an archive\n'.repeat(100));
    const before = await imageIds();
    const started = await call<UploadStart>(desktop, 'images.import', {
      source: { kind: 'file', fileHandle: await pick(file) },
      repository: testRepository('nottar'),
    });
    const final = await finalOf(desktop, started.transferId);
    expect(final).toMatchObject({ phase: 'failed', error: { code: 'INVALID_INPUT' } });
    expect(final.error?.message).toMatch(/not a tar archive/);
    expect(await imageIds()).toEqual(before);
  });

  it('refuses an empty file (the engine would make an empty image of it)', async () => {
    const file = path.join(dir, 'empty.tar');
    writeFileSync(file, '');
    const before = await imageIds();
    const outcome = await desktop.invoke('images.import', { source: { kind: 'file', fileHandle: await pick(file) } });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!outcome.ok) expect(outcome.error.message).toMatch(/empty\.tar is empty/);
    const upload = await dispatcherFor(engine).invoke('images.import', { source: { kind: 'upload', filename: 'e.tar', sizeBytes: 0 } });
    expect(upload).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await imageIds()).toEqual(before);
  });

  it("refuses a truncated tar with the engine's reason, and creates nothing", async () => {
    const file = path.join(dir, 'truncated.tar');
    writeFileSync(file, readFileSync(bigTar).subarray(0, 3 * MiB));
    const before = await imageIds();
    const started = await call<UploadStart>(desktop, 'images.import', { source: { kind: 'file', fileHandle: await pick(file) } });
    const final = await finalOf(desktop, started.transferId);
    expect(final).toMatchObject({ phase: 'failed', error: { code: 'INVALID_INPUT' } });
    expect(final.error?.message).toMatch(/not a complete tar archive/);
    expect(await imageIds()).toEqual(before);
  });

  it.each([
    [{ repository: 'Berth-Test/UPPER' }, /lowercase/],
    [{ repository: 'berth-test/ok', tag: 'bad tag!' }, /A tag is/],
    [{ tag: 'v1' }, /A tag needs a repository/],
    [{ changes: ['CMD ["/bin/echo",'] }, /JSON array of strings/],
    [{ changes: ['RUN rm -rf /'] }, /not a change docker accepts/],
    [{ changes: ['ENV'] }, /ENV needs at least one KEY=value/],
    [{ changes: ['EXPOSE 70000'] }, /not a port/],
    [{ changes: ['CMD echo hi\nRUN ls'] }, /one line/],
  ])('refuses %o before anything moves', async (bad, message) => {
    const before = await imageIds();
    const outcome = await desktop.invoke('images.import', { source: { kind: 'file', fileHandle: await pick(bigTar) }, ...bad });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!outcome.ok) expect(outcome.error.message).toMatch(message);
    expect(await imageIds()).toEqual(before);
  });

  it('refuses a file handle it never gave out', async () => {
    const outcome = await desktop.invoke('images.import', { source: { kind: 'file', fileHandle: 'x'.repeat(32) } });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('faults during export', () => {
  it('a full disk: a plain message, no partial file, the existing file untouched', async (context) => {
    const mountPoint = path.join(dir, 'tiny');
    mkdirSync(mountPoint);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint], { stdio: 'pipe' });
    } catch (err) {
      console.warn(`skipped: cannot mount a 1 MiB tmpfs here (${(err as Error).message.split('\n')[0]})`);
      context.skip();
      return;
    }
    try {
      savePath = existingTarget(mountPoint, 'full.tar');
      const started = await call<DownloadStart>(desktop, 'containers.export', { id: big.id });
      if (started.status !== 'started') throw new Error('not started');
      const final = await finalOf(desktop, started.transferId);
      expect(final.phase).toBe('failed');
      expect(final.error?.message).toMatch(/The disk is full: full\.tar could not be written/);
      expect(partFiles(mountPoint)).toEqual([]);
      expect(readFileSync(savePath, 'utf8')).toBe(EXISTING);
    } finally {
      execFileSync('umount', [mountPoint]);
    }
  });

  describe('through a relay that can cut or stall the engine connection', () => {
    let relayDir: string;
    let relay: MeteredRelay;
    let relayed: ReturnType<typeof dispatcherFor>;

    beforeAll(async () => {
      relayDir = mkdtempSync(path.join(tmpdir(), 'berth-relay-'));
      relay = new MeteredRelay(engineSocket(), relayDir);
      await relay.up();
      relayed = dispatcherFor(createEngine({ DOCKER_HOST: `unix://${relay.socketPath}` }), host);
    });

    afterEach(async () => {
      relay.resume();
      if (!relay.listening) await relay.up();
    });

    afterAll(async () => {
      await relay?.down();
      rmSync(relayDir, { recursive: true, force: true });
    });

    it('the engine going away mid-export: a plain message, no partial file, the existing file untouched', async () => {
      savePath = existingTarget(dir, 'cut.tar');
      const cut = relay.when('fromEngine', 2 * MiB, 'cut');
      const started = await call<DownloadStart>(relayed, 'containers.export', { id: big.id });
      if (started.status !== 'started') throw new Error('not started');
      await cut;
      const final = await finalOf(relayed, started.transferId);
      expect(final).toMatchObject({ phase: 'failed', error: { code: 'ENGINE_UNAVAILABLE' } });
      expect(final.error?.message).toMatch(/connection to the Docker engine was lost during the export/);
      expect(final.bytes).toBeGreaterThan(0);
      expect(partFiles(dir)).toEqual([]);
      expect(readFileSync(savePath, 'utf8')).toBe(EXISTING);
    });

    it('the engine going away mid-download in browser mode: the browser sees a failed download, not a short file', async () => {
      const browserBackend = backendFor(createEngine({ DOCKER_HOST: `unix://${relay.socketPath}` }));
      const browser = browserBackend.dispatcher;
      const web = await startWebServer({ backend: browserBackend, port: 0 });
      try {
        const started = await call<DownloadStart>(browser, 'containers.export', { id: big.id });
        if (started.status !== 'started' || started.delivery !== 'browser') throw new Error('not a browser download');
        const cut = relay.when('fromEngine', 2 * MiB, 'cut');
        const outcome = await new Promise<string>((resolve) => {
          const req = request({ host: '127.0.0.1', port: web.port, path: started.url }, (res) => {
            res.on('data', () => undefined);
            res.on('end', () => resolve('ended cleanly'));
            res.on('error', () => resolve('aborted'));
          });
          req.on('error', () => resolve('aborted'));
          req.end();
        });
        await cut;
        expect(outcome).toBe('aborted');
        expect(await finalOf(browser, started.transferId)).toMatchObject({ phase: 'failed', error: { code: 'ENGINE_UNAVAILABLE' } });
      } finally {
        await web.close();
      }
    });

    it('cancel mid-export: stops, no partial file, the existing file untouched', async () => {
      savePath = existingTarget(dir, 'cancelled.tar');
      const stalled = relay.when('fromEngine', 2 * MiB, 'pause');
      const started = await call<DownloadStart>(relayed, 'containers.export', { id: big.id });
      if (started.status !== 'started') throw new Error('not started');
      await stalled;
      const cancelled = await call<{ phase: string }>(relayed, 'transfers.cancel', { transferId: started.transferId });
      expect(cancelled.phase).toBe('running');
      const final = await finalOf(relayed, started.transferId);
      relay.resume();
      expect(final).toMatchObject({ phase: 'cancelled', error: { code: 'CANCELLED' } });
      expect(partFiles(dir)).toEqual([]);
      expect(readFileSync(savePath, 'utf8')).toBe(EXISTING);
    });

    it('the container removed mid-export: the engine completes the archive, and the user is told', async () => {
      const doomed = await containerWithData('doomed', 4 * 1024);
      const reference = await tarListing(await exportDirect(doomed.id));
      savePath = path.join(dir, 'doomed.tar');
      const stalled = relay.when('fromEngine', 1 * MiB, 'pause');
      const started = await call<DownloadStart>(relayed, 'containers.export', { id: doomed.id });
      if (started.status !== 'started') throw new Error('not started');
      await stalled;
      await docker().getContainer(doomed.id).remove({ force: true });
      relay.resume();
      const final = await finalOf(relayed, started.transferId);
      expect(final.phase).toBe('done');
      expect(final.warnings?.join(' ')).toMatch(/was removed while it was being exported\. The archive is complete/);
      expect(await tarListing(savePath)).toEqual(reference);
      expect(partFiles(dir)).toEqual([]);
    });

    it('a container removed before the export starts: NOT_FOUND, nothing written', async () => {
      const gone = await containerWithData('gone', 1);
      await docker().getContainer(gone.id).remove({ force: true });
      savePath = path.join(dir, 'gone.tar');
      const outcome = await relayed.invoke('containers.export', { id: gone.name });
      expect(outcome).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      if (!outcome.ok) expect(outcome.error.message).toMatch(/No such container/i);
      expect(() => statSync(savePath)).toThrow();
    });

    it('the engine going away mid-import: a plain message, and no image is created', async () => {
      const repository = testRepository('cutimport');
      const before = await imageIds();
      const cut = relay.when('toEngine', 2 * MiB, 'cut');
      const started = await call<UploadStart>(relayed, 'images.import', { source: { kind: 'file', fileHandle: await pick(bigTar, relayed) }, repository });
      await cut;
      const final = await finalOf(relayed, started.transferId);
      expect(final).toMatchObject({ phase: 'failed', error: { code: 'ENGINE_UNAVAILABLE' } });
      expect(final.error?.message).toMatch(/connection to the Docker engine was lost during the import/);
      await relay.up();
      expect(await imageIds()).toEqual(before);
      expect((await docker().listImages({ filters: { reference: [repository] } })).length).toBe(0);
    });

    it('cancel mid-import: stops the engine request, and no image is created', async () => {
      const repository = testRepository('cancelimport');
      const before = await imageIds();
      const stalled = relay.when('toEngine', 2 * MiB, 'pause');
      const started = await call<UploadStart>(relayed, 'images.import', { source: { kind: 'file', fileHandle: await pick(bigTar, relayed) }, repository });
      await stalled;
      await call(relayed, 'transfers.cancel', { transferId: started.transferId });
      const final = await finalOf(relayed, started.transferId);
      relay.resume();
      expect(final).toMatchObject({ phase: 'cancelled' });
      expect(await imageIds()).toEqual(before);
    });
  });
});
