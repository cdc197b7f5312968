import type { HostServices } from '../host';
import type { FolderMemory } from '../settings/folder-memory';
import { activeWindow, chooseOpenPaths } from './dialogs';

/** HostServices' several-files / folder picker (copying files in and out of containers). */
export function createFileDialogs(folders: () => FolderMemory): Required<Pick<HostServices, 'chooseOpenPaths'>> {
  return { chooseOpenPaths: (request) => chooseOpenPaths(activeWindow(), folders(), request) };
}
