import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolumeCreateResult } from '../../../shared/types/volumes';
import { useClient } from '../../api/ClientContext';
import { FormField } from '../../components/FormField';
import { parseKeyValueLines } from '../../components/key-value-lines';
import { FormDialog } from '../../components/FormDialog';
import { volumeCreateCommand } from '../../../shared/cli/volumes';

/** The engine's rule for a `local` volume's name (the contract checks it again). */
const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** `docker volume create`: name (optional), driver, driver options and labels, with the CLI line as it is typed. */
export function CreateVolumeDialog({ onClose, onCreated }: { onClose(): void; onCreated(result: VolumeCreateResult, cli: string): void }) {
  const { t } = useTranslation('volumes');
  const client = useClient();
  const [name, setName] = useState('');
  const [driver, setDriver] = useState('local');
  const [optionsText, setOptionsText] = useState('');
  const [labelsText, setLabelsText] = useState('');
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

  return (
    <FormDialog
      kind="volumes"
      title={t('create.title')}
      formClassName="volumes-form"
      cli={cli}
      cancelLabel={t('cancel')}
      submitLabel={t('create.submit')}
      valid={valid}
      onClose={onClose}
      onSubmit={async () => {
        onCreated(await client.invoke('volumes.create', spec), cli);
      }}
    >
      <FormField label={t('create.name')} problem={nameProblem ? t('create.nameProblem') : undefined}>
        {(control) => (
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder={t('create.namePlaceholder')}
            spellCheck={false}
            ref={nameRef}
            {...control}
          />
        )}
      </FormField>
      <FormField label={t('create.driver')}>
        {(control) => <input value={driver} onChange={(event) => setDriver(event.target.value)} spellCheck={false} {...control} />}
      </FormField>
      <FormField label={t('create.options')} hint={t('create.optionsHint')} problem={options.ok ? undefined : t('create.lineProblem', { line: options.line })}>
        {(control) => (
          <textarea
            className="mono"
            rows={3}
            value={optionsText}
            onChange={(event) => setOptionsText(event.target.value)}
            placeholder={t('create.optionsPlaceholder')}
            spellCheck={false}
            {...control}
          />
        )}
      </FormField>
      <FormField label={t('create.labels')} problem={labels.ok ? undefined : t('create.lineProblem', { line: labels.line })}>
        {(control) => (
          <textarea
            className="mono"
            rows={3}
            value={labelsText}
            onChange={(event) => setLabelsText(event.target.value)}
            placeholder={t('create.labelsPlaceholder')}
            spellCheck={false}
            {...control}
          />
        )}
      </FormField>
    </FormDialog>
  );
}
