/** What the desktop app's menu asks the renderer to do (browser mode has no menu, so never sends one). */
const MENU_COMMANDS = ['commandPalette', 'keyboardShortcuts', 'settings'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface MenuMessage {
  command: MenuCommand;
}

/** Only tasks at least this long notify when they end: a quick export needs no "done" message. */
export const LONG_TASK_MS = 5_000;

/** A long task (export, import, copy) that has finished, for the "done" notification. */
export interface FinishedTask {
  kind: 'export' | 'import' | 'copy' | 'pull' | 'push';
  /** What it was about, as the user knows it (a container or image name, a file name). */
  subject: string;
  ok: boolean;
  /** Epoch milliseconds when it started: only tasks that took a while notify. */
  startedAt: number;
}
