import { EventEmitter } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  permissionRequest: undefined as undefined | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
  permissionCheck: undefined as undefined | ((...args: unknown[]) => boolean),
  opened: [] as string[],
  protocolHandler: undefined as undefined | ((request: { url: string }) => Promise<Response>),
  appListeners: new Map<string, (...args: unknown[]) => void>(),
  privileged: [] as unknown[],
}));

vi.mock('electron', () => ({
  app: {
    isPackaged: true,
    getPath: (name: string) => `/home/user/.config/${name}`,
    getLocale: () => 'en-US',
    on: (event: string, listener: (...args: unknown[]) => void) => electron.appListeners.set(event, listener),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn: typeof electron.permissionRequest) => (electron.permissionRequest = fn),
      setPermissionCheckHandler: (fn: typeof electron.permissionCheck) => (electron.permissionCheck = fn),
    },
  },
  shell: { openExternal: async (url: string) => void electron.opened.push(url) },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => electron.privileged.push(...schemes),
    handle: (_scheme: string, fn: typeof electron.protocolHandler) => (electron.protocolHandler = fn),
  },
  // Like Electron's net.fetch on a file:// URL: the file, or a rejection when there is none.
  net: {
    fetch: async (url: string) => {
      const { readFile } = await import('node:fs/promises');
      const { fileURLToPath } = await import('node:url');
      return new Response(await readFile(fileURLToPath(url)), { status: 200, headers: { 'Content-Type': 'text/html' } });
    },
  },
  BrowserWindow: { getFocusedWindow: () => null, getAllWindows: () => [] },
  Notification: class {},
}));

const { hardenEveryWebContents, hardenSession, hardenWebContents, openExternalHttpUrl } = await import('../../../src/main/electron/security');
const { registerAppScheme, serveRenderer } = await import('../../../src/main/electron/protocol');
const { createElectronHost, desktopSettingsDir } = await import('../../../src/main/electron/host');
const { createSettingsStore } = await import('../../../src/main/settings/store');

class FakeContents extends EventEmitter {
  constructor(private readonly type = 'window') {
    super();
  }
  getType(): string {
    return this.type;
  }
  openHandler: (() => { action: string }) | undefined;
  setWindowOpenHandler(fn: () => { action: string }): void {
    this.openHandler = fn;
  }
}

describe('session hardening', () => {
  it('denies every permission request and check by default', () => {
    hardenSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      electron.permissionRequest?.({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
    }
    expect(electron.permissionCheck?.({}, 'media', 'berth://app', {})).toBe(false);
  });
});

describe('external links', () => {
  it('open only http and https URLs', async () => {
    await openExternalHttpUrl(new URL('https://docs.docker.com/'));
    await openExternalHttpUrl(new URL('http://127.0.0.1:8080/'));
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'berth://app/index.html']) {
      await expect(openExternalHttpUrl(new URL(url)), url).rejects.toThrow(/Only http and https/);
    }
    expect(electron.opened).toEqual(['https://docs.docker.com/', 'http://127.0.0.1:8080/']);
  });
});

describe('web contents hardening', () => {
  it('denies redirects away from the app, webviews and new windows', () => {
    const contents = new FakeContents();
    hardenWebContents(contents as never);
    const away = { preventDefault: vi.fn() };
    contents.emit('will-redirect', away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(contents.openHandler?.()).toEqual({ action: 'deny' });
  });
});

describe('every web contents', () => {
  it('gets the same limits when created later (a page, not DevTools), once', () => {
    hardenEveryWebContents();
    const created = electron.appListeners.get('web-contents-created');
    const page = new FakeContents('window');
    const devtools = new FakeContents('remote');
    created?.({}, page);
    created?.({}, devtools);
    expect(page.openHandler?.()).toEqual({ action: 'deny' });
    expect(devtools.openHandler).toBeUndefined();
    hardenWebContents(page as never);
    expect(page.listenerCount('will-navigate')).toBe(1);
  });
});

describe('the berth://app protocol', () => {
  let root: string;
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('is registered as a standard, secure scheme', () => {
    registerAppScheme();
    expect(electron.privileged).toEqual([{ scheme: 'berth', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the built renderer with a strict CSP, and nothing outside it', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'berth-renderer-'));
    await writeFile(path.join(root, 'index.html'), '<html></html>');
    serveRenderer(root);
    const handler = electron.protocolHandler;
    if (!handler) throw new Error('no protocol handler');
    const page = await handler({ url: 'berth://app/' });
    expect(page.status).toBe(200);
    const csp = page.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval|https?:)/);
    expect(page.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await page.text()).toBe('<html></html>');
    expect((await handler({ url: 'berth://app/..%2f..%2f..%2fetc%2fpasswd' })).status).toBe(404);
    expect((await handler({ url: 'berth://app/%2e%2e/%2e%2e/etc/passwd' })).status).toBe(404);
    expect((await handler({ url: 'berth://app/missing.js' })).status).toBe(404);
    expect((await handler({ url: 'berth://elsewhere/index.html' })).status).toBe(404);
  });
});

describe('desktop host services', () => {
  it('keep settings in the user data folder unless BERTH_SETTINGS_DIR names another', () => {
    const saved = process.env.BERTH_SETTINGS_DIR;
    delete process.env.BERTH_SETTINGS_DIR;
    expect(desktopSettingsDir()).toBe('/home/user/.config/userData');
    process.env.BERTH_SETTINGS_DIR = '/tmp/berth-e2e-settings';
    expect(desktopSettingsDir()).toBe('/tmp/berth-e2e-settings');
    if (saved === undefined) delete process.env.BERTH_SETTINGS_DIR;
    else process.env.BERTH_SETTINGS_DIR = saved;
    const host = createElectronHost('/tmp/berth-e2e-settings', createSettingsStore('/tmp/berth-e2e-settings'));
    expect(host.settingsDir).toBe('/tmp/berth-e2e-settings');
    // The desktop app reads the user's files itself: it never takes a page upload.
    expect(host.receivesPageUploads).toBe(false);
  });
});
