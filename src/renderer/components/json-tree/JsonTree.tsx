import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { JsonValue } from '../../../shared/types/inspect';
import { useTextScale } from '../../format/text-scale';
import { visibleRows, type TreeRow } from './json-tree-model';
import { JsonTreeRow, ROW_HEIGHT } from './JsonTreeRow';

export interface JsonTreeProps {
  value: JsonValue;
  label: string;
  expanded: ReadonlySet<string>;
  onExpandedChange(next: Set<string>): void;
  /** The focused (selected) node's id. */
  focusedId: string | undefined;
  onFocusedChange(id: string): void;
  /** Highlighted in keys and values. */
  query: string;
  /** The search match being shown, scrolled into view when it changes. */
  currentMatchId?: string;
}

/**
 * A virtualized WAI-ARIA tree: Up/Down move, Right opens or goes to the first child, Left closes
 * or goes to the parent, Enter/Space toggle, Home/End jump. Only the rows in view are in the DOM.
 */
export function JsonTree({ value, label, expanded, onExpandedChange, focusedId, onFocusedChange, query, currentMatchId }: JsonTreeProps) {
  const rows = useMemo(() => visibleRows(value, expanded), [value, expanded]);
  const indexById = useMemo(() => new Map(rows.map((row, index) => [row.id, index])), [rows]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusAfterRender = useRef(false);
  const scale = useTextScale();
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    // A guess until measured: rows grow with the text, and long values wrap at large text.
    estimateSize: () => Math.round(ROW_HEIGHT * scale),
    overscan: 20,
  });
  const focusedIndex = focusedId !== undefined ? (indexById.get(focusedId) ?? -1) : -1;
  const tabStop = focusedIndex >= 0 ? focusedIndex : 0;

  const toggle = useCallback(
    (row: TreeRow) => {
      const next = new Set(expanded);
      if (next.has(row.id)) next.delete(row.id);
      else next.add(row.id);
      onExpandedChange(next);
    },
    [expanded, onExpandedChange],
  );

  const moveTo = useCallback(
    (index: number) => {
      const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
      if (!row) return;
      focusAfterRender.current = true;
      onFocusedChange(row.id);
    },
    [rows, onFocusedChange],
  );

  useEffect(() => {
    if (focusedIndex < 0 || !focusAfterRender.current) return;
    focusAfterRender.current = false;
    virtualizer.scrollToIndex(focusedIndex, { align: 'auto' });
    // The row is rendered by the next frame once scrolled into the virtual window.
    requestAnimationFrame(() => {
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${focusedIndex}"]`)?.focus();
    });
  }, [focusedIndex, virtualizer]);

  useEffect(() => {
    if (!currentMatchId) return;
    const index = indexById.get(currentMatchId);
    if (index !== undefined) virtualizer.scrollToIndex(index, { align: 'center' });
  }, [currentMatchId, indexById, virtualizer]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = focusedIndex >= 0 ? focusedIndex : 0;
    const row = rows[index];
    if (!row) return;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(index + 1);
        break;
      case 'ArrowUp':
        moveTo(index - 1);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case 'PageDown':
        moveTo(index + 15);
        break;
      case 'PageUp':
        moveTo(index - 15);
        break;
      case 'ArrowRight':
        if (row.size > 0 && !row.expanded) toggle(row);
        else if (row.expanded) moveTo(index + 1);
        break;
      case 'ArrowLeft':
        if (row.expanded) toggle(row);
        else if (row.parentId) moveTo(indexById.get(row.parentId) ?? index);
        break;
      case 'Enter':
      case ' ':
        if (row.size > 0) toggle(row);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <div
      className={`json-tree${scale > 1.05 ? ' large-text' : ''}`}
      ref={scrollRef}
      role="tree"
      aria-label={label}
      onKeyDown={onKeyDown}
      data-testid="json-tree"
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <JsonTreeRow
              key={row.id}
              row={row}
              index={item.index}
              top={item.start}
              measure={virtualizer.measureElement}
              tabStop={item.index === tabStop}
              selected={item.index === focusedIndex}
              current={row.id === currentMatchId}
              query={query}
              onSelect={moveTo}
              onToggle={toggle}
            />
          );
        })}
      </div>
    </div>
  );
}
