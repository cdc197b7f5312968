import { app, BrowserWindow, nativeTheme } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../engine/core/engine';
import { createBackends } from '../backends';
import { DEFAULT_SETTINGS, type LanguageSetting } from '../../shared/contract/settings';
import { engineInfo } from '../engine/core/info';
import { createSettingsStore } from '../settings/store';
import { showAbout } from './about';
import { createElectronHost, desktopSettingsDir } from './host';
import { registerIpc } from './ipc';
import { registerDroppedItems } from './dropped-items';
import { installMenu } from './menu';
import { sendMenuCommand } from './menu-commands';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenEveryWebContents, hardenSession, isTrustedFrame } from './security';
import { stringsFor } from './strings';
import { createMainWindow, preloadPath } from './window';
import { initialWindowState, trackWindowState, windowStateFile } from './window-state';

const mainDir = path.dirname(fileURLToPath(import.meta.url));

app.enableSandbox();
registerAppScheme();
hardenEveryWebContents();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const engine = createEngine();
  const settingsDir = desktopSettingsDir();
  const settings = createSettingsStore(settingsDir);
  const backend = createBackends({ engine, host: createElectronHost(settingsDir, settings), settings, log: (message, err) => console.error(message, err) });

  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  const windowState = windowStateFile(settingsDir);

  const openMainWindow = async (): Promise<void> => {
    const state = await initialWindowState(windowState).catch(() => undefined);
    trackWindowState(createMainWindow(preloadPath(mainDir), state), windowState);
  };

  const installMenuIn = (language: LanguageSetting): void => {
    const strings = stringsFor(language, app.getLocale());
    const aboutWindow = (): BrowserWindow | undefined => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    const engineVersion = async (): Promise<string> => (await engineInfo(engine.docker, engine.host)).serverVersion;
    installMenu(
      { strings, platform: process.platform, packaged: app.isPackaged },
      { send: sendMenuCommand, showAbout: () => void showAbout(aboutWindow(), strings, engineVersion) },
    );
  };

  /** The menu's language and the native theme (dialogs, menus, prefers-color-scheme) follow the settings. */
  const followSettings = async (): Promise<void> => {
    const initial = await settings.get().catch(() => DEFAULT_SETTINGS);
    let language = initial.language;
    nativeTheme.themeSource = initial.theme;
    installMenuIn(language);
    settings.watch((next) => {
      nativeTheme.themeSource = next.theme;
      if (next.language === language) return;
      language = next.language;
      installMenuIn(language);
    });
  };

  void app.whenReady().then(async () => {
    hardenSession();
    serveRenderer(path.join(mainDir, '../renderer'));
    registerIpc(backend.dispatcher, isTrustedFrame);
    registerDroppedItems(backend.transfers.files, isTrustedFrame);
    engine.monitor.start();
    await followSettings();
    await openMainWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void openMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => {
    engine.monitor.stop();
    backend.dispose();
  });
}
