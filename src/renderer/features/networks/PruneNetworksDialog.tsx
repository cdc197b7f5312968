import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { networkPruneCommand } from '../../../shared/cli/networks';
import { untilToEpochSeconds } from '../../../shared/containers/prune-until';
import type { NetworkPruneFilters, NetworkPrunePreview } from '../../../shared/types/networks';
import { useClient } from '../../api/ClientContext';
import { FilterField, LabelFilterField } from '../../components/FilterField';
import { labelFilters } from '../../components/label-filters';
import { PrunePreviewDialog } from '../../components/PrunePreviewDialog';

export interface TypedPruneFilters {
  label: string[];
  until?: string;
}

/**
 * `docker network prune`: the networks it would remove now (no container on them; the predefined
 * ones never), asked again as the filters change; the prune is sent the preview's own filters.
 * A network that stopped containers name is said: they will not start once it is gone.
 */
export function PruneNetworksDialog({ onCancel, onConfirm }: { onCancel(): void; onConfirm(filters: NetworkPruneFilters, typed: TypedPruneFilters): void }) {
  const { t } = useTranslation('networks');
  const client = useClient();
  const [labelText, setLabelText] = useState('');
  const [untilText, setUntilText] = useState('');
  const label = labelFilters(labelText);
  const until = untilText.trim();
  const untilValid = until === '' || untilToEpochSeconds(until, 0) !== undefined;
  const typed: TypedPruneFilters = { label: label ?? [], ...(until ? { until } : {}) };
  return (
    <PrunePreviewDialog<NetworkPrunePreview, TypedPruneFilters>
      title={t('prune.title')}
      explain={t('prune.explain')}
      fields={
        <>
          <LabelFilterField value={labelText} onChange={setLabelText} />
          <FilterField
            label={t('prune.until')}
            placeholder={t('prune.untilPlaceholder')}
            problem={untilValid ? undefined : t('prune.untilProblem')}
            value={untilText}
            onChange={setUntilText}
          />
        </>
      }
      filters={typed}
      invalid={label === undefined || !untilValid}
      load={(_all, filters) => client.invoke('networks.prunePreview', { filters })}
      items={(preview) =>
        preview.networks.map((network) => ({
          key: network.id,
          name: network.name,
          ...(network.stoppedMembers.length ? { note: t('prune.stoppedMembers', { names: network.stoppedMembers.join(', ') }) } : { detail: network.driver }),
        }))
      }
      listLabel={t('prune.listLabel')}
      words={{
        checking: t('prune.checking'),
        nothing: t('prune.nothing'),
        summary: (count) => t('prune.summary', { count }),
        confirm: (count) => t('prune.confirm', { count }),
      }}
      cli={(_all, filters) => networkPruneCommand(filters ?? { label: [] })}
      onCancel={onCancel}
      onConfirm={(preview) => onConfirm(preview.filters, typed)}
    />
  );
}
