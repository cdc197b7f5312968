import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { containerPruneCommand } from '../../../../shared/cli/containers';
import type { ContainerPruneResult } from '../../../../shared/types/containers';
import { useClient } from '../../../api/ClientContext';
import { CliCommand } from '../../../components/CliCommand';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Modal } from '../../../components/Modal';
import { formatBytes } from '../../../format/bytes';
import { useEngineGate } from '../../engine';
import { statusText } from '../status-text';
import '../../../styles/list-tools.css';
import { pruneFiltersFromForm, type PruneFormField, type PruneFormText } from './prune-form';
import { usePrunePreview, type ShownPreview } from './usePrunePreview';

export interface PruneOutcome {
  preview: ShownPreview;
  result: ContainerPruneResult;
  cli: string;
}

const FIELDS: PruneFormField[] = ['labels', 'labelsNot', 'until'];

/**
 * `docker container prune` with its filters: a live preview of exactly the stopped containers it
 * would remove and the space they free; the prune uses the preview's own filters (a relative
 * `until` as the time it stood for), and is checked against a fresh preview first.
 */
export function PruneDialog({ onClose, onPruned }: { onClose(): void; onPruned(outcome: PruneOutcome): void }) {
  const { t, i18n } = useTranslation('list-tools');
  const client = useClient();
  const { reachable, gate } = useEngineGate();
  const [form, setForm] = useState<PruneFormText>({ labels: '', labelsNot: '', until: '' });
  const parsed = useMemo(() => pruneFiltersFromForm(form), [form]);
  const { preview, pending, error, refresh } = usePrunePreview(parsed.ok ? parsed.filters : undefined, reachable);
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(false);
  const [failure, setFailure] = useState<Error>();
  // While a new preview is on its way the last one stays (dimmed), but only a current one can be confirmed.
  const displayed = parsed.ok ? preview : undefined;
  const shown = displayed && !pending ? displayed : undefined;
  const count = displayed?.containers.length ?? 0;
  const cli = containerPruneCommand(parsed.ok ? parsed.filters : { label: [] });

  const confirm = async (): Promise<void> => {
    if (!shown || count === 0) return;
    setBusy(true);
    setFailure(undefined);
    try {
      // What the engine would take now, with the very filters shown: a container that stopped or
      // started since the preview makes it stale, and the user sees the new one before anything goes.
      const again = await client.invoke('containers.prunePreview', { filters: shown.filters });
      const ids = (list: { id: string }[]) =>
        list
          .map((c) => c.id)
          .sort()
          .join(',');
      if (ids(again.containers) !== ids(shown.containers)) {
        setChanged(true);
        refresh();
        return;
      }
      const result = await client.invoke('containers.prune', { filters: shown.filters });
      onPruned({ preview: shown, result, cli });
    } catch (err) {
      setFailure(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };

  const update = (field: PruneFormField, value: string): void => {
    setChanged(false);
    setForm((current) => ({ ...current, [field]: value }));
  };

  return (
    <Modal kind="prune" title={t('prune.title')} onClose={onClose} wide>
      <form
        className="prune-form"
        onSubmit={(event) => {
          event.preventDefault();
          void confirm();
        }}
      >
        <p className="muted small-print">{t('prune.explain')}</p>
        <div className="prune-fields">
          {FIELDS.map((field) => {
            const invalid = !parsed.ok && parsed.field === field;
            return (
              <label key={field}>
                {t(`prune.fields.${field}`)}
                <input
                  type="text"
                  className="mono"
                  value={form[field]}
                  autoFocus={field === 'labels'}
                  spellCheck={false}
                  placeholder={t(`prune.placeholders.${field}`)}
                  aria-invalid={invalid || undefined}
                  aria-describedby={invalid ? 'prune-form-error' : `prune-hint-${field}`}
                  onChange={(event) => update(field, event.target.value)}
                />
                <span id={`prune-hint-${field}`} className="muted small-print">
                  {t(`prune.hints.${field}`)}
                </span>
              </label>
            );
          })}
        </div>
        {!parsed.ok && (
          <p id="prune-form-error" className="prune-field-error" role="alert">
            {t(`prune.invalid.${parsed.field}`, { value: parsed.value })}
          </p>
        )}
        <CliCommand command={cli} />
        {error && <ErrorMessage error={error} />}
        {changed && (
          <p className="prune-changed" role="alert">
            {t('prune.changed')}
          </p>
        )}
        {parsed.ok && <PrunePreviewTable preview={displayed} updating={pending} language={i18n.language} />}
        {failure && <ErrorMessage error={failure} />}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('prune.cancel')}
          </button>
          <button type="submit" className="danger" disabled={busy || !shown || count === 0} {...gate}>
            {busy ? t('prune.pruning') : t('prune.confirm', { count })}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function PrunePreviewTable({ preview, updating, language }: { preview: ShownPreview | undefined; updating: boolean; language: string }) {
  const { t } = useTranslation('list-tools');
  const { t: tc } = useTranslation('containers');
  if (!preview)
    return (
      <p className="muted" role="status">
        {t('prune.previewing')}
      </p>
    );
  if (preview.containers.length === 0)
    return (
      <p className={`muted${updating ? ' prune-updating' : ''}`} role="status" data-testid="prune-summary">
        {t('prune.nothing')}
      </p>
    );
  return (
    <div className={`prune-preview-block${updating ? ' prune-updating' : ''}`} aria-busy={updating}>
      <p role="status" data-testid="prune-summary">
        {t('prune.summary', { count: preview.containers.length, size: formatBytes(preview.spaceReclaimable) })}
      </p>
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
                <td>{statusText(container.status, tc, language)}</td>
                <td className="numeric">{formatBytes(container.sizeRw)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
