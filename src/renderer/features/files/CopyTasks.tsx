import { useTranslation } from 'react-i18next';
import type { TransferProgress as Progress } from '../../../shared/types/transfers';
import { CliCommand } from '../../components/CliCommand';
import { TransferProgress } from '../../components/TransferProgress';
import type { CopyTask } from './useCopies';

interface CopyTasksProps {
  tasks: CopyTask[];
  onSettled(transferId: string, progress: Progress): void;
  onDismiss(transferId: string): void;
}

/** The copies started here: progress, cancel, outcome, and the docker CLI equivalent of each. */
export function CopyTasks({ tasks, onSettled, onDismiss }: CopyTasksProps) {
  const { t } = useTranslation('files');
  if (tasks.length === 0) return null;
  return (
    <section className="files-copies" aria-label={t('copy.listLabel')}>
      {tasks.map((task) => (
        <div key={task.transferId} className="files-copy">
          <TransferProgress transferId={task.transferId} onSettled={(progress) => onSettled(task.transferId, progress)} />
          {task.note && (
            <p className="transfer-warning" role="status">
              {task.note}
            </p>
          )}
          <div className="files-copy-footer">
            <CliCommand command={task.cli} />
            {task.settled && (
              <button type="button" className="small ghost" onClick={() => onDismiss(task.transferId)}>
                {t('copy.dismiss')}
              </button>
            )}
          </div>
          {task.cliNote && <p className="muted files-copy-cli-note">{task.cliNote}</p>}
        </div>
      ))}
    </section>
  );
}
