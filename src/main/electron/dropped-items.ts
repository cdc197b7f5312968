import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import type { PickedItem } from '../../shared/types/files';
import { IPC_ADOPT_DROPPED } from '../../shared/transport';
import type { HostFiles } from '../transfers/host-files';
import type { FrameTrust } from './ipc';

const MAX_DROPPED = 1000;

/**
 * The preload's `pathsForFiles`: it reads dropped files' paths with webUtils.getPathForFile (which
 * only knows files the user really dropped or picked) and sends them here; main registers them and
 * the page gets handles. The page itself cannot reach this channel.
 */
export function registerDroppedItems(files: HostFiles, isTrusted: FrameTrust): () => void {
  ipcMain.handle(IPC_ADOPT_DROPPED, async (event: IpcMainInvokeEvent, paths: unknown): Promise<PickedItem[]> => {
    if (!isTrusted(event.senderFrame) || !Array.isArray(paths)) return [];
    const wanted = paths.slice(0, MAX_DROPPED).filter((p): p is string => typeof p === 'string' && path.isAbsolute(p));
    const adopted = await Promise.all(wanted.map((p) => files.adoptItem(p).catch(() => undefined)));
    return adopted.filter((item): item is PickedItem => item !== undefined);
  });
  return () => ipcMain.removeHandler(IPC_ADOPT_DROPPED);
}
