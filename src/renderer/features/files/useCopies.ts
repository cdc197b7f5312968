import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransferProgress } from '../../../shared/types/transfers';
import { useClient } from '../../api/ClientContext';
import { startBrowserDownload, uploadInBrowser } from '../transfers';
import { sourceNames, type CopySource } from './dropped-files';
import { targetInput, targetLines, type FileTarget } from './file-target';

export interface CopyTask {
  transferId: string;
  direction: 'in' | 'out';
  cli: string;
  /** What the CLI line cannot say by itself (browser mode: where the files are, whose they become). */
  cliNote?: string;
  /** What the copy could not undo, when it was cancelled (e.g. files left in a stopped container). */
  note?: string;
  /** It ended (done, failed or cancelled): it can be dismissed. */
  settled?: boolean;
}

interface ConfirmRequest {
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm(): void;
}

export interface Copies {
  tasks: CopyTask[];
  confirm: ConfirmRequest | undefined;
  error: Error | undefined;
  busy: boolean;
  copyIn(source: CopySource, destination: string): Promise<void>;
  copyOut(path: string, format: 'auto' | 'tar'): Promise<void>;
  settled(transferId: string, progress: TransferProgress): void;
  dismiss(transferId: string): void;
  closeConfirm(): void;
  clearError(): void;
}

/**
 * The `docker cp` line for copying `source` in: the chosen items' host paths, or in browser mode
 * (no host paths, no owners) a root-owned tar of them, which needs a note saying so.
 */
export function copyInLine(target: FileTarget, source: CopySource, destination: string): { cli: string; fromBrowser: boolean } {
  const lines = targetLines(target);
  if (source.kind === 'items')
    return {
      cli: lines.copyIn(
        source.items.map((item) => item.path),
        destination,
      ),
      fromBrowser: false,
    };
  return { cli: lines.browserCopyIn(source.upload.names, destination), fromBrowser: true };
}

/**
 * `docker cp` both ways from the Files tab (and the containers list): asks before replacing,
 * starts the transfer (uploading the page's tar in browser mode, starting the browser's download),
 * and keeps the running copies for their progress bars. `onCopiedIn` runs after a copy in ends.
 */
export function useCopies(target: FileTarget, onCopiedIn?: () => void): Copies {
  const { t } = useTranslation('files');
  const client = useClient();
  const [tasks, setTasks] = useState<CopyTask[]>([]);
  const [confirm, setConfirm] = useState<ConfirmRequest>();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  const add = (task: CopyTask): void => setTasks((current) => [task, ...current.filter((other) => other.transferId !== task.transferId)]);

  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  const startIn = async (source: CopySource, destination: string, overwrite: boolean): Promise<void> => {
    const { cli, fromBrowser } = copyInLine(target, source, destination);
    if (source.kind === 'items') {
      const started = await client.invoke('files.copyIn', {
        ...targetInput(target),
        destination,
        overwrite,
        source: { kind: 'items', handles: source.items.map((item) => item.fileHandle) },
      });
      add({ transferId: started.transferId, direction: 'in', cli });
      return;
    }
    const { upload } = source;
    const started = await client.invoke('files.copyIn', {
      ...targetInput(target),
      destination,
      overwrite,
      source: { kind: 'upload', names: upload.names, sizeBytes: upload.tar.size, fileBytes: upload.fileBytes },
    });
    add({ transferId: started.transferId, direction: 'in', cli, ...(fromBrowser ? { cliNote: t('copy.browserInNote') } : {}) });
    if (started.uploadUrl) void uploadInBrowser(started.uploadUrl, upload.tar);
  };

  const copyIn = (source: CopySource, destination: string): Promise<void> =>
    run(async () => {
      const names = sourceNames(source);
      if (names.length === 0) throw new Error(t('copy.nothing'));
      const conflicts = await client.invoke('files.conflicts', { ...targetInput(target), destination, names });
      if (!conflicts.destinationIsDirectory) throw new Error(t('copy.notFolder', { path: destination }));
      if (conflicts.existing.length === 0) return startIn(source, destination, false);
      setConfirm({
        title: t('copy.replaceTitle'),
        body: t('copy.replaceBody', { count: conflicts.existing.length, names: conflicts.existing.join(', '), folder: destination }),
        confirmLabel: t('copy.replace'),
        onConfirm: () => {
          setConfirm(undefined);
          void run(() => startIn(source, destination, true));
        },
      });
    });

  const startOut = async (path: string, format: 'auto' | 'tar', replace?: string): Promise<void> => {
    const result = await client.invoke('files.copyOut', { ...targetInput(target), path, format, ...(replace ? { replace } : {}) });
    if (result.status === 'dismissed') return;
    if (result.status === 'exists') {
      setConfirm({
        title: t('copy.replaceHostTitle'),
        body: t('copy.replaceHostBody', { name: result.name, folder: result.folder }),
        confirmLabel: t('copy.replace'),
        onConfirm: () => {
          setConfirm(undefined);
          void run(() => startOut(path, format, result.replaceToken));
        },
      });
      return;
    }
    if (result.delivery === 'file') {
      add({ transferId: result.transferId, direction: 'out', cli: targetLines(target).copyOut(result.copied, { kind: 'host', path: result.filePath }) });
    } else {
      const cli = targetLines(target).copyOut(result.copied, { kind: 'browser', filename: result.filename });
      add({ transferId: result.transferId, direction: 'out', cli, cliNote: t('copy.browserOutNote', { name: result.filename }) });
    }
    if (result.delivery === 'browser') startBrowserDownload(result.url, result.filename);
  };

  const copyOut = (path: string, format: 'auto' | 'tar'): Promise<void> => run(() => startOut(path, format));

  const settled = useCallback(
    (transferId: string, progress: TransferProgress): void => {
      setTasks((current) =>
        current.map((task) => {
          if (task.transferId !== transferId) return task;
          if (task.direction === 'in' && progress.phase !== 'running') onCopiedIn?.();
          const message = progress.phase === 'cancelled' ? progress.error?.message : undefined;
          // The plain cancel wording adds nothing to the progress bar's own note; anything else says what was left.
          return { ...task, settled: progress.phase !== 'running', ...(message && message !== 'Cancelled.' ? { note: message } : {}) };
        }),
      );
    },
    [onCopiedIn],
  );

  return {
    tasks,
    confirm,
    error,
    busy,
    copyIn,
    copyOut,
    settled,
    dismiss: (transferId) => setTasks((current) => current.filter((task) => task.transferId !== transferId)),
    closeConfirm: () => setConfirm(undefined),
    clearError: () => setError(undefined),
  };
}
