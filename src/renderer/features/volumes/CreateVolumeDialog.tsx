import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolumeCreateResult } from '../../../shared/types/volumes';
import { useClient } from '../../api/ClientContext';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Modal } from '../../components/Modal';
import { volumeCreateCommand } from '../../../shared/cli/volumes';
import { parseKeyValueLines, VOLUME_NAME } from './key-value-lines';

/** `docker volume create`: name (optional), driver, driver options and labels, with the CLI line as it is typed. */
export function CreateVolumeDialog({ onClose, onCreated }: { onClose(): void; onCreated(result: VolumeCreateResult, cli: string): void }) {
  const { t } = useTranslation('volumes');
  const client = useClient();
  const ids = useId();
  const [name, setName] = useState('');
  const [driver, setDriver] = useState('local');
  const [optionsText, setOptionsText] = useState('');
  const [labelsText, setLabelsText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const nameRef = useRef<HTMLInputElement>(null);
  // After the Modal's showModal(), which focuses its first control (the close button).
  useEffect(() => nameRef.current?.focus(), []);

  const trimmedName = name.trim();
  const trimmedDriver = driver.trim() || 'local';
  const nameProblem = trimmedName !== '' && !VOLUME_NAME.test(trimmedName);
  const options = parseKeyValueLines(optionsText);
  const labels = parseKeyValueLines(labelsText);
  const valid = !nameProblem && options.ok && labels.ok;
  const spec = {
    ...(trimmedName ? { name: trimmedName } : {}),
    driver: trimmedDriver,
    driverOptions: options.ok ? options.values : {},
    labels: labels.ok ? labels.values : {},
  };
  const cli = volumeCreateCommand(spec);

  const create = async (): Promise<void> => {
    if (!valid) return;
    setBusy(true);
    setError(undefined);
    try {
      onCreated(await client.invoke('volumes.create', spec), cli);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal kind="volumes" title={t('create.title')} onClose={onClose} locked={busy}>
      <form
        className="volumes-form"
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <label>
          {t('create.name')}
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder={t('create.namePlaceholder')}
            aria-invalid={nameProblem}
            aria-describedby={nameProblem ? `${ids}-name` : undefined}
            spellCheck={false}
            ref={nameRef}
          />
          {nameProblem && (
            <span id={`${ids}-name`} className="field-problem" role="alert">
              {t('create.nameProblem')}
            </span>
          )}
        </label>
        <label>
          {t('create.driver')}
          <input value={driver} onChange={(event) => setDriver(event.target.value)} spellCheck={false} />
        </label>
        <label>
          {t('create.options')}
          <textarea
            className="mono"
            rows={3}
            value={optionsText}
            onChange={(event) => setOptionsText(event.target.value)}
            placeholder={t('create.optionsPlaceholder')}
            aria-invalid={!options.ok}
            aria-describedby={`${ids}-options-hint`}
            spellCheck={false}
          />
          <span id={`${ids}-options-hint`} className={options.ok ? 'muted small-print' : 'field-problem'} role={options.ok ? undefined : 'alert'}>
            {options.ok ? t('create.optionsHint') : t('create.lineProblem', { line: options.line })}
          </span>
        </label>
        <label>
          {t('create.labels')}
          <textarea
            className="mono"
            rows={3}
            value={labelsText}
            onChange={(event) => setLabelsText(event.target.value)}
            placeholder={t('create.labelsPlaceholder')}
            aria-invalid={!labels.ok}
            aria-describedby={labels.ok ? undefined : `${ids}-labels-problem`}
            spellCheck={false}
          />
          {!labels.ok && (
            <span id={`${ids}-labels-problem`} className="field-problem" role="alert">
              {t('create.lineProblem', { line: labels.line })}
            </span>
          )}
        </label>
        <CliCommand command={cli} />
        {error && <ErrorMessage error={error} onDismiss={() => setError(undefined)} />}
        <div className="dialog-actions">
          <button type="button" onClick={onClose} disabled={busy}>
            {t('cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !valid}>
            {t('create.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
