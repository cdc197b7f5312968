import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** The input of a console without a TTY: the process gets whole lines. */
export function LineInput({ onSend, disabled }: { onSend(line: string): void; disabled: boolean }) {
  const { t } = useTranslation('terminal');
  const [line, setLine] = useState('');
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onSend(line);
    setLine('');
  };
  return (
    <form className="term-line" onSubmit={submit}>
      <input
        className="mono"
        value={line}
        disabled={disabled}
        aria-label={t('attach.lineLabel')}
        placeholder={t('attach.linePlaceholder')}
        onChange={(event) => setLine(event.target.value)}
      />
      <button type="submit" className="small" disabled={disabled}>
        {t('attach.send')}
      </button>
    </form>
  );
}
