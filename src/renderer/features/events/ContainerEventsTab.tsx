import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CliCommand } from '../../components/CliCommand';
import type { DetailTabProps } from '../../tab-types';
import { EventsControls } from './EventsControls';
import { EventsTable } from './EventsTable';
import { useEventStream } from './useEventStream';
import '../../styles/events.css';
import { containerEventsQuery } from '../../../shared/cli/events';

/** `docker events --filter container=NAME`: this container's events since it was created, then live. */
export function ContainerEventsTab({ container }: DetailTabProps) {
  const { t } = useTranslation('events');
  const [paused, setPaused] = useState(false);
  // By id: a name filter would also take other containers whose names start with it.
  const query = useMemo(() => containerEventsQuery({ id: container.id, created: container.created }), [container.id, container.created]);
  const stream = useEventStream(query.input, true, paused);
  return (
    <div className="container-events">
      <CliCommand command={query.command} />
      <p className="muted">{t('containerHint')}</p>
      <EventsControls stream={stream} paused={paused} onPausedChange={setPaused} />
      {stream.events.length === 0 ? (
        <div className="empty-state">{t('empty.container', { name: container.name })}</div>
      ) : (
        <EventsTable events={stream.events} label={t('containerTableLabel', { name: container.name })} />
      )}
    </div>
  );
}
