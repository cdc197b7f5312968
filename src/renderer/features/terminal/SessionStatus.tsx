import { useTranslation } from 'react-i18next';
import { describeDetachKeys, DEFAULT_DETACH_KEYS } from '../../../shared/terminal/detach-keys';
import type { SessionState } from './session';
import type { SessionSpec } from '../../../shared/terminal/session-spec';

/** One line on how the session stands: running, how it ended, or read-only. */
export function SessionStatus({ spec, state }: { spec: SessionSpec; state: SessionState }) {
  const { t } = useTranslation('terminal');
  const { ended, ready } = state;
  let text: string;
  let tone = '';
  if (state.status === 'connecting') text = t('status.connecting');
  else if (state.status === 'failed') text = t('status.failed');
  else if (state.status === 'lost') {
    text = t('status.connectionLost');
    tone = 'warn';
  } else if (ended?.reason === 'detached') text = t('status.detached');
  else if (ended?.reason === 'container-stopped') {
    text = t('status.containerStopped');
    tone = 'warn';
  } else if (ended) {
    const code = ended.exitCode;
    if (code === null) text = t('status.exitedUnknown');
    else if (spec.kind === 'attach') text = t('status.mainExited', { code });
    else text = code === 126 || code === 127 ? t('status.notRunnable', { code }) : t('status.exited', { code });
    tone = code === 0 ? 'ok' : 'warn';
  } else if (ready && !ready.stdin) text = t('status.readOnly');
  else if (spec.kind === 'attach' && ready?.tty) text = t('status.attached', { keys: describeDetachKeys(spec.detachKeys ?? DEFAULT_DETACH_KEYS) });
  else text = t('status.running');
  return (
    <span className={`term-status ${tone}`} role="status" data-status={state.status} data-exit-code={ended?.exitCode ?? ''}>
      <span className={`term-dot ${state.status}`} aria-hidden="true" />
      {text}
    </span>
  );
}
