import { defaultRangeExtractor, type Range, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';
import { HEADER_ROW, type RowFocus } from './useRowFocus';

/** The Tab stop as it stands: the focused row when it is still listed, else the row that took its place. */
export interface GridStop {
  id: string;
  /** -1: the header row. */
  index: number;
  column: number;
}

/** A row of the grid: a container, or a group row (a compose project). */
export interface GridRow {
  id: string;
}

export function resolveStop(containers: readonly GridRow[], focus: RowFocus, lastIndex: number): GridStop {
  if (focus.focusedId === HEADER_ROW || containers.length === 0)
    return { id: HEADER_ROW, index: -1, column: focus.focusedId === HEADER_ROW ? focus.column : 0 };
  const found = focus.focusedId === undefined ? -1 : containers.findIndex((container) => container.id === focus.focusedId);
  const index = found >= 0 ? found : Math.min(Math.max(lastIndex, 0), containers.length - 1);
  return { id: containers[index]?.id ?? HEADER_ROW, index, column: found >= 0 ? focus.column : 0 };
}

/** The rows in view, and the focused one wherever it is: it stays in the DOM, so scrolling never takes the focus away. */
export function rangeWith(index: number): (range: Range) => number[] {
  return (range) => {
    const indexes = defaultRangeExtractor(range);
    if (index < 0 || index >= range.count || indexes.includes(index)) return indexes;
    return [...indexes, index].sort((a, b) => a - b);
  };
}

/** A row's controls in key order: the row itself (not the header's), then its enabled [data-grid-item]s. */
function controlsOf(row: HTMLElement): HTMLElement[] {
  const items = [...row.querySelectorAll<HTMLElement>('[data-grid-item]')].filter((item) => !(item as HTMLButtonElement).disabled);
  return row.dataset.gridRow === 'header' ? items : [row, ...items];
}

interface GridKeysOptions<Row extends GridRow> {
  containers: readonly Row[];
  focus: RowFocus;
  stop: GridStop;
  gridRef: RefObject<HTMLElement | null>;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  onOpen(container: Row): void;
  onToggle(id: string): void;
  /** Keys the grid leaves alone, with the focused row's container (F2 renames it). */
  onRowKeyDown?(event: KeyboardEvent, container: Row): void;
  /** Keys of one kind of row that take the place of the grid's own (a group row's arrows expand and collapse). */
  rowKeys?(row: Row, context: { onRow: boolean; index: number; moveTo(index: number, column: number): void }): Record<string, () => void> | undefined;
}

/**
 * The containers list as a WAI-ARIA grid with one Tab stop (roving tabindex): Up/Down move between
 * rows (the header row included), Left/Right between a row's controls, Home/End to the first/last
 * row (or the first/last control of the row when on a control), Ctrl+Home/End to the first/last
 * row, PageUp/PageDown by a page; Enter opens, Space selects the focused row.
 */
export function useGridKeys<Row extends GridRow>({
  containers,
  focus,
  stop,
  gridRef,
  virtualizer,
  onOpen,
  onToggle,
  onRowKeyDown,
  rowKeys,
}: GridKeysOptions<Row>) {
  const pending = useRef(false);

  const rowElement = useCallback(
    (index: number): HTMLElement | null =>
      gridRef.current?.querySelector<HTMLElement>(index < 0 ? '[data-grid-row=header]' : `[data-grid-row=body][data-index="${index}"]`) ?? null,
    [gridRef],
  );

  const moveTo = useCallback(
    (index: number, column: number) => {
      const clamped = Math.max(-1, Math.min(containers.length - 1, index));
      pending.current = true;
      focus.setFocus(clamped < 0 ? HEADER_ROW : (containers[clamped]?.id ?? HEADER_ROW), Math.max(0, column));
    },
    [containers, focus],
  );

  // After a move: scroll the row into view (the virtualizer renders it) and focus its control.
  useLayoutEffect(() => {
    if (!pending.current) return;
    pending.current = false;
    if (stop.index >= 0) virtualizer.scrollToIndex(stop.index, { align: 'auto' });
    const place = (): void => {
      const row = rowElement(stop.index);
      if (!row) return;
      const controls = controlsOf(row);
      controls[Math.min(stop.column, controls.length - 1)]?.focus({ preventScroll: stop.index < 0 });
    };
    place();
    if (!gridRef.current?.contains(document.activeElement)) requestAnimationFrame(place);
  }, [stop, virtualizer, rowElement, gridRef]);

  // Exactly one Tab stop: every row and control is rendered with tabIndex -1, and the stop gets 0 here.
  // The focus was in the list and its element went away (a removed row, Stop that became Start):
  // it goes to the stop, the row (or control) in its place, rather than to the page.
  const hadFocus = useRef(false);
  useLayoutEffect(() => {
    const grid = gridRef.current;
    if (!grid) return;
    const row = rowElement(stop.index);
    const controls = row ? controlsOf(row) : [];
    const target = controls[Math.min(stop.column, controls.length - 1)];
    for (const element of grid.querySelectorAll<HTMLElement>('[tabindex="0"]')) if (element !== target) element.tabIndex = -1;
    if (!target) return;
    target.tabIndex = 0;
    if (hadFocus.current && (document.activeElement === document.body || document.activeElement === null)) target.focus({ preventScroll: true });
  });

  const onFocus = useCallback(
    (event: FocusEvent) => {
      hadFocus.current = true;
      const row = (event.target as HTMLElement).closest<HTMLElement>('[data-grid-row]');
      if (!row) return;
      const column = controlsOf(row).indexOf(event.target as HTMLElement);
      const id = row.dataset.gridRow === 'header' ? HEADER_ROW : (row.dataset.containerId ?? '');
      if (column >= 0 && (id !== focus.focusedId || column !== focus.column)) focus.setFocus(id, column);
    },
    [focus],
  );

  const onBlur = useCallback(
    (event: FocusEvent) => {
      const left = event.target;
      // A control removed while focused is not the user leaving: decided once the DOM has settled.
      requestAnimationFrame(() => {
        if (left.isConnected && !gridRef.current?.contains(document.activeElement)) hadFocus.current = false;
      });
    },
    [gridRef],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      const row = target.closest<HTMLElement>('[data-grid-row]');
      if (!row || event.altKey) return;
      const controls = controlsOf(row);
      const column = Math.max(0, controls.indexOf(target));
      const onRow = row.dataset.gridRow === 'body' && column === 0;
      const page = Math.max(1, virtualizer.getVirtualItems().length - 2);
      const last = containers.length - 1;
      const container = stop.index >= 0 ? containers[stop.index] : undefined;
      const keys: Record<string, () => void> = {
        ArrowDown: () => moveTo(stop.index + 1, column),
        ArrowUp: () => moveTo(stop.index - 1, column),
        ArrowRight: () => moveTo(stop.index, Math.min(column + 1, controls.length - 1)),
        ArrowLeft: () => moveTo(stop.index, column - 1),
        PageDown: () => moveTo(Math.min(stop.index + page, last), column),
        PageUp: () => moveTo(Math.max(stop.index - page, 0), column),
        Home: () => (event.ctrlKey || event.metaKey || onRow ? moveTo(0, column) : moveTo(stop.index, row.dataset.gridRow === 'header' ? 0 : 1)),
        End: () => (event.ctrlKey || event.metaKey || onRow ? moveTo(last, column) : moveTo(stop.index, controls.length - 1)),
      };
      if (onRow && container) {
        keys.Enter = () => onOpen(container);
        keys[' '] = () => onToggle(container.id);
      }
      if (container && rowKeys) Object.assign(keys, rowKeys(container, { onRow, index: stop.index, moveTo }));
      const action = keys[event.key];
      // Ctrl/Cmd only with Home and End: other chords (Ctrl+A, the palette) are the app's.
      if (action && (!(event.ctrlKey || event.metaKey) || event.key === 'Home' || event.key === 'End')) {
        event.preventDefault();
        event.stopPropagation();
        action();
        return;
      }
      if (container && onRowKeyDown) onRowKeyDown(event, container);
    },
    [containers, stop, moveTo, virtualizer, onOpen, onToggle, onRowKeyDown, rowKeys],
  );

  return { onKeyDown, onFocus, onBlur };
}
