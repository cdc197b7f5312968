import type { HostServices } from '../host';
import type { FolderMemory } from '../settings/folder-memory';
import { activeWindow, chooseOpenPaths, chooseSavePath } from './dialogs';

/** HostServices' save/open dialog members for transfers (export, import): one file, folder remembered per purpose. */
export function createTransferDialogs(folders: () => FolderMemory): Required<Pick<HostServices, 'chooseSavePath' | 'chooseOpenPath'>> {
  return {
    chooseSavePath: async (request) => (await chooseSavePath(activeWindow(), folders(), request)) ?? null,
    chooseOpenPath: async (request) => (await chooseOpenPaths(activeWindow(), folders(), { ...request, multiple: false }))[0] ?? null,
  };
}
