import { useTranslation } from 'react-i18next';
import type { VolumeSummary } from '../../../shared/types/volumes';
import { useCommand } from '../../api/useCommand';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { JsonInspector } from '../../components/json-tree/JsonInspector';
import { Modal } from '../../components/Modal';
import { volumeInspectCommand } from '../../../shared/cli/volumes';
import { volumeLabel } from './VolumeTable';

/** `docker volume inspect` in the shared JSON tree (search, copy values and paths). */
export function InspectVolumeDialog({ volume, onClose }: { volume: VolumeSummary; onClose(): void }) {
  const { t } = useTranslation('volumes');
  const { data: document, error } = useCommand('volumes.inspect', { name: volume.name });
  const label = volumeLabel(volume);
  return (
    <Modal kind="volumes" title={t('inspect.title', { name: label })} onClose={onClose} wide>
      <CliCommand command={volumeInspectCommand(volume.name)} />
      {error && <ErrorMessage error={error} />}
      {!document && !error && <p className="muted">{t('loading')}</p>}
      {document && (
        <div className="inspect-body">
          <JsonInspector value={document} label={t('inspect.treeLabel', { name: label })} />
        </div>
      )}
    </Modal>
  );
}
