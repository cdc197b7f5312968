import type { BerthClient } from '../../api/client';

/** Only http(s) links open; anything else a program prints (javascript:, file:) is ignored. */
export function safeLink(uri: string): URL | null {
  try {
    const url = new URL(uri);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * Opens a link clicked in a terminal. Browser mode: a new tab that cannot reach back to this page.
 * Desktop: the window refuses window.open, so main opens it in the system browser.
 */
export function openTerminalLink(client: BerthClient, uri: string): void {
  const url = safeLink(uri);
  if (!url) return;
  if (client.transport === 'web') {
    window.open(url.toString(), '_blank', 'noopener,noreferrer');
    return;
  }
  void client.invoke('terminal.openLink', { url: url.toString() }).catch(() => undefined);
}
