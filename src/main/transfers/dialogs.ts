import type { FolderPurpose } from '../settings/folder-memory';

export interface FileFilter {
  name: string;
  /** Without the dot; `*` for any. */
  extensions: string[];
}

/** What a native save dialog is opened with (the desktop app's HostServices.chooseSavePath). */
export interface SaveDialogRequest {
  /** Each purpose remembers its own last folder. */
  purpose: FolderPurpose;
  suggestedName: string;
  filters?: FileFilter[];
}

export interface OpenDialogRequest {
  purpose: FolderPurpose;
  filters?: FileFilter[];
}

export const TAR_FILTERS: FileFilter[] = [
  { name: 'Tar archives', extensions: ['tar', 'tgz', 'gz', 'xz', 'bz2', 'zst'] },
  { name: 'All files', extensions: ['*'] },
];
