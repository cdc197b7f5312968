import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitResult } from '../../../shared/types/images';
import { useClient } from '../../api/ClientContext';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ChangesForm } from './ChangesForm';
import { EMPTY_DRAFT, draftLines, draftProblems, type ChangesDraft } from './changes-draft';
import { ImageCreatedNotice, ImageNameFields, useImageName } from './ImageNameFields';
import { Modal } from '../../components/Modal';
import { commitCommand } from '../../../shared/cli/containers';

interface CommitDialogProps {
  container: { id: string; name: string };
  onClose(): void;
  onCreateContainer(image: string): void;
}

/** `docker commit` as a form; after it, the new image and "Create container from it". */
export function CommitDialog({ container, onClose, onCreateContainer }: CommitDialogProps) {
  const { t } = useTranslation('images');
  const client = useClient();
  const name = useImageName();
  const [message, setMessage] = useState('');
  const [author, setAuthor] = useState('');
  const [pause, setPause] = useState(true);
  const [draft, setDraft] = useState<ChangesDraft>(EMPTY_DRAFT);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [result, setResult] = useState<CommitResult>();

  const lines = useMemo(() => draftLines(draft), [draft]);
  const invalid = name.invalid || Object.keys(draftProblems(draft)).length > 0;
  const options = { ...name.trimmed, message: message.trim(), author: author.trim(), changes: lines, pause };

  const commit = async (): Promise<void> => {
    if (invalid) return;
    setBusy(true);
    setError(undefined);
    try {
      setResult(
        await client.invoke('containers.commit', {
          id: container.id,
          ...name.reference,
          ...(options.message ? { message: options.message } : {}),
          ...(options.author ? { author: options.author } : {}),
          changes: lines,
          pause,
        }),
      );
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  const image = result ? (result.reference ?? result.imageId) : undefined;
  return (
    <Modal kind="images" title={t('commit.title', { name: container.name })} onClose={onClose} locked={busy} wide>
      <form
        className="images-form"
        onSubmit={(event) => {
          event.preventDefault();
          void commit();
        }}
      >
        <ImageNameFields name={name} />
        <div className="two-fields">
          <label>
            {t('fields.message')}
            <input value={message} onChange={(event) => setMessage(event.target.value)} />
          </label>
          <label>
            {t('fields.author')}
            <input value={author} onChange={(event) => setAuthor(event.target.value)} placeholder={t('fields.authorPlaceholder')} />
          </label>
        </div>
        <label className="check">
          <input type="checkbox" checked={pause} onChange={(event) => setPause(event.target.checked)} />
          {t('commit.pause')}
        </label>
        <details className="changes-details" open={lines.length > 0 || undefined}>
          <summary>{t('commit.changesSummary', { count: lines.length })}</summary>
          <p className="muted small-print">{t('commit.changesNote')}</p>
          <ChangesForm draft={draft} onChange={setDraft} showProblems />
        </details>
        <CliCommand command={commitCommand(container.name, options)} />
        {error && <ErrorMessage error={error} onDismiss={() => setError(undefined)} />}
        {image && result && (
          <ImageCreatedNotice
            text={t('commit.done', { image, id: result.imageId.replace(/^sha256:/, '').slice(0, 12) })}
            actionLabel={t('actions.createContainerFromIt')}
            image={image}
            onCreateContainer={onCreateContainer}
          />
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose} disabled={busy}>
            {result ? t('close') : t('cancel')}
          </button>
          {!result && (
            <button type="submit" className="primary" disabled={busy || invalid}>
              {busy ? t('commit.working') : t('commit.start')}
            </button>
          )}
        </div>
      </form>
    </Modal>
  );
}
