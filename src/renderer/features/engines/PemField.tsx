import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A PEM text (a CA, certificate or key): pasted, or read from a file the user picks. */
export function PemField({ label, value, onChange }: { label: string; value: string; onChange(value: string): void }) {
  const { t } = useTranslation('engines');
  const id = useId();
  const [readError, setReadError] = useState<string>();
  return (
    <div className="pem-field">
      <label htmlFor={`${id}-text`}>{label}</label>
      <textarea
        id={`${id}-text`}
        className="mono"
        rows={2}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={t('add.pemPlaceholder')}
        spellCheck={false}
      />
      <label className="pem-file">
        <span>{t('add.pemFile')}</span>
        <input
          type="file"
          aria-label={t('add.pemFileNamed', { what: label })}
          accept=".pem,.crt,.key,.cert,text/plain"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (!file) return;
            setReadError(undefined);
            file.text().then(onChange, (err: Error) => setReadError(err.message));
          }}
        />
      </label>
      {readError && (
        <span className="field-problem" role="alert">
          {readError}
        </span>
      )}
    </div>
  );
}
