import { useLayoutEffect, useMemo, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerSummary } from '../../../shared/types/containers';
import { formatRelative } from '../../format/time';
import { fitColumns, type ColumnNeed } from './column-widths';
import { portLines, rowActions } from './row-text';
import { exitCodeText, statusText } from './status-text';
import { sizeLines } from './SizeCell';

// These follow app.css: .cell padding, .small buttons, .state-pill, .icon-button, .actions-cell gaps.
const CELL_PADDING = 12;
/** Canvas and layout round text differently; a few px keep a measured text from being cut. */
const SLACK = 3;
const BUTTON_CHROME = 18;
const BUTTON_GAP = 4;
const ICON_BUTTON = 25;
const ICON_GAP = 3;
const PILL_CHROME = 18;
/** The checkbox column, and the stats feature's CPU and memory columns. */
const FIXED = { select: 36, cpu: 72, memory: 84 } as const;

export interface ColumnLayout {
  /** grid-template-columns for every row (header included); undefined until the width is known. */
  template: string | undefined;
  /** The row actions as icons (named by aria-label and title): their labels do not fit. */
  compactActions: boolean;
}

function textMeasurer(): (text: string, font: string) => number {
  const context = document.createElement('canvas').getContext('2d');
  return (text, font) => {
    if (!context) return text.length * 8;
    context.font = font;
    return context.measureText(text).width;
  };
}

/**
 * Column widths from what the cells hold, over every listed container (not only the rows in
 * view, so columns do not jump while scrolling): see fitColumns for how they share the width.
 */
export function useColumnLayout(containers: readonly ContainerSummary[], bodyRef: RefObject<HTMLElement | null>, showSize = false): ColumnLayout {
  const { t, i18n } = useTranslation('containers');
  const [available, setAvailable] = useState<number>();

  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const read = (): void => setAvailable(body.clientWidth);
    read();
    const observer = new ResizeObserver(read);
    observer.observe(body);
    return () => observer.disconnect();
  }, [bodyRef]);

  const needs = useMemo(() => {
    const measure = textMeasurer();
    const family = getComputedStyle(document.body).fontFamily;
    const mono = getComputedStyle(document.documentElement).getPropertyValue('--mono').trim() || 'monospace';
    const font = (size: number, weight = 400, face = family): string => `${weight} ${size}px ${face}`;
    const header = (key: string, sortable = true): number => measure(`${t(`columns.${key}`)}${sortable ? ' ▼' : ''}`, font(12.5, 600));
    let name = header('name');
    let image = header('image');
    let state = header('state');
    // The state column never gets so narrow that it cuts an exit code ("Exited (137)"); only the time after it.
    let stateMin = 0;
    let ports = header('ports', false);
    let created = header('created');
    let actionsFull = header('actions', false);
    let actionsCompact = actionsFull;
    let size = showSize ? Math.max(header('size'), measure(t('list-tools:size.pending'), font(14))) : 0;
    for (const container of containers) {
      name = Math.max(name, measure(container.name, font(14, 700)), measure(container.id.slice(0, 12), font(11, 400, mono)));
      image = Math.max(image, measure(container.image, font(14)));
      const pill = measure(t(`states.${container.state}`), font(11.5)) + PILL_CHROME;
      state = Math.max(state, pill, measure(statusText(container.status, t, i18n.language), font(12)));
      const exit = exitCodeText(container.status, t);
      if (exit) stateMin = Math.max(stateMin, measure(exit, font(12)));
      for (const line of portLines(container, (count) => t('portsMore', { count })).lines) ports = Math.max(ports, measure(line, font(12.5, 400, mono)));
      created = Math.max(created, measure(formatRelative(container.created, i18n.language, Date.now(), 'short'), font(14)));
      const labels = [...rowActions(container).map((action) => t(`actions.${action}`)), t('exportAction')];
      const gaps = labels.length - 1;
      actionsFull = Math.max(
        actionsFull,
        labels.reduce((sum, label) => sum + measure(label, font(12.5)) + BUTTON_CHROME, gaps * BUTTON_GAP),
      );
      actionsCompact = Math.max(actionsCompact, labels.length * ICON_BUTTON + gaps * ICON_GAP);
      if (showSize && container.sizes) for (const line of sizeLines(container.sizes, t)) size = Math.max(size, measure(line, font(12)));
    }
    const cell = (width: number): number => Math.ceil(width + CELL_PADDING + SLACK);
    const columns: ColumnNeed[] = [
      { want: cell(name), min: 96, max: 340, tier: 0, grows: true },
      { want: cell(image), min: 80, max: 380, tier: 1, grows: true },
      { want: cell(state), min: Math.max(90, cell(stateMin)), max: 280, tier: 2 },
      { want: cell(ports), min: 76, max: 300, tier: 2 },
      { want: cell(created), min: 56, max: 180, tier: 2 },
      ...(showSize ? [{ want: cell(size), min: 58, max: 200, tier: 2 }] : []),
    ];
    return { columns, actionsFull: cell(actionsFull), actionsCompact: cell(actionsCompact) };
  }, [containers, t, i18n.language, showSize]);

  return useMemo(() => {
    if (available === undefined || available <= 0) return { template: undefined, compactActions: false };
    const fixed = FIXED.select + FIXED.cpu + FIXED.memory;
    const wanted = needs.columns.reduce((sum, need) => sum + Math.min(need.max, Math.max(need.min, need.want)), 0);
    const compactActions = fixed + wanted + needs.actionsFull > available;
    const actions = compactActions ? needs.actionsCompact : needs.actionsFull;
    const [name, image, state, ports, created, ...size] = fitColumns(needs.columns, available - fixed - actions);
    const px = (width: number | undefined): string => `${width ?? 0}px`;
    const template = [FIXED.select, name, image, state, FIXED.cpu, FIXED.memory, ports, created, ...size, actions].map(px).join(' ');
    return { template, compactActions };
  }, [available, needs]);
}
