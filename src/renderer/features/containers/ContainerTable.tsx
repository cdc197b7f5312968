import { useVirtualizer } from '@tanstack/react-virtual';
import '../../styles/manage.css';
import { useMemo, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerSummary } from '../../../shared/types/containers';
import { useSaveDialogs } from '../../api/ClientContext';
import { useTextScale } from '../../format/text-scale';
import { useEngineGate } from '../engine';
import { StatsColumnHeaders } from '../stats';
import { groupEntries, projectGridKeys, ProjectRow, useExpandedProjects, type ListEntry, type ProjectActions } from '../compose';
import type { ActionName } from './actions';
import { ContainerRow } from './ContainerRow';
import type { SortDirection, SortKey } from './filter';
import type { Transitions } from './transitions';
import { useColumnLayout } from './useColumnLayout';
import { rangeWith, resolveStop, useGridKeys } from './useGridKeys';
import type { RowFocus } from './useRowFocus';
import { ariaSort, SortButton } from '../../components/SortButton';

/** A first guess at the default text size; every row is measured once rendered (rows grow with large text). */
const BASE_ROW_HEIGHT = 44;

export { publishedPortText } from './row-text';

interface ContainerTableProps {
  containers: ContainerSummary[];
  selected: ReadonlySet<string>;
  /** Containers between two states because of an action sent from here ("Stopping…"). */
  transitions: Transitions;
  sortKey: SortKey;
  sortDirection: SortDirection;
  /** The row with the list's Tab stop (see useRowFocus). */
  focus: RowFocus;
  onSort(key: SortKey): void;
  onToggle(id: string, additive: boolean): void;
  onToggleAll(): void;
  onAction(action: ActionName, container: ContainerSummary): void;
  onOpen(container: ContainerSummary): void;
  /** `docker export`: opens the container's Image tab and starts the export. */
  onExport(container: ContainerSummary): void;
  /** The size column (`docker ps --size`), with each row's `sizes` once the engine has computed them. */
  showSize?: boolean;
  /** `docker rename`: the pencil beside the name (F2 does the same). */
  onRename(container: ContainerSummary): void;
  /** Keys the grid does not use, pressed on a row (F2). */
  onRowKeyDown?(event: KeyboardEvent, container: ContainerSummary): void;
  /** Compose projects: their containers are grouped under a collapsible row with the project's actions. */
  projects: ProjectActions;
}

/** Virtualized: only the rows in view (and the focused one) are in the DOM, so 1,000 containers scroll like 10. */
export function ContainerTable(props: ContainerTableProps) {
  const { t } = useTranslation('containers');
  const saveDialogs = useSaveDialogs();
  const { containers, selected, transitions, sortKey, sortDirection, focus } = props;
  // "…" only where a save dialog follows (the desktop app).
  const exportLabel = saveDialogs ? t('exportAction') : t('exportActionBrowser');
  const gridRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const scale = useTextScale();
  // While the engine is away the rows are last known (dimmed, see app.css) and no action can run.
  const { reachable } = useEngineGate();
  const lastIndex = useRef(0);
  const groups = useExpandedProjects();
  const entries = useMemo(() => groupEntries(containers, groups.expanded), [containers, groups.expanded]);
  const stop = useMemo(() => resolveStop(entries, focus, lastIndex.current), [entries, focus]);
  lastIndex.current = stop.index;
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => Math.round(BASE_ROW_HEIGHT * scale),
    rangeExtractor: useMemo(() => rangeWith(stop.index), [stop.index]),
    overscan: 12,
  });
  const keys = useGridKeys<ListEntry>({
    containers: entries,
    focus,
    stop,
    gridRef,
    virtualizer,
    onOpen: (entry) => (entry.kind === 'container' ? props.onOpen(entry.container) : groups.toggle(entry.project.name)),
    onToggle: (id) => props.onToggle(id, true),
    onRowKeyDown: (event, entry) => (entry.kind === 'container' ? props.onRowKeyDown?.(event, entry.container) : undefined),
    rowKeys: projectGridKeys(entries, groups.set),
  });
  const allSelected = containers.length > 0 && containers.every((c) => selected.has(c.id));
  const showSize = props.showSize ?? false;
  const layout = useColumnLayout(containers, scrollRef, showSize);
  const tableStyle = layout.template ? ({ '--container-columns': layout.template } as CSSProperties) : undefined;

  const sortedBy = (key: SortKey) => (sortKey === key ? sortDirection : undefined);
  const header = (key: SortKey, className: string) => (
    <span role="columnheader" className={`cell ${className}`} aria-sort={ariaSort(sortedBy(key))}>
      <SortButton label={t(`columns.${key}`)} sorted={sortedBy(key)} tabIndex={-1} data-grid-item="" onClick={() => props.onSort(key)} />
    </span>
  );
  const plain = (key: string, className: string) => (
    <span role="columnheader" className={`cell ${className}`}>
      {t(`columns.${key}`)}
    </span>
  );
  const wraps = layout.wrapped;

  return (
    <div
      ref={gridRef}
      className={`container-table${reachable ? '' : ' stale'}${layout.largeText ? ' large-text' : ''}${showSize ? ' with-size' : ''}`}
      role="grid"
      aria-label={t('tableLabel')}
      aria-multiselectable="true"
      aria-rowcount={entries.length + 1}
      data-stale={reachable ? undefined : 'true'}
      style={tableStyle}
      onKeyDown={keys.onKeyDown}
      onFocus={keys.onFocus}
      onBlur={keys.onBlur}
    >
      <div className={`row header-row${wraps.size ? ' wraps' : ''}`} role="row" aria-rowindex={1} data-grid-row="header">
        <span role="columnheader" className="cell select-cell">
          <input type="checkbox" tabIndex={-1} data-grid-item="" checked={allSelected} onChange={props.onToggleAll} aria-label={t('selectAll')} />
        </span>
        {header('name', 'name-cell')}
        {!wraps.has('image') && header('image', 'image-cell')}
        {header('state', 'state-cell')}
        {!wraps.has('stats') && <StatsColumnHeaders />}
        {!wraps.has('ports') && plain('ports', 'ports-cell')}
        {!wraps.has('created') && header('created', 'created-cell')}
        {showSize && !wraps.has('size') && header('size', 'size-cell')}
        {plain('actions', 'actions-cell')}
        {wraps.size > 0 && (
          <div className="row-more">
            {wraps.has('image') && header('image', 'image-cell')}
            {wraps.has('stats') && <StatsColumnHeaders />}
            {wraps.has('ports') && plain('ports', 'ports-cell')}
            {wraps.has('created') && header('created', 'created-cell')}
            {showSize && wraps.has('size') && header('size', 'size-cell')}
          </div>
        )}
      </div>
      <div className="table-body" ref={scrollRef} data-testid="container-rows">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const entry = entries[item.index];
            if (!entry) return null;
            if (entry.kind === 'project')
              return (
                <ProjectRow
                  key={entry.id}
                  project={entry.project}
                  expanded={entry.expanded}
                  index={item.index}
                  start={item.start}
                  measure={virtualizer.measureElement}
                  pending={props.projects.pending.has(entry.project.name)}
                  onToggle={() => groups.toggle(entry.project.name)}
                  onAction={props.projects.run}
                  onLogs={props.projects.showLogs}
                />
              );
            const container = entry.container;
            return (
              <ContainerRow
                key={container.id}
                container={container}
                index={item.index}
                start={item.start}
                measure={virtualizer.measureElement}
                selected={selected.has(container.id)}
                transitions={transitions}
                layout={layout}
                exportLabel={exportLabel}
                onToggle={props.onToggle}
                onAction={props.onAction}
                onOpen={props.onOpen}
                onExport={props.onExport}
                onRename={props.onRename}
                showSize={showSize}
                inProject={entry.project !== undefined}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
