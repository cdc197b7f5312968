import { BrowserWindow, nativeTheme } from 'electron';
import path from 'node:path';
import { APP_ORIGIN, hardenWebContents } from './security';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE, type WindowState } from './window-state';

/** `state`: the restored size and position (already fitted to the displays); absent: the default size, centred. */
export function createMainWindow(preloadPath: string, state?: WindowState): BrowserWindow {
  // Electronegativity reads an inline disable only on the line it reports, hence the trailing comment (kept there by prettier-ignore).
  // prettier-ignore
  const window = new BrowserWindow({ // eng-disable AUXCLICK_JS_CHECK -- a middle-click can only ask for a new window, and setWindowOpenHandler denies every one (security.ts)
    width: state?.width ?? DEFAULT_WINDOW_SIZE.width,
    height: state?.height ?? DEFAULT_WINDOW_SIZE.height,
    ...(state?.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'Berth',
    // The page's --bg, so the window does not flash the other theme before the page paints.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#0f1720' : '#f4f6f9',
    webPreferences: {
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK -- reviewed: the sandboxed preload exposes only invoke/subscribe for allow-listed contract channels (test/unit/electron/preload.test.ts)
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  hardenWebContents(window.webContents);
  if (state?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (devUrl) void window.loadURL(devUrl);
  else void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

export function preloadPath(mainDir: string): string {
  return path.join(mainDir, '../preload/index.cjs');
}
