import type { FinishedTask, MenuCommand } from '../shared/types/desktop';
import { browserModeSettingsDir } from './settings/location';
import type { OpenDialogRequest, SaveDialogRequest } from './transfers/dialogs';

/**
 * What differs between the desktop app and browser mode, given to the handlers by whichever
 * transport runs them: Electron implements these with native dialogs and the system browser;
 * browser mode leaves them to the browser (uploads, downloads, window.open). Features that need
 * the host add a member here and implement it in both places.
 */
export interface HostServices {
  /**
   * True in browser mode: the page sends the user's files to main over HTTP (`uploadUrl`). False
   * where main reads host files itself from a dialog or a drop (the desktop app, headless hosts).
   */
  readonly receivesPageUploads: boolean;
  /** The folder settings.json (and remembered dialog folders) live in. */
  readonly settingsDir: string;
  /** The desktop menu's commands for the renderer; browser mode has no menu and never calls the listener. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** A long export/import/copy finished: the desktop app notifies when its window is in the background. */
  taskFinished(task: FinishedTask): void;
  /** Opens an http(s) URL main built itself in the system browser; absent in browser mode (the page opens it). */
  openExternal?(url: URL): Promise<void>;
  /**
   * Desktop app: an http(s) link that came from content (terminal output) opens only once the user
   * has agreed in a native dialog showing it whole; true when it was opened. Absent in browser mode.
   */
  openLinkFromContent?(url: URL): Promise<boolean>;
  /** Desktop app: a native save dialog (transfers/dialogs.ts); null when dismissed. Absent in browser mode (the browser saves). */
  chooseSavePath?(request: SaveDialogRequest): Promise<string | null>;
  /** Desktop app: a native open dialog; null when dismissed. Absent in browser mode (the page uploads). */
  chooseOpenPath?(request: OpenDialogRequest): Promise<string | null>;
  /** Desktop app: a native open dialog for several files, or for folders; empty when dismissed. Absent in browser mode. */
  chooseOpenPaths?(request: OpenDialogRequest): Promise<string[]>;
}

/** Browser mode and tests: the browser on the other end does the host-side work. */
export const webHost: HostServices = {
  receivesPageUploads: true,
  get settingsDir() {
    return browserModeSettingsDir();
  },
  onMenuCommand: () => () => undefined,
  // The browser tab notifies by itself (the Notification API), it sees the transfer end.
  taskFinished: () => undefined,
};
