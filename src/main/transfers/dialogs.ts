import type { FolderPurpose } from '../settings/folder-memory';

export interface FileFilter {
  name: string;
  /** Without the dot; `*` for any. */
  extensions: string[];
}

/** What a native save dialog is opened with (HostServices.chooseSavePath; the desktop app's electron/dialogs.ts). */
export interface SaveDialogRequest {
  /** Each purpose remembers its own last folder. */
  purpose: FolderPurpose;
  title?: string;
  /** The file name offered, e.g. `web.tar`. */
  suggestedName: string;
  filters?: FileFilter[];
}

/** What a native open dialog is opened with (HostServices.chooseOpenPath and chooseOpenPaths). */
export interface OpenDialogRequest {
  purpose: FolderPurpose;
  title?: string;
  filters?: FileFilter[];
  /** Choose folders instead of files. */
  folders?: boolean;
  multiple?: boolean;
}

export const TAR_FILTERS: FileFilter[] = [
  { name: 'Tar archives', extensions: ['tar', 'tgz', 'gz', 'xz', 'bz2', 'zst'] },
  { name: 'All files', extensions: ['*'] },
];
