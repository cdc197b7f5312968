import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useTextScale } from '../../format/text-scale';
import type { EngineEvent } from '../../../shared/types/events';
import { eventTimeMs } from './event-buffer';
import { attributeText } from './event-filter';

/** At the default text size; rows are measured once rendered (they grow with the text). */
const ROW_HEIGHT = 32;

function formatTime(event: EngineEvent, language: string): { short: string; full: string } {
  const date = new Date(eventTimeMs(event));
  const short = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3, hour12: false }).format(
    date,
  );
  const full = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
  return { short, full };
}

/** Newest first; virtualized, so a full buffer scrolls like a short one. */
export function EventsTable({ events, label }: { events: readonly EngineEvent[]; label: string }) {
  const { t, i18n } = useTranslation('events');
  const scrollRef = useRef<HTMLDivElement>(null);
  const scale = useTextScale();
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => Math.round(ROW_HEIGHT * scale),
    overscan: 15,
  });
  const at = (index: number): EngineEvent | undefined => events[events.length - 1 - index];

  return (
    <div className={`events-table${scale > 1.05 ? ' large-text' : ''}`} role="table" aria-label={label} aria-rowcount={events.length + 1}>
      <div className="events-row events-header" role="row" aria-rowindex={1}>
        <span role="columnheader">{t('columns.time')}</span>
        <span role="columnheader">{t('columns.type')}</span>
        <span role="columnheader">{t('columns.action')}</span>
        <span role="columnheader">{t('columns.actor')}</span>
        <span role="columnheader">{t('columns.attributes')}</span>
      </div>
      <div className="events-body" ref={scrollRef} data-testid="event-rows" tabIndex={0} role="rowgroup" aria-label={label}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const event = at(item.index);
            if (!event) return null;
            const time = formatTime(event, i18n.language);
            const attributes = attributeText(event);
            return (
              <div
                key={`${event.timeNano}-${event.actorId}-${event.action}`}
                role="row"
                ref={virtualizer.measureElement}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                className="events-row"
                data-type={event.type}
                data-action={event.action}
                data-actor={event.actorName ?? event.actorId}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <span role="cell" className="mono" title={time.full}>
                  {time.short}
                </span>
                <span role="cell">
                  <span className={`event-type type-${event.type}`}>{event.type}</span>
                </span>
                <span role="cell" className="event-action">
                  {event.action}
                </span>
                <span role="cell" className="event-actor" title={event.actorId}>
                  {event.actorName && <span>{event.actorName}</span>}
                  <span className="mono muted">{event.actorId.slice(0, 12)}</span>
                </span>
                <span role="cell" className="mono muted event-attributes" title={attributes}>
                  {attributes}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
