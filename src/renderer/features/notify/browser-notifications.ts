/** The Notification API as browser mode uses it (the desktop app notifies from main instead). */
export type BrowserPermission = 'granted' | 'denied' | 'default' | 'unsupported';

export function browserNotificationPermission(): BrowserPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

export async function requestBrowserNotifications(): Promise<BrowserPermission> {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.requestPermission();
}

/** Shows a notification only when permitted and the page is not in front; else nothing. */
export function notifyInBrowser(title: string, body: string): boolean {
  if (browserNotificationPermission() !== 'granted') return false;
  if (document.visibilityState === 'visible' && document.hasFocus()) return false;
  const notification = new Notification(title, { body, tag: `berth-${title}-${body}` });
  notification.onclick = () => {
    window.focus();
    notification.close();
  };
  return true;
}
