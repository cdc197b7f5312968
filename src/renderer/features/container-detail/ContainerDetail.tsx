import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerSummary } from '../../../shared/types/containers';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { ACTIONS, isApplicable, type ActionName } from '../containers/actions';
import { useEngineGate, useEngineReach } from '../engine/EngineContext';
import { StaleNote } from '../engine/OutageNotes';
import { useTabCommands } from '../palette/useTabCommands';
import { DETAIL_TABS, type DetailIntent } from './tabs';

interface ContainerDetailProps {
  /** Undefined once the container is gone (removed elsewhere). */
  container: ContainerSummary | undefined;
  name: string;
  /** When the engine last listed the container: shown as "last known at" while it is away. */
  listedAt?: number | undefined;
  busy: boolean;
  onBack(): void;
  onAction(action: ActionName, container: ContainerSummary): void;
  /** The tab to show first (run -it opens the Terminal tab); the first tab otherwise. */
  initialTab?: string;
  /** For the initial tab: what to start right away (export from a row's button). */
  intent?: DetailIntent;
}

/** One container: a header with its actions and a row of tabs (arrow keys move between tabs). */
export function ContainerDetail({ container, name, listedAt, busy, onBack, onAction, initialTab, intent }: ContainerDetailProps) {
  const { t } = useTranslation('detail');
  const { t: tc } = useTranslation('containers');
  const [tab, setTab] = useState(initialTab ?? DETAIL_TABS[0]?.id ?? 'overview');
  const [visited, setVisited] = useState<ReadonlySet<string>>(new Set([tab]));
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  const { reachable, gate } = useEngineGate();
  // Tabs that read once (inspect, ports, changes…) read again when the engine is back; the ones
  // kept mounted (logs, stats, terminals, files) keep their state and resume by themselves.
  const { epoch } = useEngineReach();

  const choose = (id: string): void => {
    setTab(id);
    setVisited((current) => new Set([...current, id]));
    tabRefs.current.get(id)?.focus();
  };

  useTabCommands(name, DETAIL_TABS, choose);

  const onTabKey = (event: KeyboardEvent): void => {
    const index = DETAIL_TABS.findIndex((candidate) => candidate.id === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (event.key === 'Home') choose(DETAIL_TABS[0]?.id ?? tab);
    else if (event.key === 'End') choose(DETAIL_TABS.at(-1)?.id ?? tab);
    else if (step) choose(DETAIL_TABS[(index + step + DETAIL_TABS.length) % DETAIL_TABS.length]?.id ?? tab);
    else return;
    event.preventDefault();
  };

  return (
    <section className="view detail-view" aria-labelledby="detail-title">
      <header className="view-header">
        <button type="button" className="ghost" onClick={onBack}>
          {t('back')}
        </button>
        <h1 id="detail-title">{name}</h1>
        {container && (
          <span className={`state-pill state-${container.state}${reachable ? '' : ' stale-content'}`}>{tc(`states.${container.state}`)}</span>
        )}
        {container && (
          <div className="detail-actions">
            {ACTIONS.filter((action) => isApplicable(action, container.state)).map((action) => (
              <button key={action} type="button" className="small" disabled={busy} onClick={() => onAction(action, container)} {...gate}>
                {tc(`actions.${action}`)}
              </button>
            ))}
          </div>
        )}
      </header>
      {container && !reachable && <StaleNote at={listedAt} message={(time) => t('lastKnown', { time })} />}
      {!container && (
        <div className="banner banner-error" role="alert">
          {t('gone', { name })}
        </div>
      )}
      {container && (
        <>
          <div role="tablist" aria-label={t('tabsLabel')} className="tabs" onKeyDown={onTabKey}>
            {DETAIL_TABS.map((candidate) => (
              <button
                key={candidate.id}
                ref={(element) => {
                  if (element) tabRefs.current.set(candidate.id, element);
                }}
                type="button"
                role="tab"
                id={`tab-${candidate.id}`}
                aria-selected={tab === candidate.id}
                aria-controls={`panel-${candidate.id}`}
                tabIndex={tab === candidate.id ? 0 : -1}
                className={tab === candidate.id ? 'tab active' : 'tab'}
                onClick={() => choose(candidate.id)}
              >
                {t(candidate.labelKey)}
              </button>
            ))}
          </div>
          {DETAIL_TABS.filter((candidate) => candidate.id === tab || (candidate.keepMounted && visited.has(candidate.id))).map(
            ({ id, Component, keepMounted }) => (
              <div key={keepMounted ? id : `${id}-${epoch}`} role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={id !== tab} className="tab-panel">
                <ErrorBoundary>
                  <Component container={container} active={id === tab} {...(intent && id === initialTab ? { intent } : {})} />
                </ErrorBoundary>
              </div>
            ),
          )}
        </>
      )}
    </section>
  );
}
