import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectDocument } from '../../../shared/types/inspect';
import type { ImageSummary } from '../../../shared/types/images';
import { useClient } from '../../api/ClientContext';
import { CliCommand } from '../../components/CliCommand';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { JsonInspector } from '../../components/json-tree/JsonInspector';
import { joinShellWords } from '../../../shared/cli/shell-quote';
import { imageLabel, removalRef, shortId } from './ImageTable';
import { Modal } from '../../components/Modal';
import { imageRemoveCommand } from '../../../shared/cli/images';

export function RemoveImageDialog({ image, onCancel, onConfirm }: { image: ImageSummary; onCancel(): void; onConfirm(force: boolean): void }) {
  const { t } = useTranslation('images');
  const inUse = image.containers > 0;
  const [force, setForce] = useState(false);
  const label = imageLabel(image);
  return (
    <ConfirmDialog title={t('remove.title', { name: label })} confirmLabel={t('actions.remove')} danger onCancel={onCancel} onConfirm={() => onConfirm(force)}>
      <p>{image.repoTags.length > 1 ? t('remove.allNames', { names: image.repoTags.join(', ') }) : t('remove.explain')}</p>
      {inUse && <p className="images-warning">{t('remove.inUse', { count: image.containers })}</p>}
      <label className="check">
        <input type="checkbox" checked={force} onChange={(event) => setForce(event.target.checked)} />
        {t('remove.force')}
      </label>
      <CliCommand command={imageRemoveCommand([removalRef(image)], force)} />
    </ConfirmDialog>
  );
}

/** `docker image inspect` in the shared JSON tree (search, copy values and paths). */
export function InspectImageDialog({ image, onClose }: { image: ImageSummary; onClose(): void }) {
  const { t } = useTranslation('images');
  const client = useClient();
  const [document, setDocument] = useState<InspectDocument>();
  const [error, setError] = useState<Error>();
  const label = imageLabel(image);
  useEffect(() => {
    let live = true;
    client.invoke('images.inspect', { id: image.id }).then(
      (result) => live && setDocument(result),
      (err: Error) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [client, image.id]);
  return (
    <Modal kind="images" title={t('inspect.title', { name: label })} onClose={onClose} wide>
      <CliCommand command={joinShellWords(['docker', 'image', 'inspect', image.repoTags[0] ?? shortId(image.id)])} />
      {error && <ErrorMessage error={error} />}
      {!document && !error && <p className="muted">{t('loading')}</p>}
      {document && (
        <div className="inspect-body">
          <JsonInspector value={document} label={t('inspect.treeLabel', { name: label })} initiallyExpanded={[['Config']]} />
        </div>
      )}
    </Modal>
  );
}
