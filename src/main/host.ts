import type { OpenDialogRequest, SaveDialogRequest } from './transfers/dialogs';

/**
 * What differs between the desktop app and browser mode, given to the handlers by whichever
 * transport runs them: Electron implements these with native dialogs and the system browser;
 * browser mode leaves them to the browser (uploads, downloads, window.open). Features that need
 * the host add a member here and implement it in both places.
 */
export interface HostServices {
  readonly kind: 'electron' | 'web';
  /** Opens an http(s) URL main built itself in the system browser; absent in browser mode (the page opens it). */
  openExternal?(url: URL): Promise<void>;
  /** Desktop app: a native save dialog (transfers/dialogs.ts); null when dismissed. Absent in browser mode (the browser saves). */
  chooseSavePath?(request: SaveDialogRequest): Promise<string | null>;
  /** Desktop app: a native open dialog; null when dismissed. Absent in browser mode (the page uploads). */
  chooseOpenPath?(request: OpenDialogRequest): Promise<string | null>;
}

/** Browser mode and tests: the browser on the other end does the host-side work. */
export const webHost: HostServices = { kind: 'web' };
