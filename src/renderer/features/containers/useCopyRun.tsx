import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ClientContext';
import { Modal } from '../../components/Modal';
import { useEngineGate } from '../engine';

type CopyState = { phase: 'idle' | 'busy' | 'copied' } | { phase: 'show'; line: string; name: string } | { phase: 'failed'; message: string };

export interface CopyRun {
  copy(id: string, name: string): Promise<void>;
  busy: boolean;
  /** "Copied" or the failure (a status), and the dialog with the line when the clipboard refused it. */
  view: ReactNode;
}

/**
 * "Copy docker run": the line that would make a container again (`containers.runCommand`), put
 * on the clipboard; where the page may not write it (plain http in a browser), shown in a dialog
 * with the line selected to copy by hand. Used by the detail header and the command palette.
 */
export function useCopyRun(): CopyRun {
  const { t } = useTranslation('detail');
  const client = useClient();
  const [state, setState] = useState<CopyState>({ phase: 'idle' });
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const copy = useCallback(
    async (id: string, name: string): Promise<void> => {
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
        setState({ phase: 'show', line, name });
      }
    },
    [client],
  );

  const view = (
    <>
      <span role="status" className="copy-run-status muted">
        {state.phase === 'copied' ? t('copyRun.copied') : state.phase === 'failed' ? t('copyRun.failed', { message: state.message }) : ''}
      </span>
      {state.phase === 'show' && (
        <Modal kind="copy-run" title={t('copyRun.dialogTitle', { name: state.name })} onClose={() => setState({ phase: 'idle' })} wide>
          <p className="muted small-print">{t('copyRun.dialogHint')}</p>
          <textarea
            ref={(area) => {
              // Selected at once, so Ctrl+C copies it.
              area?.focus();
              area?.select();
            }}
            className="mono copy-run-line"
            aria-label={t('copyRun.dialogTitle', { name: state.name })}
            readOnly
            rows={6}
            value={state.line}
          />
        </Modal>
      )}
    </>
  );
  return { copy, busy: state.phase === 'busy', view };
}

/** The detail header's button. */
export function CopyRunButton({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation('detail');
  const { copy, busy, view } = useCopyRun();
  // The line is built from the engine's inspect: off, with the reason, while the engine is away.
  const { gate } = useEngineGate();
  return (
    <>
      <button type="button" className="small" title={t('copyRun.title')} disabled={busy} onClick={() => void copy(id, name)} {...gate}>
        {t('copyRun.button')}
      </button>
      {view}
    </>
  );
}
