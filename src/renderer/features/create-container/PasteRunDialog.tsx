import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParsedRunLine } from '../../../shared/contract';
import { useClient } from '../../api/ClientContext';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Modal } from '../../components/Modal';

/** "Paste docker run…": a `docker run` / `docker create` line (several lines with `\` too), read by main as the CLI reads it. */
export function PasteRunDialog({ onClose, onParsed }: { onClose(): void; onParsed(parsed: ParsedRunLine): void }) {
  const { t } = useTranslation('create');
  const client = useClient();
  const [line, setLine] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();

  const read = async (): Promise<void> => {
    if (!line.trim() || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      onParsed(await client.invoke('containers.parseRun', { commandLine: line }));
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
      setBusy(false);
    }
  };

  return (
    <Modal kind="paste-run" title={t('paste.title')} onClose={onClose} locked={busy} wide>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void read();
        }}
      >
        <label htmlFor="paste-run-line">
          {t('paste.label')}
          <textarea
            id="paste-run-line"
            className="mono"
            rows={7}
            value={line}
            autoFocus
            spellCheck={false}
            placeholder={t('paste.placeholder')}
            aria-describedby="paste-run-hint"
            onChange={(event) => setLine(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void read();
              }
            }}
          />
        </label>
        <p id="paste-run-hint" className="muted small-print">
          {t('paste.hint')}
        </p>
        {error && <ErrorMessage error={error} onDismiss={() => setError(undefined)} />}
        <div className="dialog-actions">
          <button type="button" onClick={onClose} disabled={busy}>
            {t('actions.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !line.trim()}>
            {t('paste.fill')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** After a paste: what the line asked for that the form could not take, flag by flag, with its value. */
export function PasteNotice({ parsed, onDismiss }: { parsed: ParsedRunLine; onDismiss(): void }) {
  const { t } = useTranslation('create');
  const skipped = parsed.unsupported;
  return (
    <div className={`cf-notice${skipped.length > 0 || parsed.shellRest ? ' cf-notice-warn' : ''}`} role="status" aria-label={t('paste.noticeLabel')}>
      <div className="cf-notice-head">
        <strong>{skipped.length > 0 ? t('paste.unsupported', { count: skipped.length }) : t('paste.allTaken')}</strong>
        <button type="button" className="ghost small" onClick={onDismiss}>
          {t('paste.dismiss')}
        </button>
      </div>
      {skipped.length > 0 && (
        <ul className="cf-unsupported">
          {skipped.map((flag, index) => (
            <li key={`${flag.flag}-${index}`}>
              <code>{flag.value !== undefined ? `${flag.flag} ${flag.value}` : flag.flag}</code>
              {flag.reason && <span className="muted"> {t('paste.reason', { reason: flag.reason })}</span>}
            </li>
          ))}
        </ul>
      )}
      {parsed.shellRest && (
        <p className="cf-hint">
          {t('paste.shellRest')} <code>{parsed.shellRest}</code>
        </p>
      )}
    </div>
  );
}
