import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolumePruneFilters, VolumePrunePreview } from '../../../shared/types/volumes';
import { useClient } from '../../api/ClientContext';
import { CliCommand } from '../../components/CliCommand';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatBytes } from '../../format/bytes';
import { volumePruneCommand } from '../../../shared/cli/volumes';
import '../../styles/volumes.css';

const LABEL_FILTER = /^[^=\s]+(=[^\s]*)?$/;

/** The label filters typed, space-separated; undefined when one is not `key` or `key=value`. */
function labelFilters(text: string): string[] | undefined {
  const words = text.split(/\s+/).filter(Boolean);
  return words.every((word) => LABEL_FILTER.test(word)) ? words : undefined;
}

/** `docker volume prune`: what it would remove now and the space it frees, asked again as the options change; it removes that set's kind. */
export function PruneVolumesDialog({ onCancel, onConfirm }: { onCancel(): void; onConfirm(filters: VolumePruneFilters): void }) {
  const { t } = useTranslation('volumes');
  const client = useClient();
  const [all, setAll] = useState(false);
  const [labelText, setLabelText] = useState('');
  const [preview, setPreview] = useState<VolumePrunePreview>();
  const [error, setError] = useState<Error>();
  const label = labelFilters(labelText);
  const labelsValid = label !== undefined;
  const filtersKey = JSON.stringify({ label: label ?? [], all });

  useEffect(() => {
    if (!labelsValid) return;
    let live = true;
    setPreview(undefined);
    client.invoke('volumes.prunePreview', { filters: JSON.parse(filtersKey) as VolumePruneFilters }).then(
      (answer) => {
        if (!live) return;
        setPreview(answer);
        setError(undefined);
      },
      (err: Error) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [client, filtersKey, labelsValid]);

  const count = preview?.volumes.length ?? 0;
  return (
    <ConfirmDialog
      title={t('prune.title')}
      confirmLabel={preview ? t('prune.confirm', { count, size: formatBytes(preview.spaceReclaimable) }) : t('prune.checking')}
      danger
      confirmDisabled={!preview || count === 0 || !label}
      onCancel={onCancel}
      onConfirm={() => preview && onConfirm(preview.filters)}
    >
      <p>{t('prune.explain')}</p>
      <label className="check">
        <input type="checkbox" checked={all} onChange={(event) => setAll(event.target.checked)} />
        {t('prune.all')}
      </label>
      <label>
        {t('prune.labels')}
        <input
          className="mono"
          value={labelText}
          onChange={(event) => setLabelText(event.target.value)}
          placeholder={t('prune.labelsPlaceholder')}
          aria-invalid={!label}
          spellCheck={false}
        />
        {!label && (
          <span className="field-problem" role="alert">
            {t('prune.labelsProblem')}
          </span>
        )}
      </label>
      {error && <ErrorMessage error={error} />}
      {label && !preview && !error && <p className="muted">{t('prune.checking')}</p>}
      {preview && count === 0 && <p className="muted">{t('prune.nothing')}</p>}
      {preview && count > 0 && (
        <div className="prune-preview">
          <p role="status">{t('prune.summary', { count, size: formatBytes(preview.spaceReclaimable) })}</p>
          <ul aria-label={t('prune.listLabel')}>
            {preview.volumes.map((volume) => (
              <li key={volume.name}>
                <span className="mono">{volume.name}</span>
                <span className="muted">{volume.sizeBytes < 0 ? t('sizeUnknown') : formatBytes(volume.sizeBytes)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <CliCommand command={volumePruneCommand({ label: label ?? [], all })} />
    </ConfirmDialog>
  );
}
