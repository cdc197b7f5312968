import { type EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

const made = vi.hoisted(() => ({ options: [] as Array<Record<string, unknown>>, contents: [] as unknown[] }));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class FakeContents extends EventEmitter {
    openHandler: (() => { action: string }) | undefined;
    setWindowOpenHandler(fn: () => { action: string }): void {
      this.openHandler = fn;
    }
  }
  class BrowserWindow extends EventEmitter {
    webContents = new FakeContents();
    loaded: string | undefined;
    constructor(options: Record<string, unknown>) {
      super();
      made.options.push(options);
      made.contents.push(this.webContents);
    }
    loadURL(url: string): Promise<void> {
      this.loaded = url;
      return Promise.resolve();
    }
    show(): void {}
    maximized = false;
    maximize(): void {
      this.maximized = true;
    }
  }
  return {
    BrowserWindow,
    app: { isPackaged: true },
    nativeTheme: { shouldUseDarkColors: false },
    session: { defaultSession: {} },
    shell: { openExternal: vi.fn() },
  };
});

const { createMainWindow } = await import('../../../src/main/electron/window');
const { isTrustedFrame } = await import('../../../src/main/electron/security');

describe('main window', () => {
  it('is created with the security checklist settings', () => {
    createMainWindow('/app/out/preload/index.cjs');
    const prefs = made.options[0]?.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('denies new windows and navigation away from the app', () => {
    const contents = made.contents[0] as EventEmitter & { openHandler: () => { action: string } };
    expect(contents.openHandler()).toEqual({ action: 'deny' });
    const away = { preventDefault: vi.fn() };
    contents.emit('will-navigate', away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    contents.emit('will-navigate', inside, 'berth://app/index.html#x');
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it('opens at the restored size and position, maximized if it was', () => {
    const window = createMainWindow('/p.cjs', { x: 40, y: 30, width: 1100, height: 700, maximized: true }) as unknown as { maximized: boolean };
    expect(made.options.at(-1)).toMatchObject({ x: 40, y: 30, width: 1100, height: 700, minWidth: 1024, minHeight: 640 });
    expect(window.maximized).toBe(true);
    createMainWindow('/p.cjs');
    expect(made.options.at(-1)).toMatchObject({ width: 1280, height: 820 });
    expect(made.options.at(-1)).not.toHaveProperty('x');
  });

  it('trusts only the app origin in a top-level frame', () => {
    expect(isTrustedFrame({ url: 'berth://app/index.html', parent: null } as never)).toBe(true);
    expect(isTrustedFrame({ url: 'berth://app/index.html', parent: {} } as never)).toBe(false);
    expect(isTrustedFrame({ url: 'https://app/index.html', parent: null } as never)).toBe(false);
    expect(isTrustedFrame({ url: 'not a url', parent: null } as never)).toBe(false);
    expect(isTrustedFrame(null)).toBe(false);
  });
});
