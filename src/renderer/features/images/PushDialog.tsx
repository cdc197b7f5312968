import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageSummary } from '../../../shared/types/images';
import { useClient } from '../../api/ClientContext';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Modal } from '../../components/Modal';
import { useRegistryDialogs, useRegistryTasks, TaskView } from '../registries';
import { imageLabel } from './ImageTable';
import { pushCommand } from '../../../shared/cli/registries';

interface PushDialogProps {
  image: ImageSummary;
  onClose(): void;
  /** The image has no name to push under: offer Tag instead. */
  onTag(): void;
}

/** `docker push` of one of the image's names, with the same per-layer progress as a pull. */
export function PushDialog({ image, onClose, onTag }: PushDialogProps) {
  const { t } = useTranslation('images');
  const client = useClient();
  const { tasks, cancel } = useRegistryTasks();
  const { openLogin } = useRegistryDialogs();
  const [reference, setReference] = useState(image.repoTags[0] ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [taskId, setTaskId] = useState<string>();
  const task = tasks.find((candidate) => candidate.taskId === taskId);

  const push = async (): Promise<void> => {
    if (!reference) return;
    setBusy(true);
    setError(undefined);
    try {
      setTaskId((await client.invoke('images.push', { reference })).taskId);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal kind="images" title={t('push.title', { name: imageLabel(image) })} onClose={onClose} wide>
      <form
        className="images-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!taskId) void push();
        }}
      >
        {image.repoTags.length === 0 ? (
          <p className="images-warning">{t('push.noName')}</p>
        ) : (
          <label>
            {t('push.reference')}
            <select value={reference} onChange={(event) => setReference(event.target.value)} disabled={Boolean(taskId)}>
              {image.repoTags.map((repoTag) => (
                <option key={repoTag} value={repoTag}>
                  {repoTag}
                </option>
              ))}
            </select>
            <span className="muted small-print">{t('push.hint')}</span>
          </label>
        )}
        {!task && reference && <CliCommand command={pushCommand(reference)} />}
        {error && <ErrorMessage error={error} onDismiss={() => setError(undefined)} />}
        {task && <TaskView task={task} onCancel={cancel} onLogin={openLogin} />}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {task?.phase === 'running' ? t('push.hide') : t('close')}
          </button>
          {image.repoTags.length === 0 && (
            <button type="button" className="primary" onClick={onTag}>
              {t('actions.tag')}
            </button>
          )}
          {!taskId && image.repoTags.length > 0 && (
            <button type="submit" className="primary" disabled={busy}>
              {t('push.start')}
            </button>
          )}
        </div>
      </form>
    </Modal>
  );
}
