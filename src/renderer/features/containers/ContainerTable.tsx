import { useVirtualizer } from '@tanstack/react-virtual';
import '../../styles/manage.css';
import { useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { textScale } from '../../format/text-scale';
import type { ContainerSummary } from '../../../shared/types/containers';
import { useSaveDialogs } from '../../api/ClientContext';
import { formatDateTime, formatRelative } from '../../format/time';
import { useEngineGate } from '../engine';
import { StatsColumnCells, StatsColumnHeaders } from '../stats';
import { ActionIcon } from './ActionIcon';
import type { ActionName } from './actions';
import type { SortDirection, SortKey } from './filter';
import { statusText } from './status-text';
import { TransitionBadge } from './TransitionBadge';
import { conflicts, type Transitions } from './transitions';
import { portLines, rowActions } from './row-text';
import { useColumnLayout } from './useColumnLayout';
import { SizeCell } from './SizeCell';

/** At the default text size; larger text gets taller rows (textScale). */
const BASE_ROW_HEIGHT = 44;

export { publishedPortText } from './row-text';

interface ContainerTableProps {
  containers: ContainerSummary[];
  selected: ReadonlySet<string>;
  /** Containers between two states because of an action sent from here ("Stopping…"). */
  transitions: Transitions;
  sortKey: SortKey;
  sortDirection: SortDirection;
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
}

/** Virtualized: only the rows in view are in the DOM, so 1,000 containers scroll like 10. */
export function ContainerTable(props: ContainerTableProps) {
  const { t, i18n } = useTranslation('containers');
  const { t: tm } = useTranslation('manage');
  const saveDialogs = useSaveDialogs();
  const { containers, selected, transitions, sortKey, sortDirection } = props;
  // "…" only where a save dialog follows (the desktop app).
  const exportLabel = saveDialogs ? t('exportAction') : t('exportActionBrowser');
  const scrollRef = useRef<HTMLDivElement>(null);
  const [rowHeight] = useState(() => Math.round(BASE_ROW_HEIGHT * textScale()));
  // While the engine is away the rows are last known (dimmed, see app.css) and no action can run.
  const { reachable, gate } = useEngineGate();
  const virtualizer = useVirtualizer({
    count: containers.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const allSelected = containers.length > 0 && containers.every((c) => selected.has(c.id));
  const showSize = props.showSize ?? false;
  const layout = useColumnLayout(containers, scrollRef, showSize);
  const tableStyle = layout.template ? ({ '--container-columns': layout.template } as CSSProperties) : undefined;

  // aria-sort belongs on the columnheader (a button may not carry it), as in the other sortable tables.
  const sortedBy = (key: SortKey) => (sortKey === key ? (sortDirection === 'asc' ? 'ascending' : 'descending') : 'none');
  const header = (key: SortKey) => (
    <button type="button" className="sort-header" onClick={() => props.onSort(key)}>
      {t(`columns.${key}`)}
      <span aria-hidden="true">{sortKey === key ? (sortDirection === 'asc' ? ' ▲' : ' ▼') : ''}</span>
    </button>
  );

  return (
    <div
      className={`container-table${reachable ? '' : ' stale'}${showSize ? ' with-size' : ''}`}
      role="table"
      aria-label={t('tableLabel')}
      aria-rowcount={containers.length + 1}
      data-stale={reachable ? undefined : 'true'}
      style={tableStyle}
    >
      <div className="row header-row" role="row" aria-rowindex={1}>
        <span role="columnheader" className="cell select-cell">
          <input type="checkbox" checked={allSelected} onChange={props.onToggleAll} aria-label={t('selectAll')} />
        </span>
        <span role="columnheader" className="cell name-cell" aria-sort={sortedBy('name')}>
          {header('name')}
        </span>
        <span role="columnheader" className="cell image-cell" aria-sort={sortedBy('image')}>
          {header('image')}
        </span>
        <span role="columnheader" className="cell state-cell" aria-sort={sortedBy('state')}>
          {header('state')}
        </span>
        <StatsColumnHeaders />
        <span role="columnheader" className="cell ports-cell">
          {t('columns.ports')}
        </span>
        <span role="columnheader" className="cell created-cell" aria-sort={sortedBy('created')}>
          {header('created')}
        </span>
        {showSize && (
          <span role="columnheader" className="cell size-cell" aria-sort={sortedBy('size')}>
            {header('size')}
          </span>
        )}
        <span role="columnheader" className="cell actions-cell">
          {t('columns.actions')}
        </span>
      </div>
      <div className="table-body" ref={scrollRef} data-testid="container-rows">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const container = containers[item.index];
            if (!container) return null;
            const isSelected = selected.has(container.id);
            const transition = transitions.get(container.id);
            const stateLabel = t(`states.${container.state}`);
            const status = statusText(container.status, t, i18n.language);
            const ports = portLines(container, (count) => t('portsMore', { count }));
            const age = formatRelative(container.created, i18n.language, Date.now(), 'short');
            return (
              <div
                key={container.id}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                aria-busy={transition !== undefined}
                data-container-name={container.name}
                data-state={container.state}
                className={`row${isSelected ? ' selected' : ''}`}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${item.start}px)` }}
                onClick={(event) => {
                  if ((event.target as HTMLElement).closest('button, input')) return;
                  props.onToggle(container.id, event.ctrlKey || event.metaKey);
                }}
              >
                <span role="cell" className="cell select-cell">
                  <input
                    type="checkbox"
                    checked={isSelected}
                    onChange={() => props.onToggle(container.id, true)}
                    aria-label={t('selectOne', { name: container.name })}
                  />
                </span>
                <span role="cell" className="cell name-cell" title={`${container.name}\n${container.id}`}>
                  <span className="name-line">
                    <button type="button" className="name-link" onClick={() => props.onOpen(container)}>
                      {container.name}
                    </button>
                    <button
                      type="button"
                      className="ghost rename-button"
                      onClick={() => props.onRename(container)}
                      title={tm('rename.openTitle', { name: container.name })}
                      aria-label={tm('rename.rowLabel', { name: container.name })}
                      {...gate}
                    >
                      <span aria-hidden="true">✎</span>
                    </button>
                  </span>
                  <span className="muted mono">{container.id.slice(0, 12)}</span>
                </span>
                <span role="cell" className="cell image-cell" title={container.image}>
                  {container.image}
                </span>
                <span role="cell" className="cell state-cell" title={transition ? undefined : `${stateLabel} · ${status}`}>
                  {transition ? (
                    <TransitionBadge transition={transition} />
                  ) : (
                    <>
                      <span className={`state-pill state-${container.state}`}>{stateLabel}</span>
                      <span className="muted status-text">{status}</span>
                    </>
                  )}
                </span>
                <StatsColumnCells container={container} />
                <span role="cell" className="cell ports-cell mono" title={ports.all || undefined}>
                  {ports.lines.map((line) => (
                    <span key={line} className="port-line">
                      {line}
                    </span>
                  ))}
                </span>
                <span role="cell" className="cell created-cell" title={`${age} · ${formatDateTime(container.created, i18n.language)}`}>
                  {age}
                </span>
                {showSize && <SizeCell sizes={container.sizes} />}
                <span role="cell" className={`cell actions-cell${layout.compactActions ? ' compact' : ''}`}>
                  {rowActions(container).map((action) => (
                    <button
                      key={action}
                      type="button"
                      className={`small${action === 'remove' || action === 'kill' ? ' danger-text' : ''}${layout.compactActions ? ' icon-button' : ''}`}
                      disabled={conflicts(action, transition)}
                      onClick={() => props.onAction(action, container)}
                      title={t('actionTitle', { action: t(`actions.${action}`), name: container.name })}
                      aria-label={layout.compactActions ? t(`actions.${action}`) : undefined}
                      {...gate}
                    >
                      {layout.compactActions ? <ActionIcon action={action} /> : t(`actions.${action}`)}
                    </button>
                  ))}
                  <button
                    type="button"
                    className={`small${layout.compactActions ? ' icon-button' : ''}`}
                    disabled={transition !== undefined && transition.answeredAt === undefined}
                    onClick={() => props.onExport(container)}
                    title={t('exportTitle', { name: container.name })}
                    aria-label={layout.compactActions ? exportLabel : undefined}
                    {...gate}
                  >
                    {layout.compactActions ? <ActionIcon action="export" /> : exportLabel}
                  </button>
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
