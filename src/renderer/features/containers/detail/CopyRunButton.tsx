import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../../api/ClientContext';
import { Modal } from '../../../components/Modal';

type CopyState = { phase: 'idle' | 'busy' | 'copied' } | { phase: 'show'; line: string } | { phase: 'failed'; message: string };

/**
 * "Copy docker run": the line that would make this container again (`containers.runCommand`), put
 * on the clipboard; where the page may not write it (plain http in a browser), shown in a dialog
 * with the line selected to copy by hand.
 */
export function CopyRunButton({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation('detail');
  const client = useClient();
  const [state, setState] = useState<CopyState>({ phase: 'idle' });
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const copy = async (): Promise<void> => {
    setState({ phase: 'busy' });
    let line: string;
    try {
      line = (await client.invoke('containers.runCommand', { id })).commandLine;
    } catch (err) {
      setState({ phase: 'failed', message: err instanceof Error ? err.message : String(err) });
      return;
    }
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(line);
      setState({ phase: 'copied' });
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => setState({ phase: 'idle' }), 1500);
    } catch {
      setState({ phase: 'show', line });
    }
  };

  return (
    <>
      <button type="button" className="small" title={t('copyRun.title')} disabled={state.phase === 'busy'} onClick={() => void copy()}>
        {t('copyRun.button')}
      </button>
      <span role="status" className="copy-run-status muted">
        {state.phase === 'copied' ? t('copyRun.copied') : state.phase === 'failed' ? t('copyRun.failed', { message: state.message }) : ''}
      </span>
      {state.phase === 'show' && (
        <Modal kind="copy-run" title={t('copyRun.dialogTitle', { name })} onClose={() => setState({ phase: 'idle' })} wide>
          <p className="muted small-print">{t('copyRun.dialogHint')}</p>
          <textarea
            ref={(area) => {
              // Selected at once, so Ctrl+C copies it.
              area?.focus();
              area?.select();
            }}
            className="mono copy-run-line"
            aria-label={t('copyRun.dialogTitle', { name })}
            readOnly
            rows={6}
            value={state.line}
          />
        </Modal>
      )}
    </>
  );
}
