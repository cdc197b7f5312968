import { useTranslation } from 'react-i18next';
import { imagePruneCommand } from '../../../shared/cli/images';
import type { ImagePrunePreview } from '../../../shared/types/images';
import { useClient } from '../../api/ClientContext';
import { PrunePreviewDialog } from '../../components/PrunePreviewDialog';

const shortId = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);

/** `docker image prune [-a]`, previewed: the images it would remove now (dangling, or every unused one) and the space they free. */
export function ImagePruneDialog({ onCancel, onConfirm }: { onCancel(): void; onConfirm(preview: ImagePrunePreview): void }) {
  const { t } = useTranslation('images');
  const client = useClient();
  return (
    <PrunePreviewDialog<ImagePrunePreview>
      title={t('prunePreview.title')}
      explain={t('prunePreview.explain')}
      allLabel={t('prunePreview.all')}
      listLabel={t('prunePreview.listLabel')}
      load={(all) => client.invoke('images.prunePreview', { all })}
      items={(preview) =>
        preview.images.map((image) => ({
          key: image.id,
          name: image.repoTags[0] ?? shortId(image.id),
          detail: image.repoTags.length > 0 ? shortId(image.id) : t('prunePreview.dangling'),
          sizeBytes: image.uniqueSizeBytes,
        }))
      }
      spaceReclaimable={(preview) => preview.spaceReclaimable}
      cli={(all) => imagePruneCommand({ all })}
      onCancel={onCancel}
      onConfirm={onConfirm}
    />
  );
}
