import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../src/shared/contract';

// The Electron binary is not available to Node tests, so main's start-up runs here against a
// stand-in `electron` that records what main asks of it: this catches wiring mistakes (a channel
// not registered, a window without its preload, the app scheme not served) before a real launch.
const recorded = vi.hoisted(() => ({
  handled: [] as string[],
  listened: [] as string[],
  schemes: [] as string[],
  windows: [] as Array<Record<string, unknown>>,
  loaded: [] as string[],
  menus: 0,
  ready: undefined as Promise<void> | undefined,
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const { tmpdir: tmp } = await import('node:os');
  class FakeContents extends EventEmitter {
    id = 1;
    setWindowOpenHandler(): void {}
    isDestroyed(): boolean {
      return false;
    }
    send(): void {}
  }
  class BrowserWindow extends EventEmitter {
    static all: BrowserWindow[] = [];
    static getAllWindows(): BrowserWindow[] {
      return BrowserWindow.all;
    }
    static getFocusedWindow(): BrowserWindow | null {
      return BrowserWindow.all[0] ?? null;
    }
    webContents = new FakeContents();
    constructor(options: Record<string, unknown>) {
      super();
      recorded.windows.push(options);
      BrowserWindow.all.push(this);
    }
    loadURL(url: string): Promise<void> {
      recorded.loaded.push(url);
      return Promise.resolve();
    }
    show(): void {}
    maximize(): void {}
    isDestroyed(): boolean {
      return false;
    }
    isMaximized(): boolean {
      return false;
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1280, height: 820 };
    }
  }
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    enableSandbox: () => undefined,
    requestSingleInstanceLock: () => true,
    whenReady: () => (recorded.ready ??= Promise.resolve()),
    getPath: () => tmp(),
    getLocale: () => 'en-US',
    getVersion: () => '0.0.0-test',
    quit: () => undefined,
  });
  const display = { workArea: { x: 0, y: 0, width: 1920, height: 1080 }, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
  return {
    app,
    BrowserWindow,
    nativeTheme: { themeSource: 'system', shouldUseDarkColors: false, on: () => undefined },
    ipcMain: {
      handle: (channel: string) => recorded.handled.push(channel),
      on: (channel: string) => recorded.listened.push(channel),
      removeHandler: () => undefined,
      off: () => undefined,
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: Array<{ scheme: string }>) => recorded.schemes.push(...schemes.map((s) => s.scheme)),
      handle: (scheme: string) => recorded.schemes.push(`handled:${scheme}`),
    },
    session: { defaultSession: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined } },
    Menu: { buildFromTemplate: () => ({}), setApplicationMenu: () => (recorded.menus += 1) },
    screen: { getAllDisplays: () => [display], getPrimaryDisplay: () => display, getDisplayMatching: () => display },
    shell: { openExternal: () => Promise.resolve() },
    dialog: {},
    clipboard: {},
    net: {},
    Notification: Object.assign(function Notification() {}, { isSupported: () => false }),
  };
});

const settingsDir = mkdtempSync(path.join(tmpdir(), 'berth-main-startup-'));
process.env.BERTH_SETTINGS_DIR = settingsDir;

afterAll(() => {
  rmSync(settingsDir, { recursive: true, force: true });
});

describe('the Electron main process starting up', () => {
  it('registers every channel, serves the app scheme, and opens a sandboxed window with its preload', async () => {
    await import('../../../src/main/electron/main');
    await recorded.ready;
    await vi.waitFor(() => expect(recorded.windows).toHaveLength(1), { timeout: 10_000 });

    expect([...CHANNELS].filter((channel) => !recorded.handled.includes(channel))).toEqual([]);
    expect(recorded.schemes).toEqual(expect.arrayContaining(['berth', 'handled:berth']));
    const prefs = recorded.windows[0]?.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(recorded.loaded).toEqual(['berth://app/index.html']);
    expect(recorded.menus).toBeGreaterThan(0);
  });
});
