import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { referenceProblem } from '../../../shared/images/reference';
import { useClient } from '../../api/ClientContext';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Modal } from '../../components/Modal';
import { useRegistryTasks } from './RegistryTasksProvider';
import { TaskView } from './TaskView';
import { useTagSuggestions } from './useTagSuggestions';
import { pullCommand } from '../../../shared/cli/registries';

const PLATFORMS = ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/386', 'linux/ppc64le', 'linux/s390x', 'linux/riscv64'];
const PLATFORM_PATTERN = /^[a-z0-9_-]+\/[a-z0-9_-]+(\/[a-z0-9_.-]+)?$/;

interface PullDialogProps {
  initialReference?: string;
  onClose(): void;
  onLogin(server: string): void;
}

/** `docker pull` as a form: a reference with tag suggestions, an optional platform; then the pull's progress. */
export function PullDialog({ initialReference = '', onClose, onLogin }: PullDialogProps) {
  const { t } = useTranslation('registries');
  const client = useClient();
  const { tasks, cancel } = useRegistryTasks();
  const [reference, setReference] = useState(initialReference);
  const [platform, setPlatform] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [taskId, setTaskId] = useState<string>();
  const suggestions = useTagSuggestions(reference);
  const referenceRef = useRef<HTMLInputElement>(null);
  // After the modal opened (its effect runs first), which focuses its first button otherwise.
  useEffect(() => referenceRef.current?.focus(), []);

  const trimmed = reference.trim();
  const trimmedPlatform = platform.trim();
  const referenceIssue = trimmed ? referenceProblem(trimmed) : touched ? 'empty' : undefined;
  const platformIssue = trimmedPlatform && !PLATFORM_PATTERN.test(trimmedPlatform);
  const task = tasks.find((candidate) => candidate.taskId === taskId);

  const pull = async (): Promise<void> => {
    setTouched(true);
    if (!trimmed || referenceIssue || platformIssue) return;
    setBusy(true);
    setError(undefined);
    try {
      const started = await client.invoke('images.pull', { reference: trimmed, ...(trimmedPlatform ? { platform: trimmedPlatform } : {}) });
      setTaskId(started.taskId);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  const again = (): void => {
    setTaskId(undefined);
    setError(undefined);
  };

  return (
    <Modal kind="reg" title={t('pull.title')} onClose={onClose} wide>
      <form
        className="reg-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!taskId) void pull();
        }}
      >
        <label>
          {t('pull.reference')}
          <input
            ref={referenceRef}
            value={reference}
            onChange={(event) => setReference(event.target.value)}
            onBlur={() => setTouched(true)}
            placeholder={t('pull.referencePlaceholder')}
            list="reg-tag-suggestions"
            aria-invalid={Boolean(referenceIssue)}
            aria-describedby="reg-pull-hint"
            spellCheck={false}
            autoComplete="off"
            readOnly={Boolean(taskId)}
          />
          <datalist id="reg-tag-suggestions">
            {suggestions.references.map((value) => (
              <option key={value} value={value} />
            ))}
          </datalist>
          <span id="reg-pull-hint" className="muted small-print" role="status">
            {referenceIssue
              ? ''
              : suggestions.references.length > 0
                ? t('pull.suggestions', { count: suggestions.references.length, repository: suggestions.repository })
                : t('pull.hint')}
          </span>
          {referenceIssue && (
            <span className="field-problem" role="alert">
              {referenceIssue === 'empty' ? t('pull.referenceRequired') : t('pull.referenceInvalid')}
            </span>
          )}
        </label>
        <label>
          {t('pull.platform')}
          <input
            value={platform}
            onChange={(event) => setPlatform(event.target.value)}
            placeholder={t('pull.platformPlaceholder')}
            list="reg-platforms"
            aria-invalid={Boolean(platformIssue)}
            spellCheck={false}
            autoComplete="off"
            readOnly={Boolean(taskId)}
          />
          <datalist id="reg-platforms">
            {PLATFORMS.map((value) => (
              <option key={value} value={value} />
            ))}
          </datalist>
          {platformIssue && (
            <span className="field-problem" role="alert">
              {t('pull.platformProblem')}
            </span>
          )}
        </label>
        {!task && <CliCommand command={pullCommand(trimmed, trimmedPlatform || undefined)} />}
        {error && <ErrorMessage error={error} onDismiss={() => setError(undefined)} />}
        {taskId && !task && <p className="muted">{t('pull.starting')}</p>}
        {task && <TaskView task={task} onCancel={cancel} onLogin={onLogin} />}
        {task?.phase === 'running' && <p className="muted small-print">{t('pull.background')}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {task?.phase === 'running' ? t('pull.hide') : t('close')}
          </button>
          {task && task.phase !== 'running' && (
            <button type="button" onClick={again}>
              {t('pull.another')}
            </button>
          )}
          {!taskId && (
            <button type="submit" className="primary" disabled={busy}>
              {t('pull.start')}
            </button>
          )}
        </div>
      </form>
    </Modal>
  );
}
