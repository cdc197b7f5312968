import { useTranslation } from 'react-i18next';
import { BerthError } from '../../../shared/errors';
import type { RegistryTask } from '../../../shared/types/registries';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatBytes } from '../../format/bytes';
import { LayerRows } from './LayerRows';
import { ProgressBar } from './ProgressBar';
import { finishedLayers, registryOf, taskPercent, timeLeftParts } from './task-model';

interface TaskViewProps {
  task: RegistryTask;
  onCancel(taskId: string): void;
  /** Opens the login dialog for the task's registry (offered when the registry refused the credentials). */
  onLogin?(server: string): void;
  onDismiss?(taskId: string): void;
  /** Hide the layer rows (e.g. in a narrow list); they show while the task runs otherwise. */
  showLayers?: boolean;
}

const shortImageId = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);

/** One pull or push: what it is, the overall bar with speed and time left, its layers, and how it ended. */
export function TaskView({ task, onCancel, onLogin, onDismiss, showLayers = true }: TaskViewProps) {
  const { t } = useTranslation('registries');
  const { phase, kind, reference } = task;
  const percent = taskPercent(task);
  const running = phase === 'running';
  const left = task.secondsLeft !== undefined && task.secondsLeft >= 1 ? timeLeftParts(task.secondsLeft) : undefined;
  const amount = task.totalBytes !== undefined ? t('bytesOf', { done: formatBytes(task.bytes), total: formatBytes(task.totalBytes) }) : formatBytes(task.bytes);
  const facts = [
    running || task.bytes > 0 ? amount : undefined,
    running && task.bytesPerSecond > 0 ? t('task.speed', { rate: formatBytes(task.bytesPerSecond) }) : undefined,
    running && left ? (left.hours > 0 ? t('task.leftHours', left) : left.minutes > 0 ? t('task.leftMinutes', left) : t('task.leftSeconds', left)) : undefined,
    task.layers.length > 0 ? t('task.layers', { done: finishedLayers(task.layers), count: task.layers.length }) : undefined,
  ].filter((fact): fact is string => Boolean(fact));
  const error = task.error ? BerthError.fromShape(task.error) : undefined;

  return (
    <div className={`reg-task reg-task-${phase}`} data-testid="registry-task" data-task-id={task.taskId} data-phase={phase} data-reference={reference}>
      <div className="reg-task-line">
        <span className="reg-task-title">{t(`task.title.${kind}.${phase}`, { reference })}</span>
        {task.platform && <span className="reg-platform mono">{task.platform}</span>}
        {running && (
          <button type="button" className="small" onClick={() => onCancel(task.taskId)} aria-label={t('task.cancelNamed', { reference })}>
            {t('task.cancel')}
          </button>
        )}
        {!running && onDismiss && (
          <button type="button" className="small ghost" onClick={() => onDismiss(task.taskId)} aria-label={t('task.dismissNamed', { reference })}>
            {t('task.dismiss')}
          </button>
        )}
      </div>
      <ProgressBar
        label={t('task.barLabel', { reference })}
        percent={running ? percent : phase === 'done' ? 100 : (percent ?? 0)}
        className={`reg-overall reg-overall-${phase}`}
      />
      {facts.length > 0 && <span className="reg-task-facts mono">{facts.join(' · ')}</span>}
      {showLayers && running && <LayerRows layers={task.layers} />}
      {phase === 'done' && task.result && (
        <p className="reg-result" data-testid="task-result">
          {task.result.imageId
            ? t('task.resultImage', {
                id: shortImageId(task.result.imageId),
                size: task.result.sizeBytes !== undefined ? formatBytes(task.result.sizeBytes) : '—',
              })
            : t('task.resultDigest', { digest: task.result.digest ?? '—' })}
        </p>
      )}
      {phase === 'failed' && error && (
        <div className="reg-error">
          <ErrorMessage error={error} />
          {error.code === 'UNAUTHORIZED' && onLogin && (
            <button type="button" className="primary small" onClick={() => onLogin(registryOf(reference))}>
              {t('task.logIn')}
            </button>
          )}
        </div>
      )}
      {phase === 'cancelled' && <p className="muted reg-result">{t('task.cancelledNote')}</p>}
      <CliCommand command={task.commandLine} />
    </div>
  );
}
