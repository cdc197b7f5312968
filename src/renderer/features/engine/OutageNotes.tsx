import { useTranslation } from 'react-i18next';
import { formatClock } from '../../format/time';
import { useEngineReach } from './EngineContext';

/** What a view that has nothing to show yet says while the engine is away (instead of "Loading…" forever). */
export function EngineWaitNote() {
  const { t } = useTranslation('engine');
  const { state } = useEngineReach();
  return (
    <p className="muted engine-wait" role="status" data-testid="engine-wait">
      {state?.status === 'disconnected' ? t('waiting') : t('connecting')}
    </p>
  );
}

/**
 * Marks what a view shows as last known, not live, while the engine is away; `message` is the
 * view's own sentence (with a {{time}}), or the engine namespace's general one.
 */
export function StaleNote({ at, message }: { at: number | undefined; message?: (time: string) => string }) {
  const { t, i18n } = useTranslation('engine');
  const time = at === undefined ? '—' : formatClock(at, i18n.language);
  return (
    <p className="stale-note" role="status" data-testid="stale-note">
      <span className="stale-dot" aria-hidden="true" />
      {message ? message(time) : t('lastKnown', { time })}
    </p>
  );
}
