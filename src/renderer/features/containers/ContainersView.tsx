import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerSummary } from '../../../shared/types/containers';
import type { EngineState } from '../../../shared/types/engine';
import { CliCommand } from '../../components/CliCommand';
import { dockerStatsCommand } from '../../../shared/cli/stats';
import { useNavigation } from '../../navigation';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ContainerDetail } from './detail/ContainerDetail';
import { useEngineGate, EngineWaitNote, StaleNote, isEngineUnavailable } from '../engine';
import type { DetailIntent } from '../../tab-types';
import { CompareButton, ComparePanel, StatsOverview } from '../stats';
import { useContainerCommands } from './useContainerCommands';
import { useCopyRun } from './useCopyRun';
import { useSettings } from '../../settings-state/SettingsProvider';
import { ACTIONS, isApplicable, type ActionName, type ActionOptions } from './actions';
import { KillDialog, RemoveDialog } from './ActionDialogs';
import { ContainersToolbar } from './ContainersToolbar';
import { ListViewOptions, type ListView } from './ListViewOptions';
import { ContainerTable } from './ContainerTable';
import { ContainerDropZone } from '../files';
import { CreateContainerForm } from '../create-container';
import { filterContainers, sortContainers, type SortDirection, type SortKey, type StateFilter } from './filter';
import { conflicts } from './transitions';
import { useContainerActions } from './useContainerActions';
import { useContainers } from './useContainers';
import { useRowFocus } from './useRowFocus';
import { useContainerSizes } from './useContainerSizes';
import { usePrune } from './prune/usePrune';
import { useListToolCommands } from './useListToolCommands';
import { withSizes } from './with-sizes';
import { useStateAnnouncements } from './useStateAnnouncements';
import { useRenameDialog } from './manage/useRenameDialog';
import { useProjectActions } from '../compose';

type PendingDialog = { action: 'kill' | 'remove'; targets: ContainerSummary[] };

export function ContainersView({ engineState }: { engineState: EngineState | undefined }) {
  const { t } = useTranslation('containers');
  const [all, setAll] = useState(true);
  const [text, setText] = useState('');
  const [states, setStates] = useState<ReadonlySet<StateFilter>>(new Set());
  const [sortKey, setSortKey] = useState<SortKey>('created');
  const [sortDirection, setSortDirection] = useState<SortDirection>('desc');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const rowFocus = useRowFocus();
  const [stopTimeout, setStopTimeout] = useState(10);
  const [dialog, setDialog] = useState<PendingDialog>();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<{ id: string; name: string; tab?: string; intent?: DetailIntent }>();
  const [comparing, setComparing] = useState(false);
  const [listView, setListView] = useState<ListView>('list');
  const { containerRequest, takeContainerRequest } = useNavigation();
  useEffect(() => {
    if (!containerRequest) return;
    setCreating(false);
    setOpen(containerRequest);
    takeContainerRequest();
  }, [containerRequest, takeContainerRequest]);
  const connected = engineState?.status === 'connected';
  // While one container is open, list stopped ones too, so it does not vanish when it stops.
  const listed = useContainers(all || open !== undefined, connected);
  const { listedAt, requestSentAt, error, refresh } = listed;
  const { settings, update: updateSettings } = useSettings();
  const showSize = settings.containerList.showSize && listView === 'list' && open === undefined;
  const sizes = useContainerSizes(showSize, connected);
  const containers = useMemo(() => withSizes(listed.containers, sizes.sizes), [listed.containers, sizes.sizes]);
  const prune = usePrune(containers ?? [], refresh);
  const setShowSize = useCallback((show: boolean) => void updateSettings({ containerList: { showSize: show } }), [updateSettings]);
  useListToolCommands({
    active: open === undefined,
    view: listView,
    setView: setListView,
    showSize: settings.containerList.showSize,
    setShowSize,
    prune: prune.open,
  });
  const { reachable, gate } = useEngineGate();
  // While the engine is away the banner and the stale note say so; the list's own error would repeat it.
  const shownError = error && !(!reachable && isEngineUnavailable(error)) ? error : undefined;
  const actions = useContainerActions(refresh);
  const { settleUpTo } = actions;
  useEffect(() => {
    if (requestSentAt !== undefined) settleUpTo(requestSentAt);
  }, [requestSentAt, settleUpTo]);
  const confirmBefore = settings.confirm;
  const projects = useProjectActions(refresh, stopTimeout);

  const visible = useMemo(
    () => sortContainers(filterContainers(containers ?? [], text, states), sortKey, sortDirection),
    [containers, text, states, sortKey, sortDirection],
  );
  const selectedContainers = visible.filter((c) => selected.has(c.id));
  const live = useMemo(() => visible.filter((c) => c.state === 'running' || c.state === 'paused'), [visible]);

  const perform = (action: ActionName, requested: ContainerSummary[], options: ActionOptions = {}): void => {
    const targets = requested.filter((c) => !actions.blocked(action, c.id));
    if (targets.length === 0 || !reachable) return;
    if ((action === 'kill' || action === 'remove') && confirmBefore[action] && !('signal' in options) && !('force' in options)) {
      setDialog({ action, targets });
      return;
    }
    const withTimeout = action === 'stop' || action === 'restart' ? { ...options, stopTimeout } : options;
    void actions.run(action, targets, withTimeout).then((report) => {
      if (action === 'remove') setSelected((current) => new Set([...current].filter((id) => !targets.some((c) => c.id === id))));
      if (report.failures.length > 0) refresh();
    });
  };

  function renderReport() {
    return (
      <>
        {actions.report && (
          <div className={`action-report${actions.report.failures.length ? ' failed' : ''}`} role="status">
            {actions.report.failures.map((failure) => (
              <ErrorMessage key={failure.name} error={new Error(failure.message)} />
            ))}
            {actions.report.failures.length === 0 && (
              <span>{t('report.done', { action: t(`actions.${actions.report.action}`), names: actions.report.targets.join(', ') })}</span>
            )}
            {renderRemoveRunning()}
            <CliCommand command={actions.report.cli} />
            <button type="button" className="ghost small" onClick={actions.clearReport}>
              {t('report.dismiss')}
            </button>
          </div>
        )}
      </>
    );
  }

  /** A remove refused because containers run: the two ways forward, for just those containers. */
  function renderRemoveRunning() {
    const report = actions.report;
    if (report?.action !== 'remove') return null;
    const refusedIds = new Set(report.failures.filter((failure) => failure.code === 'CONFLICT').map((failure) => failure.id));
    const running = (containers ?? []).filter((c) => refusedIds.has(c.id) && (c.state === 'running' || c.state === 'paused' || c.state === 'restarting'));
    if (running.length === 0) return null;
    const stopThenRemove = async (): Promise<void> => {
      const stopped = await actions.run('stop', running, { stopTimeout });
      const stoppedNames = new Set(stopped.targets.filter((name) => !stopped.failures.some((failure) => failure.name === name)));
      perform(
        'remove',
        running.filter((c) => stoppedNames.has(c.name)),
        { force: false },
      );
    };
    return (
      <div className="report-actions">
        <button type="button" className="danger small" onClick={() => perform('remove', running, { force: true })}>
          {t('report.forceRemove', { count: running.length })}
        </button>
        <button type="button" className="small" onClick={() => void stopThenRemove()}>
          {t('report.stopThenRemove', { count: running.length })}
        </button>
      </div>
    );
  }

  function renderDialogs() {
    return (
      <>
        {dialog?.action === 'remove' && (
          <RemoveDialog
            names={dialog.targets.map((c) => c.name)}
            onCancel={() => setDialog(undefined)}
            onConfirm={(options) => {
              setDialog(undefined);
              perform('remove', dialog.targets, options);
            }}
          />
        )}
        {dialog?.action === 'kill' && (
          <KillDialog
            names={dialog.targets.map((c) => c.name)}
            onCancel={() => setDialog(undefined)}
            onConfirm={(options) => {
              setDialog(undefined);
              perform('kill', dialog.targets, options);
            }}
          />
        )}
      </>
    );
  }

  const onSort = (key: SortKey): void => {
    if (key === sortKey) setSortDirection(sortDirection === 'asc' ? 'desc' : 'asc');
    else {
      setSortKey(key);
      setSortDirection(key === 'created' || key === 'size' ? 'desc' : 'asc');
    }
  };

  const toggle = (id: string, additive: boolean): void => {
    setSelected((current) => {
      if (!additive) return current.has(id) && current.size === 1 ? new Set() : new Set([id]);
      const copy = new Set(current);
      if (copy.has(id)) copy.delete(id);
      else copy.add(id);
      return copy;
    });
  };

  const openContainer = open ? containers?.find((candidate) => candidate.id === open.id) : undefined;
  const copyRun = useCopyRun();
  const rename = useRenameDialog(refresh);
  const watched = useMemo(() => (open ? new Set([open.id]) : selected), [open, selected]);
  useStateAnnouncements(containers, watched, all || open !== undefined);
  useContainerCommands({
    targets: open ? (openContainer ? [openContainer] : []) : selectedContainers,
    listed: open ? [] : visible,
    perform,
    open: (container) => setOpen({ id: container.id, name: container.name }),
    openWith: (container, intent) => setOpen({ id: container.id, name: container.name, tab: 'image', intent }),
    copyRun: (container) => void copyRun.copy(container.id, container.name),
    rename: rename.open,
    create: open ? undefined : () => setCreating(true),
    back: open ? () => setOpen(undefined) : undefined,
  });

  if (open) {
    const container = openContainer;
    return (
      <>
        <ContainerDetail
          container={container}
          name={container?.name ?? open.name}
          transition={actions.transitions.get(open.id)}
          listedAt={listedAt}
          onBack={() => setOpen(undefined)}
          onAction={(action, target) => perform(action, [target])}
          onChanged={refresh}
          initialTab={open.tab}
          {...(open.intent ? { intent: open.intent } : {})}
        />
        <div className="detail-report">{renderReport()}</div>
        {renderDialogs()}
        {rename.view}
        {copyRun.view}
      </>
    );
  }

  return (
    <section className="view containers-view" aria-labelledby="containers-title">
      <header className="view-header">
        <h1 id="containers-title">{t('title')}</h1>
        <CliCommand
          command={
            listView === 'list'
              ? `docker ps${all ? ' -a' : ''}${showSize ? ' --size' : ''}`
              : // `docker stats` follows every running container; with a text filter, the ones shown.
                dockerStatsCommand(text.trim() ? live.map((c) => c.name).sort() : [])
          }
        />
        <ListViewOptions
          view={listView}
          onView={setListView}
          showSize={settings.containerList.showSize}
          onShowSize={setShowSize}
          computingSizes={sizes.computing}
          onPrune={prune.open}
        />
        {copyRun.view}
      </header>
      {creating && (
        <CreateContainerForm
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            refresh();
            if (created.interactive) setOpen({ id: created.id, name: created.name, tab: 'terminal' });
          }}
        />
      )}
      <ContainersToolbar
        text={text}
        onText={setText}
        all={all}
        onAll={setAll}
        states={states}
        onToggleState={(state) =>
          setStates((current) => {
            const copy = new Set(current);
            if (copy.has(state)) copy.delete(state);
            else copy.add(state);
            return copy;
          })
        }
        stopTimeout={stopTimeout}
        onStopTimeout={setStopTimeout}
        onCreate={() => setCreating(true)}
        shown={visible.length}
        total={containers?.length ?? 0}
      />
      {selectedContainers.length > 0 && (
        <div className="selection-bar" role="toolbar" aria-label={t('selection.label')}>
          <span>{t('selection.count', { count: selectedContainers.length })}</span>
          {ACTIONS.map((action) => (
            <button
              key={action}
              type="button"
              className="small"
              disabled={!selectedContainers.some((c) => isApplicable(action, c.state) && !conflicts(action, actions.transitions.get(c.id)))}
              onClick={() =>
                perform(
                  action,
                  selectedContainers.filter((c) => isApplicable(action, c.state)),
                )
              }
              {...gate}
            >
              {t(`actions.${action}`)}
            </button>
          ))}
          <CompareButton onClick={() => setComparing(true)} />
          <button type="button" className="ghost small" onClick={() => setSelected(new Set())}>
            {t('selection.clear')}
          </button>
        </div>
      )}
      {comparing && selectedContainers.length > 0 && <ComparePanel containers={selectedContainers} onClose={() => setComparing(false)} />}
      {shownError && <ErrorMessage error={shownError} />}
      {sizes.error && <ErrorMessage error={sizes.error} />}
      {renderReport()}
      {projects.view}
      {prune.view}
      {!reachable && containers !== undefined && <StaleNote at={listedAt} message={(time) => t('lastKnown', { time })} />}
      {containers === undefined && !error && connected && <p className="muted">{t('loading')}</p>}
      {containers === undefined && !reachable && <EngineWaitNote />}
      {containers !== undefined && containers.length === 0 && (
        <div className="empty-state">
          <p>{all ? t('empty.none') : t('empty.noneRunning')}</p>
          <button type="button" className="primary" onClick={() => setCreating(true)} {...gate}>
            {t('create')}
          </button>
        </div>
      )}
      {containers !== undefined && containers.length > 0 && visible.length === 0 && <p className="muted">{t('empty.noMatch')}</p>}
      {listView === 'stats' && <StatsOverview containers={live} onOpen={(container) => setOpen({ id: container.id, name: container.name })} />}
      {listView === 'list' && visible.length > 0 && (
        <ContainerDropZone containers={visible}>
          <ContainerTable
            containers={visible}
            selected={selected}
            transitions={actions.transitions}
            sortKey={sortKey}
            sortDirection={sortDirection}
            focus={rowFocus}
            onSort={onSort}
            onToggle={toggle}
            onToggleAll={() => setSelected(visible.every((c) => selected.has(c.id)) ? new Set() : new Set(visible.map((c) => c.id)))}
            onAction={(action, container) => perform(action, [container])}
            onOpen={(container) => setOpen({ id: container.id, name: container.name })}
            onExport={(container) => setOpen({ id: container.id, name: container.name, tab: 'image', intent: 'export' })}
            showSize={showSize}
            onRename={rename.open}
            projects={projects}
          />
        </ContainerDropZone>
      )}
      {renderDialogs()}
      {rename.view}
    </section>
  );
}
