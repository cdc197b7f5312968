import { stat } from 'node:fs/promises';
import path from 'node:path';
import { jsonFileState } from './json-state';

/** Why a file dialog opens; each purpose remembers its own folder. */
export type FolderPurpose = 'export' | 'import' | 'upload' | 'download';
const PURPOSES: readonly FolderPurpose[] = ['export', 'import', 'upload', 'download'];

const FOLDERS_FILE_NAME = 'folders.json';

interface RememberedFolders {
  byPurpose: Partial<Record<FolderPurpose, string>>;
  /** The most recent folder of any purpose: the fallback for a purpose not used yet. */
  last?: string;
}

function parseFolders(raw: unknown): RememberedFolders {
  const record = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const byPurpose = (typeof record.byPurpose === 'object' && record.byPurpose !== null ? record.byPurpose : {}) as Record<string, unknown>;
  const isFolder = (value: unknown): value is string => typeof value === 'string' && path.isAbsolute(value);
  const result: RememberedFolders = { byPurpose: {} };
  for (const purpose of PURPOSES) {
    const folder = byPurpose[purpose];
    if (isFolder(folder)) result.byPurpose[purpose] = folder;
  }
  if (isFolder(record.last)) result.last = record.last;
  return result;
}

async function isDirectory(folder: string): Promise<boolean> {
  try {
    return (await stat(folder)).isDirectory();
  } catch {
    return false;
  }
}

/** "Remember the last folder" for native file dialogs, kept next to the settings. */
export interface FolderMemory {
  /** The folder last used for this purpose (else for any purpose), if it still exists. */
  lastFolder(purpose: FolderPurpose): Promise<string | undefined>;
  /** Remembers where the user chose: a chosen file remembers its folder. */
  remember(purpose: FolderPurpose, chosen: string, chosenKind: 'file' | 'folder'): Promise<void>;
}

export function createFolderMemory(dir: string): FolderMemory {
  const state = jsonFileState(path.join(dir, FOLDERS_FILE_NAME), parseFolders);
  const lastFolder = async (purpose: FolderPurpose): Promise<string | undefined> => {
    const folders = await state.read();
    for (const candidate of [folders.byPurpose[purpose], folders.last]) {
      if (candidate && (await isDirectory(candidate))) return candidate;
    }
    return undefined;
  };
  return {
    lastFolder,
    async remember(purpose, chosen, chosenKind) {
      if (!path.isAbsolute(chosen)) return;
      const folder = chosenKind === 'file' ? path.dirname(chosen) : chosen;
      await state.update((current) => ({ byPurpose: { ...current.byPurpose, [purpose]: folder }, last: folder }));
    },
  };
}
