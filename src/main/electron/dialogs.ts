import { app, BrowserWindow, dialog } from 'electron';
import path from 'node:path';
import type { FolderMemory } from '../settings/folder-memory';
import type { OpenDialogRequest, SaveDialogRequest } from '../transfers/dialogs';

/** The window a dialog belongs to (sheet on macOS, modal elsewhere). */
export function activeWindow(): BrowserWindow | undefined {
  return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
}

/**
 * Native file dialogs that start in the folder last used for the same purpose (export, import,
 * upload, download) and remember where the user went.
 *
 * End-to-end tests cannot click a native dialog. With BERTH_E2E=1 (and only then) the paths come
 * from the environment instead: BERTH_TEST_SAVE_PATH for a save dialog, BERTH_TEST_OPEN_PATHS
 * (joined with the platform's path delimiter) for an open dialog.
 */
export function testDialogPaths(env: NodeJS.ProcessEnv = process.env): { save?: string; open?: string[] } {
  if (env.BERTH_E2E !== '1') return {};
  return {
    ...(env.BERTH_TEST_SAVE_PATH ? { save: path.resolve(env.BERTH_TEST_SAVE_PATH) } : {}),
    ...(env.BERTH_TEST_OPEN_PATHS
      ? {
          open: env.BERTH_TEST_OPEN_PATHS.split(path.delimiter)
            .filter(Boolean)
            .map((p) => path.resolve(p)),
        }
      : {}),
  };
}

/** A path to save to, or undefined when the user cancelled. */
export async function chooseSavePath(window: BrowserWindow | undefined, memory: FolderMemory, request: SaveDialogRequest): Promise<string | undefined> {
  const stub = testDialogPaths().save;
  if (stub) return stub;
  const folder = (await memory.lastFolder(request.purpose)) ?? app.getPath('downloads');
  const defaultPath = path.join(folder, path.basename(request.suggestedName));
  const options = {
    title: request.title,
    defaultPath,
    filters: request.filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<'createDirectory' | 'showOverwriteConfirmation'>,
  };
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return undefined;
  await memory.remember(request.purpose, result.filePath, 'file').catch(() => undefined);
  return result.filePath;
}

/** The chosen files (or folders); empty when the user cancelled. */
export async function chooseOpenPaths(window: BrowserWindow | undefined, memory: FolderMemory, request: OpenDialogRequest): Promise<string[]> {
  const stub = testDialogPaths().open;
  if (stub) return stub;
  const properties: Array<'openFile' | 'openDirectory' | 'multiSelections'> = [request.folders ? 'openDirectory' : 'openFile'];
  if (request.multiple) properties.push('multiSelections');
  const options = { title: request.title, defaultPath: await memory.lastFolder(request.purpose), filters: request.filters, properties };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  if (result.canceled || result.filePaths.length === 0) return [];
  const [first] = result.filePaths;
  if (first) await memory.remember(request.purpose, first, request.folders ? 'folder' : 'file').catch(() => undefined);
  return result.filePaths;
}
