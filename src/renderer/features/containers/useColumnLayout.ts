import { useLayoutEffect, useMemo, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerSummary } from '../../../shared/types/containers';
import { useTextScale } from '../../format/text-scale';
import { formatRelative } from '../../format/time';
import { fitColumns, type ColumnNeed } from './column-widths';
import { portLines, rowActions } from './row-text';
import { exitCodeText, statusText } from './status-text';
import { sizeLines } from './SizeCell';

// These follow app.css at the default text size (16 px root); every one grows with the text (×scale):
// .cell padding, .small buttons, .state-pill, .icon-button, .actions-cell gaps.
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

/** Columns that move to a second line of every row when the row has no room for them, first to go first. */
const WRAP_ORDER = ['size', 'stats', 'ports', 'created', 'image'] as const;
type WrapColumn = (typeof WRAP_ORDER)[number];

export interface ColumnLayout {
  /** grid-template-columns for every row (header included); undefined until the width is known. */
  template: string | undefined;
  /** The row actions as icons (named by aria-label and title): their labels do not fit. */
  compactActions: boolean;
  /**
   * Columns with no room at this width and text size: shown under the name on a second line of
   * each row (and of the header), each with its column's name, instead of being cut.
   */
  wrapped: ReadonlySet<WrapColumn>;
  /** Text larger than the default: cells wrap their text rather than cut it, and rows grow. */
  largeText: boolean;
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
 * Columns that cannot have their minimum go to the rows' second line (WRAP_ORDER).
 */
export function useColumnLayout(containers: readonly ContainerSummary[], bodyRef: RefObject<HTMLElement | null>, showSize = false): ColumnLayout {
  const { t, i18n } = useTranslation('containers');
  const [available, setAvailable] = useState<number>();
  const scale = useTextScale();

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
    const font = (size: number, weight = 400, face = family): string => `${weight} ${size * scale}px ${face}`;
    const header = (key: string, sortable = true): number => measure(`${t(`columns.${key}`)}${sortable ? ' ▼' : ''}`, font(12.5, 600));
    const headers = { name: header('name'), image: header('image'), state: header('state'), ports: header('ports', false), created: header('created') };
    let name = headers.name;
    let image = headers.image;
    let state = headers.state;
    let pill = 0;
    // The state column never gets so narrow that it cuts an exit code ("Exited (137)"); only the time after it.
    let stateMin = 0;
    let ports = headers.ports;
    let created = headers.created;
    let actionsFull = header('actions', false);
    let actionsCompact = actionsFull;
    let size = showSize ? Math.max(header('size'), measure(t('list-tools:size.pending'), font(14))) : 0;
    for (const container of containers) {
      name = Math.max(name, measure(container.name, font(14, 700)), measure(container.id.slice(0, 12), font(11, 400, mono)));
      image = Math.max(image, measure(container.image, font(14)));
      pill = Math.max(pill, measure(t(`states.${container.state}`), font(11.5)) + PILL_CHROME * scale);
      state = Math.max(state, pill, measure(statusText(container.status, t, i18n.language), font(12)));
      const exit = exitCodeText(container.status, t);
      if (exit) stateMin = Math.max(stateMin, measure(exit, font(12)));
      for (const line of portLines(container, (count) => t('portsMore', { count })).lines) ports = Math.max(ports, measure(line, font(12.5, 400, mono)));
      created = Math.max(created, measure(formatRelative(container.created, i18n.language, Date.now(), 'short'), font(14)));
      const labels = [...rowActions(container).map((action) => t(`actions.${action}`)), t('exportAction')];
      const gaps = labels.length - 1;
      actionsFull = Math.max(
        actionsFull,
        labels.reduce((sum, label) => sum + measure(label, font(12.5)) + BUTTON_CHROME * scale, gaps * BUTTON_GAP * scale),
      );
      actionsCompact = Math.max(actionsCompact, (labels.length * ICON_BUTTON + gaps * ICON_GAP) * scale);
      if (showSize && container.sizes) for (const line of sizeLines(container.sizes, t)) size = Math.max(size, measure(line, font(12)));
    }
    const cell = (width: number): number => Math.ceil(width + (CELL_PADDING + SLACK) * scale);
    // A minimum never cuts the column's header; at large text the cells wrap their text, so the
    // state column needs only its widest pill.
    const min = (base: number, headerWidth: number, floor = 0): number => Math.max(base * scale, cell(headerWidth), cell(floor));
    const columns = {
      name: { want: cell(name), min: min(96, headers.name), max: 340 * scale, tier: 0, grows: true },
      image: { want: cell(image), min: min(80, headers.image), max: 380 * scale, tier: 1, grows: true },
      state: { want: cell(state), min: min(90, headers.state, Math.max(pill, stateMin)), max: 280 * scale, tier: 2 },
      ports: { want: cell(ports), min: min(76, headers.ports), max: 300 * scale, tier: 2 },
      created: { want: cell(created), min: min(56, headers.created), max: 180 * scale, tier: 2 },
      size: { want: cell(size), min: min(58, header('size')), max: 200 * scale, tier: 2 },
    } satisfies Record<string, ColumnNeed>;
    const actionsFewest = cell((3 * ICON_BUTTON + 2 * ICON_GAP) * scale);
    return { columns, actionsFull: cell(actionsFull), actionsCompact: cell(actionsCompact), actionsFewest };
  }, [containers, t, i18n.language, scale, showSize]);

  return useMemo(() => {
    const largeText = scale > 1.05;
    if (available === undefined || available <= 0) return { template: undefined, compactActions: false, wrapped: new Set<WrapColumn>(), largeText };
    const { columns } = needs;
    const stats = (FIXED.cpu + FIXED.memory) * scale;
    const select = FIXED.select * scale;
    const wrapped = new Set<WrapColumn>();
    const shown = (): ColumnNeed[] => [
      columns.name,
      ...(wrapped.has('image') ? [] : [columns.image]),
      columns.state,
      ...(wrapped.has('ports') ? [] : [columns.ports]),
      ...(wrapped.has('created') ? [] : [columns.created]),
      // The size column exists only while shown (docker ps --size); then it is the first to wrap.
      ...(!showSize || wrapped.has('size') ? [] : [columns.size]),
    ];
    const fixed = (): number => select + (wrapped.has('stats') ? 0 : stats);
    const sum = (needs: ColumnNeed[], pick: (need: ColumnNeed) => number): number => needs.reduce((total, need) => total + pick(need), 0);
    for (const column of WRAP_ORDER.filter((column) => showSize || column !== 'size')) {
      if (fixed() + sum(shown(), (need) => need.min) + needs.actionsCompact <= available) break;
      wrapped.add(column);
    }
    const wanted = sum(shown(), (need) => Math.min(need.max, Math.max(need.min, need.want)));
    const compactActions = fixed() + wanted + needs.actionsFull > available;
    // No room even for the icons in one line: they wrap in the cell (three a line at least).
    const iconsRoom = available - fixed() - sum(shown(), (need) => need.min);
    const actions = compactActions ? Math.max(needs.actionsFewest, Math.min(needs.actionsCompact, iconsRoom)) : needs.actionsFull;
    const widths = fitColumns(shown(), available - fixed() - actions);
    const px = (width: number | undefined): string => `${Math.floor(width ?? 0)}px`;
    const [name, ...rest] = widths;
    const take = (column: WrapColumn): number[] => (wrapped.has(column) ? [] : [rest.shift() ?? 0]);
    const image = take('image');
    const state = rest.shift() ?? 0;
    const ports = take('ports');
    const created = take('created');
    const size = showSize ? take('size') : [];
    const statsColumns = wrapped.has('stats') ? [] : [FIXED.cpu * scale, FIXED.memory * scale];
    const template = [select, name, ...image, state, ...statsColumns, ...ports, ...created, ...size, actions].map(px).join(' ');
    return { template, compactActions, wrapped, largeText };
  }, [available, needs, scale, showSize]);
}
