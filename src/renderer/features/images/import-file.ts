import type { BerthClient } from '../../api/client';

/** The tar to import: a host file main holds a handle for (desktop), or a File the page uploads (browser mode). */
export type ImportFile =
  { kind: 'handle'; fileHandle: string; name: string; sizeBytes: number } | { kind: 'browser'; file: File; name: string; sizeBytes: number };

export const TAR_ACCEPT = '.tar,.tgz,.gz,.xz,.bz2,.zst,.tar.gz,application/x-tar,application/gzip';

/** The desktop app's native open dialog (remembers the folder). Undefined when dismissed. */
export async function pickImportFile(client: BerthClient): Promise<ImportFile | undefined> {
  const picked = await client.invoke('transfers.pickFile', {
    purpose: 'import',
    filters: [
      { name: 'Tar archives', extensions: ['tar', 'tgz', 'gz', 'xz', 'bz2', 'zst'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  return picked ? { kind: 'handle', fileHandle: picked.fileHandle, name: picked.name, sizeBytes: picked.sizeBytes } : undefined;
}

/**
 * A dropped file. Browser mode uploads the File itself; the desktop app asks the preload for a
 * handle (webUtils.getPathForFile, registered in main), since the page never sends a path.
 */
export async function droppedImportFile(file: File): Promise<ImportFile | undefined> {
  const bridge = window.berth as
    | (typeof window.berth & { pathsForFiles?(files: File[]): Promise<Array<{ fileHandle: string; name: string; sizeBytes: number; kind?: string }>> })
    | undefined;
  if (!bridge) return { kind: 'browser', file, name: file.name, sizeBytes: file.size };
  const [item] = (await bridge.pathsForFiles?.([file])) ?? [];
  if (!item || (item.kind !== undefined && item.kind !== 'file')) return undefined;
  return { kind: 'handle', fileHandle: item.fileHandle, name: item.name, sizeBytes: item.sizeBytes };
}
