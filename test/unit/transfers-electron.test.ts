// The desktop app's transfer glue with Electron mocked: the native save/open dialogs feed the
// transfer mechanism, which writes and reads the host files itself (no engine here: a stub source).
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TransferProgress } from '../../src/shared/types/transfers';

const electron = vi.hoisted(() => ({ save: vi.fn(), open: vi.fn(), focused: vi.fn(), all: vi.fn(() => []) }));
vi.mock('electron', () => ({
  app: { getPath: (name: string) => `/home/user/${name}` },
  dialog: { showSaveDialog: electron.save, showOpenDialog: electron.open },
  BrowserWindow: { getFocusedWindow: electron.focused, getAllWindows: electron.all },
}));

const { createTransferDialogs } = await import('../../src/main/electron/transfer-dialogs');
const { createFolderMemory } = await import('../../src/main/settings/folder-memory');
const { webHost } = await import('../../src/main/host');
const { createTransferHub } = await import('../../src/main/transfers/hub');
const { startDownload } = await import('../../src/main/transfers/download');
const { startUpload } = await import('../../src/main/transfers/upload');
const { transferCommandHandlers } = await import('../../src/main/handlers/transfers');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'berth-transfer-electron-'));
  for (const mock of [electron.save, electron.open, electron.focused]) mock.mockReset();
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

function desktopHost() {
  const memory = createFolderMemory(path.join(dir, 'settings'));
  return { ...webHost, receivesPageUploads: false, settingsDir: dir, ...createTransferDialogs(() => memory) };
}

function settled(hub: ReturnType<typeof createTransferHub>, id: string): Promise<TransferProgress> {
  return new Promise((resolve) => {
    hub.registry.require(id).watch((progress) => {
      if (progress.phase !== 'running') resolve(progress);
    });
  });
}

const source = (bytes: Buffer) => ({
  filename: 'web.tar',
  contentType: 'application/x-tar',
  open: async () => Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]),
});

describe('desktop transfers with native dialogs', () => {
  it('asks where to save (modal to the focused window), writes the file there, and remembers the folder', async () => {
    const window = { id: 1 };
    electron.focused.mockReturnValue(window);
    const target = path.join(dir, 'out', 'chosen.tar');
    await rm(path.dirname(target), { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(path.dirname(target)));
    electron.save.mockResolvedValueOnce({ canceled: false, filePath: target });
    const hub = createTransferHub();
    const host = desktopHost();
    const bytes = Buffer.alloc(5000, 7);
    const started = await startDownload(hub, host, { source: source(bytes), dialog: { purpose: 'export' }, task: { kind: 'export', subject: 'web' } });
    expect(electron.save.mock.calls[0]?.[0]).toBe(window);
    expect(electron.save.mock.calls[0]?.[1]).toMatchObject({ defaultPath: '/home/user/downloads/web.tar' });
    expect(started).toMatchObject({ status: 'started', delivery: 'file', filePath: target, filename: 'chosen.tar' });
    if (started.status !== 'started') return;
    expect(await settled(hub, started.transferId)).toMatchObject({ phase: 'done', bytes: 5000, result: { path: target } });
    expect(await readFile(target)).toEqual(bytes);
    expect(await readdir(path.dirname(target))).toEqual(['chosen.tar']);

    electron.save.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await startDownload(hub, host, { source: source(bytes), dialog: { purpose: 'export' }, task: { kind: 'export', subject: 'web' } })).toEqual({
      status: 'dismissed',
    });
    expect(electron.save.mock.calls[1]?.[1]).toMatchObject({ defaultPath: path.join(path.dirname(target), 'web.tar') });
  });

  it('reads a file chosen in the open dialog by handle only, and streams it to the consumer', async () => {
    const file = path.join(dir, 'in.tar');
    await writeFile(file, Buffer.alloc(300_000, 1));
    electron.open.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    const hub = createTransferHub();
    const host = desktopHost();
    const picked = await transferCommandHandlers({ transfers: hub, host })['transfers.pickFile']({ purpose: 'import', filters: [] });
    expect(electron.open.mock.calls[0]?.[0]).toMatchObject({ properties: ['openFile'] });
    expect(picked).toMatchObject({ name: 'in.tar', path: file, sizeBytes: 300_000 });
    expect(picked?.fileHandle).toMatch(/^[A-Za-z0-9_-]{32}$/);

    let received = 0;
    const started = await startUpload(hub, host, {
      source: { kind: 'file', fileHandle: picked!.fileHandle },
      consume: async (body) => {
        for await (const chunk of body) received += (chunk as Buffer).length;
        return { result: { ok: 'yes' } };
      },
      task: { kind: 'import', subject: 'in.tar' },
    });
    expect(await settled(hub, started.transferId)).toMatchObject({ phase: 'done', bytes: 300_000, totalBytes: 300_000, result: { ok: 'yes' } });
    expect(received).toBe(300_000);

    electron.open.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await transferCommandHandlers({ transfers: hub, host })['transfers.pickFile']({ purpose: 'import', filters: [] })).toBeNull();
  });

  it('a failing source leaves no partial file and keeps the existing one', async () => {
    const target = path.join(dir, 'keep.tar');
    await writeFile(target, 'old');
    electron.save.mockResolvedValueOnce({ canceled: false, filePath: target });
    const hub = createTransferHub();
    const failing = {
      ...source(Buffer.alloc(1)),
      open: async () =>
        new Readable({
          read() {
            this.push(Buffer.alloc(4096));
            this.destroy(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
          },
        }),
    };
    const started = await startDownload(hub, desktopHost(), { source: failing, dialog: { purpose: 'export' }, task: { kind: 'export', subject: 'web' } });
    if (started.status !== 'started') throw new Error('not started');
    expect(await settled(hub, started.transferId)).toMatchObject({ phase: 'failed', error: { code: 'ENGINE_UNAVAILABLE' } });
    expect(await readdir(dir)).toEqual(expect.not.arrayContaining([expect.stringMatching(/\.part$/)]));
    expect(await readFile(target, 'utf8')).toBe('old');
  });
});
