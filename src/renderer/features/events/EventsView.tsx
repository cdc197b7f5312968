import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { engineFilterFromFields } from '../../../shared/events/event-filter';
import { EVENT_TYPES } from '../../../shared/types/events';
import { CliCommand } from '../../components/CliCommand';
import type { ViewProps } from '../../view-types';
import { matchesFilter, NO_FILTER, type EventViewFilter } from './event-filter';
import { EventsControls } from './EventsControls';
import { EventsTable } from './EventsTable';
import { useEventStream } from './useEventStream';
import '../../styles/events.css';
import { dockerEventsCommand } from '../../../shared/cli/events';

const HISTORY = ['live', '10m', '1h', '24h'] as const;
type History = (typeof HISTORY)[number];

/** `docker events` for the whole engine, live, with filters that apply to what is already shown. */
export function EventsView({ engineState }: ViewProps) {
  const { t } = useTranslation('events');
  const [history, setHistory] = useState<History>('live');
  const [filter, setFilter] = useState<EventViewFilter>(NO_FILTER);
  const [paused, setPaused] = useState(false);
  const input = useMemo(() => (history === 'live' ? {} : { since: history }), [history]);
  const stream = useEventStream(input, true, paused);
  const visible = useMemo(() => stream.events.filter((event) => matchesFilter(event, filter)), [stream.events, filter]);
  const seenActions = useMemo(() => [...new Set(stream.events.map((event) => event.action.split(':')[0] ?? ''))].filter(Boolean).sort(), [stream.events]);
  const disconnected = engineState !== undefined && engineState.status !== 'connected';
  const update = (patch: Partial<EventViewFilter>): void => setFilter((current) => ({ ...current, ...patch }));

  // The same filter the list applies (matchesFilter), so the line prints what the list shows.
  const cli = dockerEventsCommand({ ...engineFilterFromFields(filter), ...(history === 'live' ? {} : { since: history }) });

  return (
    <section className="view events-view" aria-labelledby="events-title">
      <header className="view-header">
        <h1 id="events-title">{t('title')}</h1>
        <CliCommand command={cli} />
      </header>
      <div className="toolbar events-filters" role="search" aria-label={t('filters.label')}>
        <label className="inline-field">
          <span>{t('filters.type')}</span>
          <select value={filter.type} onChange={(event) => update({ type: event.target.value })}>
            <option value="">{t('filters.anyType')}</option>
            {EVENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('filters.action')}</span>
          <input
            list="events-actions"
            aria-describedby="events-filter-hint"
            value={filter.action}
            onChange={(event) => update({ action: event.target.value })}
            placeholder={t('filters.anyAction')}
          />
          <datalist id="events-actions">
            {seenActions.map((action) => (
              <option key={action} value={action} />
            ))}
          </datalist>
        </label>
        <label className="inline-field">
          <span>{t('filters.container')}</span>
          <input
            aria-describedby="events-filter-hint"
            value={filter.container}
            onChange={(event) => update({ container: event.target.value })}
            placeholder={t('filters.anyContainer')}
          />
        </label>
        <label className="inline-field">
          <span>{t('history.label')}</span>
          <select value={history} onChange={(event) => setHistory(event.target.value as History)}>
            {HISTORY.map((option) => (
              <option key={option} value={option}>
                {t(`history.${option}`)}
              </option>
            ))}
          </select>
        </label>
        {(filter.type || filter.action || filter.container) && (
          <button type="button" className="ghost small" onClick={() => setFilter(NO_FILTER)}>
            {t('filters.reset')}
          </button>
        )}
      </div>
      <p id="events-filter-hint" className="muted events-filter-hint">
        {t('filters.hint')}
      </p>
      <EventsControls stream={stream} paused={paused} onPausedChange={setPaused} shown={visible.length} />
      {disconnected && (
        <div className="banner banner-warn" role="status">
          {t('engineAway')}
        </div>
      )}
      {visible.length === 0 ? (
        <div className="empty-state">{stream.events.length === 0 ? t(history === 'live' ? 'empty.live' : 'empty.history') : t('empty.filtered')}</div>
      ) : (
        <EventsTable events={visible} label={t('tableLabel')} />
      )}
    </section>
  );
}
