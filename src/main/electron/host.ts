import { app } from 'electron';
import path from 'node:path';
import type { HostServices } from '../host';
import { createFolderMemory, type FolderMemory } from '../settings/folder-memory';
import type { SettingsStore } from '../settings/store';
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

/**
 * The desktop app's host services: native dialogs, the system browser, system notifications.
 * `settings` is the store the backend serves too, so a change made in the window reaches the
 * notifications' and the link dialog's language at once.
 */
export function createElectronHost(settingsDir: string, settings: SettingsStore): HostServices {
  let folders: FolderMemory | undefined;
  /** Remembered folders for the native file dialogs (see ./dialogs.ts). */
  const dialogFolders = (): FolderMemory => (folders ??= createFolderMemory(settingsDir));
  /** Main's strings in the language the settings ask for (or the system's). */
  const currentStrings = async () => {
    const current = await settings.get();
    return { settings: current, strings: stringsFor(current.language, app.getLocale()) };
  };
  return {
    receivesPageUploads: false,
    settingsDir,
    openExternal: openExternalHttpUrl,
    openLinkFromContent: async (url) => confirmAndOpenLink(url, (await currentStrings()).strings),
    ...createTransferDialogs(dialogFolders),
    ...createFileDialogs(dialogFolders),
    onMenuCommand,
    taskFinished: createTaskNotifier({
      context: async () => {
        const { settings: current, strings } = await currentStrings();
        return { enabled: current.notifications.longTasks, strings };
      },
    }),
  };
}
