import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerSummary } from '../../../shared/types/containers';
import { formatDateTime, formatRelative } from '../../format/time';
import { useEngineGate } from '../engine';
import { StatsColumnCells } from '../stats';
import { ActionIcon } from './ActionIcon';
import type { ActionName } from './actions';
import { statusText } from './status-text';
import { SizeCell } from './SizeCell';
import { TransitionBadge } from './TransitionBadge';
import { conflicts, type Transitions } from './transitions';
import { portLines, rowActions } from './row-text';
import type { ColumnLayout } from './useColumnLayout';

interface ContainerRowProps {
  container: ContainerSummary;
  /** Its place in the list (0-based), for the virtualizer and aria-rowindex. */
  index: number;
  start: number;
  measure(element: Element | null): void;
  selected: boolean;
  transitions: Transitions;
  layout: ColumnLayout;
  exportLabel: string;
  onToggle(id: string, additive: boolean): void;
  onAction(action: ActionName, container: ContainerSummary): void;
  onOpen(container: ContainerSummary): void;
  onExport(container: ContainerSummary): void;
  onRename(container: ContainerSummary): void;
  /** The size column (`docker ps --size`) is shown. */
  showSize: boolean;
  /** Listed under its compose project's group row (indented). */
  inProject?: boolean;
}

/**
 * One row of the containers grid. The row and its controls ([data-grid-item]) are all tabIndex -1:
 * useGridKeys gives the list's one Tab stop to one of them. Columns without room (layout.wrapped)
 * are on the row's second line, each under its column's name.
 */
export function ContainerRow(props: ContainerRowProps) {
  const { t, i18n } = useTranslation('containers');
  const { t: tm } = useTranslation('manage');
  const { gate } = useEngineGate();
  const { container, layout, selected } = props;
  const transition = props.transitions.get(container.id);
  const stateLabel = t(`states.${container.state}`);
  const status = statusText(container.status, t, i18n.language);
  const ports = portLines(container, (count) => t('portsMore', { count }));
  const age = formatRelative(container.created, i18n.language, Date.now(), 'short');
  const wrapped = (column: 'image' | 'ports' | 'created'): boolean => layout.wrapped.has(column);
  const label = (column: string): ReactNode => <span className="cell-label">{t(`columns.${column}`)}</span>;

  const image = (
    <span role="gridcell" className="cell image-cell" title={container.image}>
      {wrapped('image') && label('image')}
      {container.image}
    </span>
  );
  const portsCell = (
    <span role="gridcell" className="cell ports-cell mono" title={ports.all || undefined}>
      {wrapped('ports') && label('ports')}
      {ports.lines.map((line) => (
        <span key={line} className="port-line">
          {line}
        </span>
      ))}
    </span>
  );
  const created = (
    <span role="gridcell" className="cell created-cell" title={`${age} · ${formatDateTime(container.created, i18n.language)}`}>
      {wrapped('created') && label('created')}
      {age}
    </span>
  );
  const stats = <StatsColumnCells container={container} labelled={layout.wrapped.has('stats')} />;
  const button = (key: string, className: string, content: ReactNode, extra: Record<string, unknown>) => (
    <button key={key} type="button" tabIndex={-1} data-grid-item="" className={`small${className}${layout.compactActions ? ' icon-button' : ''}`} {...extra}>
      {content}
    </button>
  );

  return (
    <div
      role="row"
      tabIndex={-1}
      ref={props.measure}
      data-index={props.index}
      data-grid-row="body"
      data-container-id={container.id}
      aria-rowindex={props.index + 2}
      aria-selected={selected}
      aria-busy={transition !== undefined}
      data-container-name={container.name}
      data-state={container.state}
      className={`row${selected ? ' selected' : ''}${layout.wrapped.size ? ' wraps' : ''}${props.inProject ? ' in-project' : ''}`}
      style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${props.start}px)` }}
      onClick={(event) => {
        if ((event.target as HTMLElement).closest('button, input')) return;
        props.onToggle(container.id, event.ctrlKey || event.metaKey);
      }}
    >
      <span role="gridcell" className="cell select-cell">
        <input
          type="checkbox"
          tabIndex={-1}
          data-grid-item=""
          checked={selected}
          onChange={() => props.onToggle(container.id, true)}
          aria-label={t('selectOne', { name: container.name })}
        />
      </span>
      <span role="gridcell" className="cell name-cell" title={`${container.name}\n${container.id}`}>
        <span className="name-line">
          <button type="button" tabIndex={-1} data-grid-item="" className="name-link" onClick={() => props.onOpen(container)}>
            {container.name}
          </button>
          <button
            type="button"
            tabIndex={-1}
            data-grid-item=""
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
      {!wrapped('image') && image}
      <span role="gridcell" className="cell state-cell" title={transition ? undefined : `${stateLabel} · ${status}`}>
        {transition ? (
          <TransitionBadge transition={transition} />
        ) : (
          <>
            <span className={`state-pill state-${container.state}`}>{stateLabel}</span>
            <span className="muted status-text">{status}</span>
          </>
        )}
      </span>
      {!layout.wrapped.has('stats') && stats}
      {!wrapped('ports') && portsCell}
      {!wrapped('created') && created}
      {props.showSize && !layout.wrapped.has('size') && <SizeCell sizes={container.sizes} />}
      <span role="gridcell" className={`cell actions-cell${layout.compactActions ? ' compact' : ''}`}>
        {rowActions(container).map((action) =>
          button(
            action,
            action === 'remove' || action === 'kill' ? ' danger-text' : '',
            layout.compactActions ? <ActionIcon action={action} /> : t(`actions.${action}`),
            {
              disabled: conflicts(action, transition),
              onClick: () => props.onAction(action, container),
              title: t('actionTitle', { action: t(`actions.${action}`), name: container.name }),
              'aria-label': layout.compactActions ? t(`actions.${action}`) : undefined,
              ...gate,
            },
          ),
        )}
        {button('export', '', layout.compactActions ? <ActionIcon action="export" /> : props.exportLabel, {
          disabled: transition !== undefined && transition.answeredAt === undefined,
          onClick: () => props.onExport(container),
          title: t('exportTitle', { name: container.name }),
          'aria-label': layout.compactActions ? props.exportLabel : undefined,
          ...gate,
        })}
      </span>
      {layout.wrapped.size > 0 && (
        <div className="row-more">
          {wrapped('image') && image}
          {layout.wrapped.has('stats') && stats}
          {wrapped('ports') && portsCell}
          {wrapped('created') && created}
          {props.showSize && layout.wrapped.has('size') && <SizeCell sizes={container.sizes} label={label('size')} />}
        </div>
      )}
    </div>
  );
}
