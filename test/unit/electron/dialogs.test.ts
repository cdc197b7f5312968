import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  save: vi.fn(),
  open: vi.fn(),
}));
vi.mock('electron', () => ({
  app: { getPath: (name: string) => `/home/user/${name}` },
  dialog: { showSaveDialog: electron.save, showOpenDialog: electron.open },
}));

const { chooseOpenPaths, chooseSavePath, testDialogPaths } = await import('../../../src/main/electron/dialogs');
const { createFolderMemory } = await import('../../../src/main/settings/folder-memory');

let dir: string;
const savedEnv = { ...process.env };
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'berth-dialogs-'));
  electron.save.mockReset();
  electron.open.mockReset();
});
afterEach(async () => {
  process.env = { ...savedEnv };
  await rm(dir, { recursive: true, force: true });
});

describe('native file dialogs', () => {
  it('start in Downloads the first time, then in the folder chosen last for that purpose', async () => {
    const memory = createFolderMemory(path.join(dir, 'settings'));
    const exports = path.join(dir, 'exports');
    await mkdir(exports);
    electron.save.mockResolvedValueOnce({ canceled: false, filePath: path.join(exports, 'web.tar') });
    expect(await chooseSavePath(undefined, memory, { purpose: 'export', suggestedName: 'web.tar' })).toBe(path.join(exports, 'web.tar'));
    expect(electron.save.mock.calls[0]?.[0]).toMatchObject({ defaultPath: '/home/user/downloads/web.tar' });

    // A suggested name is only ever a name: it cannot point the dialog elsewhere.
    electron.save.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await chooseSavePath(undefined, memory, { purpose: 'export', suggestedName: '../../etc/db.tar' })).toBeUndefined();
    expect(electron.save.mock.calls[1]?.[0]).toMatchObject({ defaultPath: path.join(exports, 'db.tar') });

    electron.open.mockResolvedValueOnce({ canceled: false, filePaths: [path.join(exports, 'image.tar')] });
    expect(await chooseOpenPaths(undefined, memory, { purpose: 'import' })).toEqual([path.join(exports, 'image.tar')]);
    expect(electron.open.mock.calls[0]?.[0]).toMatchObject({ defaultPath: exports, properties: ['openFile'] });
  });

  it('take the paths from the environment only in end-to-end test runs (BERTH_E2E=1)', async () => {
    const memory = createFolderMemory(path.join(dir, 'settings'));
    process.env.BERTH_TEST_SAVE_PATH = path.join(dir, 'out.tar');
    process.env.BERTH_TEST_OPEN_PATHS = [path.join(dir, 'a'), path.join(dir, 'b')].join(path.delimiter);
    expect(testDialogPaths()).toEqual({});
    electron.save.mockResolvedValueOnce({ canceled: true });
    expect(await chooseSavePath(undefined, memory, { purpose: 'export', suggestedName: 'web.tar' })).toBeUndefined();
    expect(electron.save).toHaveBeenCalledOnce();

    process.env.BERTH_E2E = '1';
    expect(await chooseSavePath(undefined, memory, { purpose: 'export', suggestedName: 'web.tar' })).toBe(path.join(dir, 'out.tar'));
    expect(await chooseOpenPaths(undefined, memory, { purpose: 'upload', multiple: true })).toEqual([path.join(dir, 'a'), path.join(dir, 'b')]);
    expect(electron.save).toHaveBeenCalledOnce();
    expect(electron.open).not.toHaveBeenCalled();
  });
});
