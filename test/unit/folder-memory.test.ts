import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFolderMemory } from '../../src/main/settings/folder-memory';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'berth-folders-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('remembered dialog folders', () => {
  it('knows nothing at first', async () => {
    expect(await createFolderMemory(dir).lastFolder('export')).toBeUndefined();
  });

  it('remembers the folder of a chosen file, per purpose, and across restarts', async () => {
    const exports = path.join(dir, 'exports');
    const uploads = path.join(dir, 'uploads');
    await mkdir(exports);
    await mkdir(uploads);
    const memory = createFolderMemory(dir);
    await memory.remember('export', path.join(exports, 'web.tar'), 'file');
    await memory.remember('upload', uploads, 'folder');
    const later = createFolderMemory(dir);
    expect(await later.lastFolder('export')).toBe(exports);
    expect(await later.lastFolder('upload')).toBe(uploads);
    // A purpose not used yet starts where the user was last.
    expect(await later.lastFolder('import')).toBe(uploads);
    expect(JSON.parse(await readFile(path.join(dir, 'folders.json'), 'utf8'))).toMatchObject({ byPurpose: { export: exports, upload: uploads } });
  });

  it('forgets a folder that no longer exists', async () => {
    const gone = path.join(dir, 'gone');
    await mkdir(gone);
    const memory = createFolderMemory(dir);
    await memory.remember('download', path.join(gone, 'a.txt'), 'file');
    await rm(gone, { recursive: true });
    expect(await memory.lastFolder('download')).toBeUndefined();
  });
});
