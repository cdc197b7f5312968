import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { waitCommand } from '../../../../shared/cli/containers';
import type { ContainerSummary } from '../../../../shared/types/containers';
import { useClient } from '../../../api/ClientContext';
import { CliCommand } from '../../../components/CliCommand';
import { useEngineGate } from '../../engine';
import { waitForExit } from './waits';

type WaitState = { phase: 'idle' } | { phase: 'waiting' } | { phase: 'exited'; code: number } | { phase: 'failed'; message: string };

/** Containers whose process runs: the ones `docker wait` would wait for rather than answer at once. */
const WAITABLE = new Set(['running', 'paused', 'restarting']);

/**
 * "Wait for exit" (`docker wait`): a button for the detail header, and a panel under it that says it
 * waits (Cancel or Escape stops that) and then shows the exit code.
 */
export function useWaitForExit(container: ContainerSummary | undefined) {
  const { t } = useTranslation('manage');
  const client = useClient();
  const { gate } = useEngineGate();
  // Kept with the container it is about: the view may move on to another container.
  const [waitState, setState] = useState<WaitState & { id?: string }>({ phase: 'idle' });
  // Bumped by Cancel and by a new wait: an answer for an older one is dropped.
  const round = useRef(0);
  const cancelRef = useRef<HTMLButtonElement>(null);
  // The last container shown: one removed on exit (--rm) still gets its exit code shown.
  const [known, setKnown] = useState(container ? { id: container.id, name: container.name } : undefined);
  if (container && (known?.id !== container.id || known.name !== container.name)) setKnown({ id: container.id, name: container.name });
  const id = container?.id ?? known?.id;
  const name = container?.name ?? known?.name ?? '';
  const state: WaitState = waitState.id === id ? waitState : { phase: 'idle' };

  useEffect(
    () => () => {
      round.current += 1;
    },
    [id],
  );

  const start = useCallback(() => {
    if (!id) return;
    const mine = ++round.current;
    setState({ phase: 'waiting', id });
    waitForExit(client, id).then(
      (exit) => mine === round.current && setState({ phase: 'exited', code: exit.exitCode, id }),
      (err: unknown) => mine === round.current && setState({ phase: 'failed', message: err instanceof Error ? err.message : String(err), id }),
    );
  }, [client, id]);

  const cancel = useCallback(() => {
    round.current += 1;
    setState({ phase: 'idle' });
  }, []);

  useEffect(() => {
    if (state.phase === 'waiting') cancelRef.current?.focus();
  }, [state.phase]);

  const button =
    container && WAITABLE.has(container.state) ? (
      <button type="button" className="small" title={t('wait.openTitle', { name })} disabled={state.phase === 'waiting'} onClick={start} {...gate}>
        {t('wait.open')}
      </button>
    ) : null;

  const panel =
    state.phase === 'idle' ? null : (
      <section
        className={`wait-panel${state.phase === 'failed' ? ' failed' : ''}`}
        aria-label={t('wait.label')}
        data-phase={state.phase}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && state.phase === 'waiting') {
            event.preventDefault();
            cancel();
          }
        }}
      >
        <p role="status" className="wait-status">
          {state.phase === 'waiting' && t('wait.waiting', { name })}
          {state.phase === 'exited' && <span data-testid="wait-exit-code">{t('wait.exited', { name, code: state.code })}</span>}
          {state.phase === 'failed' && t('wait.failed', { name, message: state.message })}
        </p>
        {state.phase === 'waiting' ? (
          <button ref={cancelRef} type="button" className="small" onClick={cancel}>
            {t('wait.cancel')}
          </button>
        ) : (
          <button type="button" className="ghost small" onClick={cancel}>
            {t('wait.dismiss')}
          </button>
        )}
        {state.phase === 'waiting' && <span className="muted small-print">{t('wait.cancelHint')}</span>}
        <CliCommand command={waitCommand(name)} />
      </section>
    );

  return { button, panel, waiting: state.phase === 'waiting' };
}
