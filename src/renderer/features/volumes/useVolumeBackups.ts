import { useState } from 'react';
import { useClient } from '../../api/ClientContext';
import { startBrowserDownload } from '../transfers';
import { volumeBackupCommand } from '../../../shared/cli/volumes';

export interface BackupTask {
  transferId: string;
  volume: string;
  /** Desktop: where the file is written; browser mode: the download's name. */
  saved: { kind: 'file'; path: string } | { kind: 'browser'; filename: string };
  cli: string;
}

/** `volumes.backup` from the list: a save dialog (desktop) or a browser download, each kept for its progress bar. */
export function useVolumeBackups() {
  const client = useClient();
  const [tasks, setTasks] = useState<BackupTask[]>([]);
  const [error, setError] = useState<Error>();

  const start = async (volume: string): Promise<void> => {
    setError(undefined);
    try {
      const result = await client.invoke('volumes.backup', { name: volume });
      if (result.status === 'dismissed') return;
      const saved = result.delivery === 'file' ? ({ kind: 'file', path: result.filePath } as const) : ({ kind: 'browser', filename: result.filename } as const);
      const file = result.delivery === 'file' ? (result.filePath.split(/[\\/]/).at(-1) ?? result.filename) : result.filename;
      setTasks((current) => [{ transferId: result.transferId, volume, saved, cli: volumeBackupCommand(volume, file) }, ...current]);
      if (result.delivery === 'browser') startBrowserDownload(result.url, result.filename);
    } catch (err) {
      setError(err as Error);
    }
  };

  return {
    tasks,
    error,
    start: (volume: string) => void start(volume),
    dismiss: (transferId: string) => setTasks((current) => current.filter((task) => task.transferId !== transferId)),
    clearError: () => setError(undefined),
  };
}
