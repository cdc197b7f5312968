import { BrowserWindow } from 'electron';
import type { HostServices } from '../host';
import type { FolderMemory } from '../settings/folder-memory';
import { chooseOpenPaths, chooseSavePath } from './dialogs';

/** The window a dialog belongs to (sheet on macOS, modal elsewhere). */
function activeWindow(): BrowserWindow | undefined {
  return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
}

/** HostServices' save/open dialog members for transfers (export, import): one file, folder remembered per purpose. */
export function createTransferDialogs(folders: () => FolderMemory): Required<Pick<HostServices, 'chooseSavePath' | 'chooseOpenPath'>> {
  return {
    chooseSavePath: async (request) => (await chooseSavePath(activeWindow(), folders(), request)) ?? null,
    chooseOpenPath: async (request) => (await chooseOpenPaths(activeWindow(), folders(), { ...request, multiple: false }))[0] ?? null,
  };
}
