import { app, session, shell, type WebContents, type WebFrameMain } from 'electron';

export const APP_SCHEME = 'berth';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** The origin the renderer is loaded from: the custom protocol, or electron-vite's dev server. */
function rendererOrigin(): string {
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  return (devUrl && !app.isPackaged && originOf(devUrl)) || APP_ORIGIN;
}

/**
 * scheme://host[:port]. Node's URL gives the origin "null" for schemes it does not know (berth:),
 * so URL.origin cannot be compared here.
 */
function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
  }
}

/** Only the app's own top-level frame may call main. */
export function isTrustedFrame(frame: WebFrameMain | null): boolean {
  if (!frame || frame.parent !== null) return false;
  return originOf(frame.url) === rendererOrigin();
}

/** Opens only http(s) URLs, and only ones the app built itself (never a string from a page). */
export function openExternalHttpUrl(url: URL): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return Promise.reject(new Error('Only http and https links open.'));
  return shell.openExternal(url.toString()); // eng-disable OPEN_EXTERNAL_JS_CHECK -- only http(s), checked above, and only URLs main built (callers pass a URL object, never page text)
}

const hardened = new WeakSet<WebContents>();

/** Electron security checklist items that apply to every web contents. Applying them twice is harmless. */
export function hardenWebContents(contents: WebContents): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  contents.on('will-navigate', (event, url) => {
    if (originOf(url) !== rendererOrigin()) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (originOf(url) !== rendererOrigin()) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Web contents that show pages (not DevTools): whatever creates one later gets the same limits. */
const PAGE_CONTENTS = new Set(['window', 'browserView', 'webview']);

export function hardenEveryWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    if (PAGE_CONTENTS.has(contents.getType())) hardenWebContents(contents);
  });
}

export function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
