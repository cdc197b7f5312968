import { useTranslation } from 'react-i18next';
import { builderPruneCommand } from '../../../shared/cli/system';
import type { BuildCachePrunePreview } from '../../../shared/types/system';
import { useClient } from '../../api/ClientContext';
import { PrunePreviewDialog } from '../../components/PrunePreviewDialog';

/** `docker builder prune [--all]`, previewed: the build cache records it would remove now and their size. */
export function BuildCachePruneDialog({ onCancel, onConfirm }: { onCancel(): void; onConfirm(preview: BuildCachePrunePreview): void }) {
  const { t } = useTranslation('engine');
  const client = useClient();
  return (
    <PrunePreviewDialog<BuildCachePrunePreview>
      title={t('disk.buildCachePrune.title')}
      explain={t('disk.buildCachePrune.explain')}
      allLabel={t('disk.buildCachePrune.all')}
      listLabel={t('disk.buildCachePrune.listLabel')}
      load={(all) => client.invoke('system.pruneBuildCachePreview', { all })}
      items={(preview) =>
        preview.items.map((item) => ({ key: item.id, name: item.id.slice(0, 12), detail: item.description || item.type, sizeBytes: item.sizeBytes }))
      }
      spaceReclaimable={(preview) => preview.spaceReclaimable}
      cli={(all) => builderPruneCommand({ all })}
      onCancel={onCancel}
      onConfirm={onConfirm}
    />
  );
}
