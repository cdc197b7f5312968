import { useTranslation } from 'react-i18next';
import type { VolumeSummary } from '../../../shared/types/volumes';
import { Modal } from '../../components/Modal';
import { FileBrowser } from '../files';
import { volumeLabel } from './VolumeTable';

/**
 * A volume's files with the same browser as a container's Files tab (view, upload, drop, download),
 * also when no container uses it: main reads and copies through a helper container that is never
 * started and is removed after each read or copy.
 */
export function VolumeFilesDialog({ volume, onClose }: { volume: VolumeSummary; onClose(): void }) {
  const { t } = useTranslation('volumes');
  return (
    <Modal kind="volume-files" title={t('browse.title', { name: volumeLabel(volume) })} onClose={onClose} wide>
      <p className="muted small-print">{t('browse.explain')}</p>
      <FileBrowser target={{ kind: 'volume', name: volume.name }} />
    </Modal>
  );
}
