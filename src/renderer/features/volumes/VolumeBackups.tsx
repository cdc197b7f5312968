import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CliCommand } from '../../components/CliCommand';
import { TransferProgress } from '../../components/TransferProgress';
import type { BackupTask } from './useVolumeBackups';

/** The backups started from the list: progress, cancel, where the file went, and the `docker run … tar` line. */
export function VolumeBackups({ tasks, onDismiss }: { tasks: BackupTask[]; onDismiss(transferId: string): void }) {
  const { t } = useTranslation('volumes');
  const [settled, setSettled] = useState<ReadonlySet<string>>(new Set());
  if (tasks.length === 0) return null;
  return (
    <section className="volume-backups" aria-label={t('backup.listLabel')}>
      {tasks.map((task) => (
        <div key={task.transferId} className="volume-backup" data-testid="volume-backup">
          <TransferProgress transferId={task.transferId} onSettled={() => setSettled((current) => new Set(current).add(task.transferId))} />
          <p className="muted small-print">
            {task.saved.kind === 'file'
              ? t('backup.savedTo', { name: task.volume, path: task.saved.path })
              : t('backup.downloaded', { name: task.volume, file: task.saved.filename })}
          </p>
          <div className="volume-backup-footer">
            <CliCommand command={task.cli} />
            {settled.has(task.transferId) && (
              <button type="button" className="small ghost" onClick={() => onDismiss(task.transferId)}>
                {t('dismiss')}
              </button>
            )}
          </div>
        </div>
      ))}
    </section>
  );
}
