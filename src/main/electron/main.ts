import { app, BrowserWindow } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDispatcher } from '../dispatch';
import { createEngine } from '../engine/engine';
import { createCommandHandlers, createStreamHandlers } from '../handlers';
import { electronHost } from './host';
import { registerIpc } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenSession, isTrustedFrame } from './security';
import { createMainWindow, preloadPath } from './window';

const mainDir = path.dirname(fileURLToPath(import.meta.url));

app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const engine = createEngine();
  const dispatcher = createDispatcher(createCommandHandlers(engine, electronHost), createStreamHandlers(engine), {
    onEngineUnreachable: () => void engine.monitor.check(),
    log: (message, err) => console.error(message, err),
  });

  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  void app.whenReady().then(() => {
    hardenSession();
    serveRenderer(path.join(mainDir, '../renderer'));
    registerIpc(dispatcher, isTrustedFrame);
    engine.monitor.start();
    createMainWindow(preloadPath(mainDir));
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow(preloadPath(mainDir));
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => engine.monitor.stop());
}
