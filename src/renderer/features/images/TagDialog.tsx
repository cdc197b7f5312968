import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageSummary } from '../../../shared/types/images';
import type { TagResult } from '../../../shared/types/registries';
import { useClient } from '../../api/ClientContext';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Modal } from '../../components/Modal';
import { ImageNameFields, useImageName } from './ImageNameFields';
import { imageLabel, removalRef } from './ImageTable';
import { tagCommand } from '../../../shared/cli/registries';

/** `docker tag`: one more name for an image (the repository is required; the tag defaults to latest). */
export function TagDialog({ image, onClose, onTagged }: { image: ImageSummary; onClose(): void; onTagged(result: TagResult): void }) {
  const { t } = useTranslation('images');
  const client = useClient();
  const name = useImageName();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const source = removalRef(image);
  const missing = !name.trimmed.repository;

  const tag = async (): Promise<void> => {
    if (missing || name.invalid) return;
    setBusy(true);
    setError(undefined);
    try {
      const result = await client.invoke('images.tag', { source, repository: name.trimmed.repository, ...(name.trimmed.tag ? { tag: name.trimmed.tag } : {}) });
      onTagged(result);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal kind="images" title={t('tag.title', { name: imageLabel(image) })} onClose={onClose} locked={busy} wide>
      <form
        className="images-form"
        onSubmit={(event) => {
          event.preventDefault();
          void tag();
        }}
      >
        <p className="muted small-print">{t('tag.explain')}</p>
        <ImageNameFields name={name} />
        <CliCommand command={tagCommand(source, name.trimmed.repository, name.trimmed.tag || undefined)} />
        {error && <ErrorMessage error={error} onDismiss={() => setError(undefined)} />}
        <div className="dialog-actions">
          <button type="button" onClick={onClose} disabled={busy}>
            {t('cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || missing || name.invalid}>
            {t('tag.start')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
