import { app } from 'electron';
import path from 'node:path';
import type { HostServices } from '../host';
import { createFolderMemory, type FolderMemory } from '../settings/folder-memory';
import { settingsStoreAt } from '../settings/store';
import { onMenuCommand } from './menu-commands';
import { confirmAndOpenLink } from './link-confirm';
import { openExternalHttpUrl } from './security';
import { createTaskNotifier } from './notify';
import { stringsFor } from './strings';
import { createTransferDialogs } from './transfer-dialogs';
import { createFileDialogs } from './files-dialogs';

/** Electron's user data folder, unless BERTH_SETTINGS_DIR names another (tests, portable set-ups). */
export function desktopSettingsDir(): string {
  const override = process.env.BERTH_SETTINGS_DIR;
  return override ? path.resolve(override) : app.getPath('userData');
}

let folders: FolderMemory | undefined;
/** Remembered folders for the native file dialogs (see ./dialogs.ts). */
function dialogFolders(): FolderMemory {
  folders ??= createFolderMemory(desktopSettingsDir());
  return folders;
}

/** Main's strings in the language the settings ask for (or the system's). */
async function currentStrings() {
  const settings = await settingsStoreAt(desktopSettingsDir()).get();
  return { settings, strings: stringsFor(settings.language, app.getLocale()) };
}

/** The desktop app's host services: native dialogs, the system browser, system notifications. */
export const electronHost: HostServices = {
  kind: 'electron',
  get settingsDir() {
    return desktopSettingsDir();
  },
  openExternal: openExternalHttpUrl,
  openLinkFromContent: async (url) => confirmAndOpenLink(url, (await currentStrings()).strings),
  ...createTransferDialogs(dialogFolders),
  ...createFileDialogs(dialogFolders),
  onMenuCommand,
  taskFinished: createTaskNotifier({
    context: async () => {
      const { settings, strings } = await currentStrings();
      return { enabled: settings.notifications.longTasks, strings };
    },
  }),
};
