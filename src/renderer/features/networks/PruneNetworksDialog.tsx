import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { networkPruneCommand } from '../../../shared/cli/networks';
import { untilToEpochSeconds } from '../../../shared/containers/prune-until';
import type { NetworkPruneFilters, NetworkPrunePreview } from '../../../shared/types/networks';
import { useClient } from '../../api/ClientContext';
import { CliCommand } from '../../components/CliCommand';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage } from '../../components/ErrorMessage';

const LABEL_FILTER = /^[^=\s]+(=[^\s]*)?$/;

/** The label filters typed, space-separated; undefined when one is not `key` or `key=value`. */
function labelFilters(text: string): string[] | undefined {
  const words = text.split(/\s+/).filter(Boolean);
  return words.every((word) => LABEL_FILTER.test(word)) ? words : undefined;
}

export interface TypedPruneFilters {
  label: string[];
  until?: string;
}

/**
 * `docker network prune`: the networks it would remove now (no container on them; the predefined
 * ones never), asked again as the filters change; the prune is sent the preview's own filters.
 */
export function PruneNetworksDialog({ onCancel, onConfirm }: { onCancel(): void; onConfirm(filters: NetworkPruneFilters, typed: TypedPruneFilters): void }) {
  const { t } = useTranslation('networks');
  const client = useClient();
  const [labelText, setLabelText] = useState('');
  const [untilText, setUntilText] = useState('');
  const [preview, setPreview] = useState<NetworkPrunePreview>();
  const [error, setError] = useState<Error>();
  const label = labelFilters(labelText);
  const until = untilText.trim();
  const untilValid = until === '' || untilToEpochSeconds(until, 0) !== undefined;
  const typed: TypedPruneFilters = { label: label ?? [], ...(until ? { until } : {}) };
  const typedKey = JSON.stringify(typed);
  const valid = label !== undefined && untilValid;

  useEffect(() => {
    if (!valid) return;
    let live = true;
    setPreview(undefined);
    client.invoke('networks.prunePreview', { filters: JSON.parse(typedKey) as TypedPruneFilters }).then(
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
  }, [client, typedKey, valid]);

  const count = preview?.networks.length ?? 0;
  return (
    <ConfirmDialog
      title={t('prune.title')}
      confirmLabel={preview ? t('prune.confirm', { count }) : t('prune.checking')}
      danger
      confirmDisabled={!preview || count === 0 || !valid}
      onCancel={onCancel}
      onConfirm={() => preview && onConfirm(preview.filters, typed)}
    >
      <p>{t('prune.explain')}</p>
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
      <label>
        {t('prune.until')}
        <input
          className="mono"
          value={untilText}
          onChange={(event) => setUntilText(event.target.value)}
          placeholder={t('prune.untilPlaceholder')}
          aria-invalid={!untilValid}
          spellCheck={false}
        />
        {!untilValid && (
          <span className="field-problem" role="alert">
            {t('prune.untilProblem')}
          </span>
        )}
      </label>
      {error && <ErrorMessage error={error} />}
      {valid && !preview && !error && <p className="muted">{t('prune.checking')}</p>}
      {preview && count === 0 && <p className="muted">{t('prune.nothing')}</p>}
      {preview && count > 0 && (
        <div className="networks-prune-preview">
          <p role="status">{t('prune.summary', { count })}</p>
          <ul aria-label={t('prune.listLabel')}>
            {preview.networks.map((network) => (
              <li key={network.id}>
                <span className="mono">{network.name}</span>
                <span className="muted">
                  {network.stoppedMembers.length ? t('prune.stoppedMembers', { names: network.stoppedMembers.join(', ') }) : network.driver}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <CliCommand command={networkPruneCommand(typed)} />
    </ConfirmDialog>
  );
}
