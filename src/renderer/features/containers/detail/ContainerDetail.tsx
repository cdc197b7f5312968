import { useCallback, useState } from 'react';
import '../../../styles/manage.css';
import { useTranslation } from 'react-i18next';
import type { ContainerSummary } from '../../../../shared/types/containers';
import { ErrorBoundary } from '../../../components/ErrorBoundary';
import { ACTIONS, isApplicable, type ActionName } from '../actions';
import { TransitionBadge } from '../TransitionBadge';
import { conflicts, type Transition } from '../transitions';
import { useEngineGate, useEngineReach, StaleNote } from '../../engine';
import { useTabCommands } from './useTabCommands';
import { CopyRunButton } from '../useCopyRun';
import { ResourcesDialog } from '../manage/ResourcesDialog';
import { useRenameDialog } from '../manage/useRenameDialog';
import { useWaitForExit } from '../manage/useWaitForExit';
import { DetailTabs } from './DetailTabs';
import type { DetailIntent } from '../../../tab-types';
import { DETAIL_TABS } from './tabs';
import { EngineTag } from '../../engines';

interface ContainerDetailProps {
  /** Undefined once the container is gone (removed elsewhere). */
  container: ContainerSummary | undefined;
  name: string;
  /** Set while an action sent from Berth waits for the engine ("Stopping…"). */
  transition: Transition | undefined;
  /** When the engine last listed the container: shown as "last known at" while it is away. */
  listedAt?: number | undefined;
  onBack(): void;
  onAction(action: ActionName, container: ContainerSummary): void;
  /** The container was renamed or updated here: the list reads it again. */
  onChanged(): void;
  /** The tab to show first (run -it opens the Terminal tab); the first tab otherwise. */
  initialTab?: string;
  /** For the initial tab: what to start right away (export from a row's button). */
  intent?: DetailIntent;
}

/** One container: a header with its actions and a row of tabs. */
export function ContainerDetail({ container, name, transition, listedAt, onBack, onAction, onChanged, initialTab, intent }: ContainerDetailProps) {
  const { t } = useTranslation('detail');
  const { t: tc } = useTranslation('containers');
  const { t: tm } = useTranslation('manage');
  const [editingResources, setEditingResources] = useState(false);
  // Bumped after a rename or an update: the tabs that read once (overview, inspect, isolation) read again.
  const [revision, setRevision] = useState(0);
  const changed = useCallback(() => {
    setRevision((count) => count + 1);
    onChanged();
  }, [onChanged]);
  const rename = useRenameDialog(changed);
  // What the engine said beside applying an update, until dismissed.
  const [updateNote, setUpdateNote] = useState<string[]>();
  const wait = useWaitForExit(container);
  const [tab, setTab] = useState(initialTab ?? DETAIL_TABS[0]?.id ?? 'overview');
  const [visited, setVisited] = useState<ReadonlySet<string>>(new Set([tab]));
  const [focusRequest, setFocusRequest] = useState(0);
  const { reachable, gate } = useEngineGate();
  // Tabs that read once (inspect, ports, changes…) read again when the engine is back; the ones
  // kept mounted (logs, stats, terminals, files) keep their state and resume by themselves.
  const { epoch } = useEngineReach();

  const choose = useCallback((id: string): void => {
    setTab(id);
    setVisited((current) => new Set([...current, id]));
    setFocusRequest((count) => count + 1);
  }, []);

  useTabCommands(name, DETAIL_TABS, choose);

  return (
    <section className="view detail-view" aria-labelledby="detail-title">
      <header className="view-header">
        <button type="button" className="ghost" onClick={onBack}>
          {t('back')}
        </button>
        <h1 id="detail-title">{name}</h1>
        {/* Its logs, terminals and files are on this engine, whichever engine is selected later. */}
        <EngineTag />
        {container && (
          <span className="detail-state">
            {transition ? (
              <TransitionBadge transition={transition} />
            ) : (
              <span className={`state-pill state-${container.state}${reachable ? '' : ' stale-content'}`}>{tc(`states.${container.state}`)}</span>
            )}
          </span>
        )}
        {container && (
          <div className="detail-actions">
            {ACTIONS.filter((action) => isApplicable(action, container.state)).map((action) => (
              <button
                key={action}
                type="button"
                className="small"
                disabled={conflicts(action, transition)}
                onClick={() => onAction(action, container)}
                {...gate}
              >
                {tc(`actions.${action}`)}
              </button>
            ))}
            <button type="button" className="small" title={tm('rename.openTitle', { name: container.name })} onClick={() => rename.open(container)} {...gate}>
              {tm('rename.open')}
            </button>
            <button
              type="button"
              className="small"
              title={tm('update.openTitle', { name: container.name })}
              onClick={() => setEditingResources(true)}
              {...gate}
            >
              {tm('update.open')}
            </button>
            {wait.button}
            <CopyRunButton id={container.id} name={container.name} />
          </div>
        )}
      </header>
      {wait.panel}
      {rename.view}
      {container && editingResources && (
        <ResourcesDialog
          id={container.id}
          name={container.name}
          onClose={() => setEditingResources(false)}
          onUpdated={(warnings) => {
            setUpdateNote(warnings);
            changed();
          }}
        />
      )}
      {updateNote && (
        <div className="update-note" role="status">
          <span>
            {tm('update.done')}
            {updateNote.length > 0 && ` ${tm('update.warningsFromEngine', { warnings: updateNote.join(' ') })}`}
          </span>
          <button type="button" className="ghost small" onClick={() => setUpdateNote(undefined)}>
            {tm('wait.dismiss')}
          </button>
        </div>
      )}
      {container && !reachable && <StaleNote at={listedAt} message={(time) => t('lastKnown', { time })} />}
      {!container && (
        <div className="banner banner-error" role="alert">
          {t('gone', { name })}
        </div>
      )}
      {container && (
        <>
          <DetailTabs tabs={DETAIL_TABS} active={tab} onChoose={choose} focusRequest={focusRequest} />
          {DETAIL_TABS.filter((candidate) => candidate.id === tab || (candidate.keepMounted && visited.has(candidate.id))).map(
            ({ id, Component, keepMounted }) => (
              <div
                key={keepMounted ? id : `${id}-${epoch}-${revision}`}
                role="tabpanel"
                id={`panel-${id}`}
                aria-labelledby={`tab-${id}`}
                hidden={id !== tab}
                className="tab-panel"
              >
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
