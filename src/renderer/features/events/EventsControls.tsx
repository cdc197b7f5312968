import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useEngineReach } from '../engine';
import { EVENT_CAP } from './event-buffer';
import type { EventStreamState } from './useEventStream';

interface EventsControlsProps {
  stream: EventStreamState;
  paused: boolean;
  onPausedChange(paused: boolean): void;
  /** How many events the filters let through (undefined: no filters). */
  shown?: number;
}

/** Pause/resume and clear, what the buffer holds, and what went wrong with the stream. */
export function EventsControls({ stream, paused, onPausedChange, shown }: EventsControlsProps) {
  const { t } = useTranslation('events');
  const total = stream.events.length;
  const { reachable } = useEngineReach();
  return (
    <>
      <div className="events-controls">
        <button type="button" className={paused ? 'small active' : 'small'} aria-pressed={paused} onClick={() => onPausedChange(!paused)}>
          {paused ? t('resume') : t('pause')}
        </button>
        <button type="button" className="small" onClick={stream.clear} disabled={total === 0 && stream.held === 0}>
          {t('clear')}
        </button>
        <span className="muted events-count" role="status">
          {shown === undefined || shown === total ? t('count', { count: total }) : t('countFiltered', { shown, count: total })}
          {paused && ` · ${t('held', { count: stream.held })}`}
          {!paused && !stream.ended && !stream.error && ` · ${reachable ? t('live') : t('waitingEngine')}`}
        </span>
      </div>
      {stream.dropped > 0 && (
        <p className="muted events-trimmed" role="note">
          {t('trimmed', { cap: EVENT_CAP.toLocaleString(), dropped: stream.dropped.toLocaleString() })}
        </p>
      )}
      {stream.ended && <p className="muted">{t('ended')}</p>}
      {stream.error && (
        <div className="events-error">
          <ErrorMessage error={stream.error} />
          <button type="button" className="small" onClick={stream.reconnect}>
            {t('reconnect')}
          </button>
        </div>
      )}
    </>
  );
}
