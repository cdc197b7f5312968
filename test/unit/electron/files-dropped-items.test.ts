// The preload's dropped paths reach main on their own IPC channel: only from the app's own frame,
// only absolute paths of real files or folders, and the page gets handles back.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { IPC_ADOPT_DROPPED } from '../../../src/shared/transport';
import { HostFiles } from '../../../src/main/transfers/host-files';

const ipc = vi.hoisted(() => ({ handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>() }));
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => ipc.handlers.set(channel, fn),
    removeHandler: (channel: string) => ipc.handlers.delete(channel),
  },
}));

const { registerDroppedItems } = await import('../../../src/main/electron/dropped-items');

const dir = mkdtempSync(path.join(tmpdir(), 'berth-dropped-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dropped items', () => {
  const files = new HostFiles();
  const trusted = { url: 'berth://app/index.html' };
  const unregister = registerDroppedItems(files, (frame) => frame === (trusted as unknown));
  const handler = ipc.handlers.get(IPC_ADOPT_DROPPED)!;

  it('adopts dropped files and folders and returns handles, skipping what cannot be adopted', async () => {
    writeFileSync(path.join(dir, 'a file.txt'), 'x'.repeat(10));
    mkdirSync(path.join(dir, 'folder'));
    const items = (await handler({ senderFrame: trusted }, [
      path.join(dir, 'a file.txt'),
      path.join(dir, 'folder'),
      path.join(dir, 'missing'),
      'relative',
      42,
    ])) as Array<{
      fileHandle: string;
      kind: string;
      sizeBytes: number;
    }>;
    expect(items.map((item) => [item.kind, item.sizeBytes])).toEqual([
      ['file', 10],
      ['folder', 0],
    ]);
    expect((await files.resolveItem(items[1]!.fileHandle)).kind).toBe('folder');
    // A folder never passes as a file to an upload that wants one.
    await expect(files.resolve(items[1]!.fileHandle)).rejects.toThrow(/not a file/);
  });

  it('refuses other frames and malformed requests', async () => {
    expect(await handler({ senderFrame: { url: 'https://evil.example/' } }, [path.join(dir, 'a file.txt')])).toEqual([]);
    expect(await handler({ senderFrame: trusted }, 'not a list')).toEqual([]);
  });

  it('unregisters', () => {
    unregister();
    expect(ipc.handlers.has(IPC_ADOPT_DROPPED)).toBe(false);
  });
});
