import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogInfo } from '../../../shared/types/logs';
import { useClient } from '../../api/ClientContext';
import { useEngineSelection } from '../engines';
import { CliCommand } from '../../components/CliCommand';
import { useSettings } from '../../settings-state/SettingsProvider';
import type { DetailTabProps } from '../../tab-types';
import { formatLogTime, useFindShortcut, useStoreVersion } from './hooks';
import { allLines, projectedLines } from './layout';
import type { LineStoreLimits } from './lineStore';
import { adoptFollow, LogFollow, parkedFollow, releaseFollow, useFollowStatus } from './followStore';
import { LogActions } from './LogActions';
import { LogInfoBar } from './LogInfoBar';
import { LogQueryBar } from './LogQueryBar';
import { LogSearchBar } from './LogSearchBar';
import { LogStatus } from './LogStatus';
import { LogViewport } from './LogViewport';
import { useLineSelection } from './useLineSelection';
import { filterRows, type MatchPosition, type SearchOptions } from './search';
import { useLogDownload } from './useLogDownload';
import { useLogSearch } from './useLogSearch';
import '../../styles/logs.css';
import { dockerLogsCommand, dockerLogsDownloadCommand } from '../../../shared/cli/logs';

export interface LogsTabProps extends DetailTabProps {
  /** The buffer's caps (tests and benches set small or large ones). */
  limits?: LineStoreLimits;
}

/** `docker logs` for one container: fetch or follow, search, filter, copy, download. */
export function LogsTab({ container, active, limits }: LogsTabProps) {
  const { t } = useTranslation('logs');
  const client = useClient();
  const { selected, viewing } = useEngineSelection();
  // The view opens with the user's log defaults from Settings, or as the user left it on a follow kept across an engine switch.
  const defaults = useSettings().settings.logs;
  // A client without an engine runs on the selected (started-on) one: the same id `viewing` holds.
  const engine = client.engine ?? selected;
  const [logFollow] = useState(
    () =>
      parkedFollow(engine, container.id) ??
      new LogFollow(
        client,
        engine,
        container.id,
        container.name,
        { tail: defaults.tail, since: '', until: '', follow: true, timestamps: defaults.timestamps, wrap: defaults.wrap },
        limits,
      ),
  );
  const { store, controller, view } = logFollow;
  const version = useStoreVersion(store, active);
  const status = useFollowStatus(logFollow);
  const [info, setInfo] = useState<LogInfo>();

  const [tail, setTail] = useState<number | 'all'>(view.tail);
  const [range, setRange] = useState({ since: view.since, until: view.until });
  const [follow, setFollow] = useState(view.follow);
  const [timestamps, setTimestamps] = useState(view.timestamps);
  const [wrap, setWrap] = useState(view.wrap);
  const [searchOptions, setSearchOptions] = useState<SearchOptions>({ text: '', regex: false, caseSensitive: false });
  const [filter, setFilter] = useState(false);
  const [context, setContext] = useState(2);
  const [current, setCurrent] = useState<MatchPosition | null>(null);
  const [revealKey, setRevealKey] = useState(0);
  const searchInput = useRef<HTMLInputElement>(null);
  const download = useLogDownload(client, container.id, timestamps);
  useFindShortcut(searchInput, active);
  const { lineSelection, cursor, onGutterClick, onCursor, copyLines, clearSelection } = useLineSelection(store, timestamps);

  const followRef = useRef(follow);
  followRef.current = follow;
  useEffect(() => {
    logFollow.view = { tail, since: range.since, until: range.until, follow, timestamps, wrap };
    logFollow.containerName = container.name;
  }, [logFollow, tail, range, follow, timestamps, wrap, container.name]);
  useEffect(() => adoptFollow(logFollow), [logFollow]);
  useEffect(() => {
    // A follow kept running while the user was on another engine: every line it took is shown, none again.
    if (logFollow.resumable) logFollow.resumable = false;
    else controller.load({ id: container.id, tail, since: range.since, until: range.until, follow: followRef.current });
  }, [logFollow, controller, container.id, tail, range]);
  useEffect(() => controller.setFollow(follow), [controller, follow]);
  // Whichever comes last, the follow ending or the container running again (a restart), resumes it.
  useEffect(() => {
    if (container.state === 'running' && status.phase === 'stopped') controller.containerRunning();
  }, [controller, container.state, status.phase]);
  // Leaving the view closes the stream; a switch to another engine keeps a follow running (parked).
  useEffect(() => () => releaseFollow(logFollow, viewing.current), [logFollow, viewing]);

  useEffect(() => {
    let live = true;
    client.invoke('logs.info', { id: container.id }).then(
      (result) => live && setInfo(result),
      () => live && setInfo(undefined),
    );
    return () => {
      live = false;
    };
  }, [client, container.id]);

  const { search, problem: searchProblem, scanning, version: searchVersion } = useLogSearch(store, version, searchOptions);
  useEffect(() => setCurrent(null), [search]);
  const currentStillThere = current && store.has(current.seq) ? current : null;

  const rows = useMemo(
    () => (filter && search ? projectedLines(filterRows(search.lineSeqs(), context, store.firstSeq, store.endSeq)) : allLines(store)),
    // searchVersion/version: the search result or the store grew.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [filter, search, searchVersion, context, store, version],
  );

  const step = (direction: 1 | -1): void => {
    if (!search) return;
    const next = search.step(currentStillThere, direction);
    if (!next) return;
    setCurrent(next);
    setRevealKey((key) => key + 1);
  };

  const clear = (): void => {
    store.clear();
    clearSelection();
    setCurrent(null);
  };

  const started = download.state.phase === 'started' ? download.state : undefined;
  // The desktop app knows where the file went; a browser download is named by the browser.
  const downloadCli = started
    ? dockerLogsDownloadCommand(container.name, started.timestamps, started.started.delivery === 'file' ? started.started.filePath : started.started.filename)
    : undefined;
  const cli = dockerLogsCommand({ name: container.name, tail, since: range.since, until: range.until, follow, timestamps });

  return (
    <div className="logs-tab" data-testid="logs-tab">
      <LogInfoBar info={info} />
      <LogQueryBar
        tail={tail}
        since={range.since}
        until={range.until}
        follow={follow}
        timestamps={timestamps}
        wrap={wrap}
        onTail={setTail}
        onRange={(since, until) => setRange({ since, until })}
        onFollow={setFollow}
        onTimestamps={setTimestamps}
        onWrap={setWrap}
      />
      <LogSearchBar
        inputRef={searchInput}
        options={searchOptions}
        onOptions={setSearchOptions}
        filter={filter}
        onFilter={setFilter}
        context={context}
        onContext={setContext}
        ordinal={search ? search.ordinal(currentStillThere) : 0}
        matches={search?.matchCount ?? 0}
        lines={search?.lineCount ?? 0}
        scanning={scanning}
        problem={searchProblem}
        onStep={step}
      >
        <LogActions
          onCopy={copyLines}
          canCopy={lineSelection !== null}
          onClear={clear}
          onDownload={download.start}
          downloading={download.state.phase === 'starting'}
        />
      </LogSearchBar>
      <LogStatus
        status={status}
        store={store}
        follow={follow}
        containerName={container.name}
        download={download.state}
        {...(downloadCli ? { downloadCli } : {})}
        onDismissDownload={download.dismiss}
        onRetry={() => controller.load({ id: container.id, tail, since: range.since, until: range.until, follow })}
      />
      <LogViewport
        store={store}
        version={version}
        rows={rows}
        projected={filter && search !== null}
        wrap={wrap}
        showTimestamps={timestamps}
        formatTime={formatLogTime}
        highlight={search}
        current={currentStillThere}
        revealKey={revealKey}
        follow={follow}
        selection={lineSelection}
        cursor={cursor}
        onCursor={onCursor}
        onClearSelection={clearSelection}
        onGutterClick={onGutterClick}
        onCopyLines={copyLines}
        emptyText={
          store.size === 0 && status.phase !== 'loading' && status.phase !== 'error'
            ? range.since || range.until
              ? t('view.emptyRange')
              : t('view.empty')
            : undefined
        }
        labels={{ region: t('view.region'), stderr: t('view.stderr'), continued: t('view.continued'), gap: t('view.gap'), jump: t('view.jump') }}
      />
      <CliCommand command={cli} />
    </div>
  );
}
