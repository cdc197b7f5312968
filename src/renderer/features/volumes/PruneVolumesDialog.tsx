import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { volumePruneCommand } from '../../../shared/cli/volumes';
import type { VolumePruneFilters, VolumePrunePreview } from '../../../shared/types/volumes';
import { useClient } from '../../api/ClientContext';
import { LabelFilterField } from '../../components/FilterField';
import { labelFilters } from '../../components/label-filters';
import { PrunePreviewDialog } from '../../components/PrunePreviewDialog';

/** `docker volume prune`: what it would remove now and the space it frees, asked again as the options change; it removes that set's kind. */
export function PruneVolumesDialog({ onCancel, onConfirm }: { onCancel(): void; onConfirm(filters: VolumePruneFilters): void }) {
  const { t } = useTranslation('volumes');
  const client = useClient();
  const [labelText, setLabelText] = useState('');
  const label = labelFilters(labelText);
  return (
    <PrunePreviewDialog<VolumePrunePreview, string[] | undefined>
      title={t('prune.title')}
      explain={t('prune.explain')}
      allLabel={t('prune.all')}
      fields={<LabelFilterField value={labelText} onChange={setLabelText} />}
      filters={label}
      invalid={label === undefined}
      load={(all, labels) => client.invoke('volumes.prunePreview', { filters: { label: labels ?? [], all } })}
      items={(preview) => preview.volumes.map((volume) => ({ key: volume.name, name: volume.name, sizeBytes: volume.sizeBytes }))}
      spaceReclaimable={(preview) => preview.spaceReclaimable}
      listLabel={t('prune.listLabel')}
      words={{
        checking: t('prune.checking'),
        nothing: t('prune.nothing'),
        summary: (count, size) => t('prune.summary', { count, size }),
        confirm: (count, size) => t('prune.confirm', { count, size }),
        sizeUnknown: t('sizeUnknown'),
      }}
      cli={(all, labels) => volumePruneCommand({ label: labels ?? [], all })}
      onCancel={onCancel}
      onConfirm={(preview) => onConfirm(preview.filters)}
    />
  );
}
