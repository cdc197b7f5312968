import { webHost, type HostServices } from '../host';
import type { OpenDialogRequest, SaveDialogRequest } from './dialogs';

/**
 * A host that reads and writes host files itself, like the desktop app, but with the paths given
 * up front instead of asked in dialogs: for tests, benches and scripted use without a window.
 */
export function headlessFileHost(paths: {
  save?: (request: SaveDialogRequest) => string | null;
  open?: (request: OpenDialogRequest) => string | null;
}): HostServices {
  return {
    ...webHost,
    receivesPageUploads: false,
    settingsDir: webHost.settingsDir,
    chooseSavePath: async (request) => paths.save?.(request) ?? null,
    chooseOpenPath: async (request) => paths.open?.(request) ?? null,
  };
}
