import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../navigation';
import { EngineTag, useEngineSelection } from '../engines';
import { stopParkedFollow, useFollowStatus, useParkedFollows, type LogFollow } from './followStore';
import { useStoreVersion } from './hooks';
import '../../styles/logs.css';

export interface ParkedLogsSectionProps {
  /** After Show: the follow's engine and container are being opened. */
  onShow(): void;
  /** After Stop: its row is gone (focus needs a new place). */
  onStop(): void;
}

/** The tray's log follows kept running across an engine switch: each with its engine, Show and Stop. */
export function ParkedLogsSection({ onShow, onStop }: ParkedLogsSectionProps) {
  const { t } = useTranslation('logs');
  const parked = useParkedFollows();
  if (parked.length === 0) return null;
  return (
    <section className="parked-logs" aria-labelledby="parked-logs-title" data-testid="parked-logs">
      <h3 id="parked-logs-title">{t('parked.title')}</h3>
      <p className="muted parked-logs-hint">{t('parked.hint')}</p>
      <ul className="parked-logs-list">
        {parked.map((follow) => (
          <ParkedFollowRow key={follow.key} follow={follow} onShow={onShow} onStop={onStop} />
        ))}
      </ul>
    </section>
  );
}

function ParkedFollowRow({ follow, onShow, onStop }: { follow: LogFollow } & ParkedLogsSectionProps) {
  const { t, i18n } = useTranslation('logs');
  const { engines, select } = useEngineSelection();
  const { openContainer } = useNavigation();
  useStoreVersion(follow.store, true);
  const status = useFollowStatus(follow);
  const name = follow.containerName;
  const engine = engines?.find((entry) => entry.id === follow.engine)?.name ?? follow.engine;
  const state = t(`parked.state.${status.phase === 'error' && status.retrying ? 'retrying' : status.phase}`);
  const count = follow.store.size;

  return (
    <li className="reg-task-on-engine" data-testid="parked-follow" data-engine={follow.engine} data-container={follow.containerId}>
      <EngineTag engine={follow.engine} />
      <div className="reg-task">
        <div className="reg-task-line">
          <span className="reg-task-title">{t('parked.row', { name, state, count, countText: count.toLocaleString(i18n.language) })}</span>
          <button
            type="button"
            className="small"
            aria-label={t('parked.showNamed', { name, engine })}
            onClick={() => {
              select(follow.engine);
              openContainer({ id: follow.containerId, name, tab: 'logs' });
              onShow();
            }}
          >
            {t('parked.show')}
          </button>
          <button
            type="button"
            className="small ghost"
            aria-label={t('parked.stopNamed', { name, engine })}
            onClick={() => {
              stopParkedFollow(follow);
              onStop();
            }}
          >
            {t('parked.stop')}
          </button>
        </div>
      </div>
    </li>
  );
}

/** The tray button's words when log follows are all it holds; undefined when there are none. */
export function useParkedLogsLabel(): string | undefined {
  const { t } = useTranslation('logs');
  const count = useParkedFollows().length;
  return count > 0 ? t('parked.trayLabel', { count }) : undefined;
}
