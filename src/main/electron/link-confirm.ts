import { BrowserWindow, clipboard, dialog } from 'electron';
import { openExternalHttpUrl } from './security';
import type { MainStrings } from './strings';

const OPEN = 0;
const COPY = 1;
const CANCEL = 2;

/**
 * A link from content (what a program printed in a terminal) is not a URL the app built, so it
 * opens only after the user has seen it whole in a native dialog and chosen Open; Copy puts it on
 * the clipboard instead. The dialog is main's, so a compromised page cannot skip it. True: opened.
 */
export async function confirmAndOpenLink(url: URL, strings: MainStrings): Promise<boolean> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('Only http and https links open.');
  const text = strings.link;
  const options = {
    type: 'question' as const,
    title: text.title,
    message: text.message,
    detail: url.toString(),
    buttons: [text.open, text.copy, text.cancel],
    defaultId: CANCEL,
    cancelId: CANCEL,
    noLink: true,
  };
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  if (response === OPEN) {
    await openExternalHttpUrl(url);
    return true;
  }
  if (response === COPY) await clipboard.writeText(url.toString());
  return false;
}
