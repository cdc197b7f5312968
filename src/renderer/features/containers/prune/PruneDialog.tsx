import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { containerPruneCommand } from '../../../../shared/cli/containers';
import type { ResolvedPruneFilters } from '../../../../shared/contract/containers';
import type { ContainerPrunePreview, ContainerPruneResult } from '../../../../shared/types/containers';
import { useClient } from '../../../api/ClientContext';
import { FormField } from '../../../components/FormField';
import { PrunePreviewDialog } from '../../../components/PrunePreviewDialog';
import { formatBytes } from '../../../format/bytes';
import { useEngineGate, useRefreshOnEvents } from '../../engine';
import { statusText } from '../status-text';
import '../../../styles/list-tools.css';
import { pruneFiltersFromForm, type PruneFilterInput, type PruneFormField, type PruneFormText } from './prune-form';

/** A preview with the filters as the engine resolved them (`until` as a time): the prune uses these. */
export type ShownPreview = ContainerPrunePreview & { filters: ResolvedPruneFilters };

export interface PruneOutcome {
  preview: ShownPreview;
  result: ContainerPruneResult;
  cli: string;
}

const FIELDS: PruneFormField[] = ['labels', 'labelsNot', 'until'];
/** Typing settles for this long before a preview is asked for. */
const TYPING_DELAY_MS = 250;
const CONTAINER_EVENTS = { types: ['container' as const] };

/**
 * `docker container prune` with its filters: a live preview of exactly the stopped containers it
 * would remove and the space they free, asked again on every container event while open (one that
 * stops, starts or goes is in or out of it at once); the prune uses the preview's own filters (a
 * relative `until` as the time it stood for), and is checked against a fresh preview first.
 */
export function PruneDialog({ onClose, onPruned }: { onClose(): void; onPruned(outcome: PruneOutcome): void }) {
  const { t, i18n } = useTranslation('list-tools');
  const { t: tc } = useTranslation('containers');
  const client = useClient();
  const { reachable, gate } = useEngineGate();
  const [form, setForm] = useState<PruneFormText>({ labels: '', labelsNot: '', until: '' });
  const parsed = useMemo(() => pruneFiltersFromForm(form), [form]);
  const [events, setEvents] = useState(0);
  useRefreshOnEvents(
    reachable,
    useCallback(() => setEvents((n) => n + 1), []),
    { filter: CONTAINER_EVENTS },
  );
  const filters = parsed.ok ? parsed.filters : undefined;
  const cli = containerPruneCommand(filters ?? { label: [] });

  return (
    <PrunePreviewDialog<ShownPreview, PruneFilterInput | undefined>
      title={t('prune.title')}
      explain={t('prune.explain')}
      className="prune-dialog"
      fields={
        <div className="prune-fields">
          {FIELDS.map((field) => (
            <FormField
              key={field}
              label={t(`prune.fields.${field}`)}
              hint={t(`prune.hints.${field}`)}
              problem={!parsed.ok && parsed.field === field ? t(`prune.invalid.${field}`, { value: parsed.value }) : undefined}
            >
              {(control) => (
                <input
                  type="text"
                  className="mono"
                  value={form[field]}
                  autoFocus={field === 'labels'}
                  spellCheck={false}
                  placeholder={t(`prune.placeholders.${field}`)}
                  onChange={(event) => setForm((current) => ({ ...current, [field]: event.target.value }))}
                  {...control}
                />
              )}
            </FormField>
          ))}
        </div>
      }
      filters={filters}
      invalid={!parsed.ok}
      load={(_all, typed) => client.invoke('containers.prunePreview', { filters: typed ?? { label: [] } })}
      refreshKey={events}
      paused={!reachable}
      delayMs={TYPING_DELAY_MS}
      keepWhileChecking
      items={(preview) => preview.containers.map((container) => ({ key: container.id, name: container.name }))}
      spaceReclaimable={(preview) => preview.spaceReclaimable}
      listLabel={t('prune.previewCaption')}
      renderList={(preview) => (
        <div className="prune-preview-wrap">
          <table className="prune-preview" data-testid="prune-preview">
            <caption className="visually-hidden">{t('prune.previewCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('prune.columns.name')}</th>
                <th scope="col">{t('prune.columns.image')}</th>
                <th scope="col">{t('prune.columns.status')}</th>
                <th scope="col" className="numeric">
                  {t('prune.columns.size')}
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.containers.map((container) => (
                <tr key={container.id} data-container-name={container.name}>
                  <th scope="row">{container.name}</th>
                  <td>{container.image}</td>
                  <td>{statusText(container.status, tc, i18n.language)}</td>
                  <td className="numeric">{formatBytes(container.sizeRw)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      words={{
        checking: t('prune.previewing'),
        nothing: t('prune.nothing'),
        summary: (count, size) => t('prune.summary', { count, size }),
        confirm: (count) => t('prune.confirm', { count }),
        busy: t('prune.pruning'),
        changed: t('prune.changed'),
      }}
      cli={() => cli}
      // What the engine would take now, with the very filters shown: a container that stopped or
      // started since the preview makes it stale, and the user sees the new one before anything goes.
      recheck={(shown) => client.invoke('containers.prunePreview', { filters: shown.filters })}
      confirmProps={gate}
      onCancel={onClose}
      onConfirm={async (shown) => {
        const result = await client.invoke('containers.prune', { filters: shown.filters });
        onPruned({ preview: shown, result, cli });
      }}
    />
  );
}
