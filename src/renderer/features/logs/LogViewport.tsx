import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import { useTextScale } from '../../format/text-scale';
import type { LogLineStore } from './lineStore';
import { fixedGeometry, scrollMap, WrapGeometry, type RowGeometry, type RowSource } from './layout';
import { GapRow, LogRow } from './LogRow';
import { GAP, type LogSearch, type MatchPosition } from './search';

const OVERSCAN_ROWS = 12;
/** The view counts as "at the bottom" within this many pixels. */
const BOTTOM_SLACK_PX = 4;

export interface LineSelection {
  from: number;
  to: number;
}

interface LogViewportLabels {
  region: string;
  stderr: string;
  continued: string;
  gap: string;
  jump: string;
}

export interface LogViewportProps {
  store: LogLineStore;
  /** The store's change count when this render was asked for. */
  version: number;
  rows: RowSource;
  projected: boolean;
  wrap: boolean;
  showTimestamps: boolean;
  formatTime(timestamp: string): string;
  /** The search whose matches are marked: only its matching lines run its expression. */
  highlight: Pick<LogSearch, 'query' | 'isMatchLine'> | null;
  current: MatchPosition | null;
  /** Bumped each time the user moves to a match: the view scrolls to it. */
  revealKey: number;
  follow: boolean;
  selection: LineSelection | null;
  /** The keyboard's line: ArrowUp/ArrowDown move it (Shift extends the selection from where it began). */
  cursor: number | null;
  onCursor(seq: number, extend: boolean): void;
  /** Escape with lines selected. */
  onClearSelection(): void;
  onGutterClick(seq: number, event: MouseEvent): void;
  /** Ctrl/Cmd+C without a text selection: copy the selected lines. */
  onCopyLines(): void;
  labels: LogViewportLabels;
  /** Shown over the empty view. */
  emptyText?: string;
}

interface Metrics {
  lineHeight: number;
  charWidth: number;
  /** Columns of text a row has room for (wrapping). */
  columns: number;
}

/**
 * The virtualized log: only the rows in view (plus a few) are in the DOM, laid out in normal flow
 * inside a window moved to the first one's offset, so a row taller than computed cannot overlap
 * the next. With follow on it stays at the bottom until the user scrolls up; then it keeps the
 * lines in view still (even when the oldest lines leave the buffer) and offers a way back down.
 */
export function LogViewport(props: LogViewportProps) {
  const { store, version, rows, wrap, showTimestamps, follow, labels } = props;
  const scrollerRef = useRef<HTMLDivElement>(null);
  const probeRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [metrics, setMetrics] = useState<Metrics>({ lineHeight: 18, charWidth: 7.5, columns: 120 });
  const [detached, setDetached] = useState(false);
  const stickRef = useRef(true);
  const programmaticTop = useRef<number | null>(null);
  const anchorRef = useRef<{ seq: number; delta: number } | null>(null);
  const widestRef = useRef(0);
  const wrapGeometry = useRef(new WrapGeometry());
  const digits = String(store.endSeq).length;
  // A new text size changes the line height and the character width: measured again.
  const scale = useTextScale();

  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const observer = new ResizeObserver(() => setSize({ width: scroller.clientWidth, height: scroller.clientHeight }));
    observer.observe(scroller);
    setSize({ width: scroller.clientWidth, height: scroller.clientHeight });
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const probe = probeRef.current;
    const text = probe?.querySelector<HTMLElement>('.log-text');
    if (!probe || !text || size.width === 0) return;
    const lineHeight = probe.getBoundingClientRect().height || 18;
    const charWidth = text.firstElementChild!.getBoundingClientRect().width / 64 || 7.5;
    const columns = Math.max(8, Math.floor((text.getBoundingClientRect().width - 2) / charWidth));
    setMetrics((old) => (old.lineHeight === lineHeight && old.charWidth === charWidth && old.columns === columns ? old : { lineHeight, charWidth, columns }));
  }, [size.width, showTimestamps, digits, scale]);

  const geometry: RowGeometry = useMemo(
    () =>
      wrap ? wrapGeometry.current.update(store, rows, props.projected, metrics.columns, metrics.lineHeight) : fixedGeometry(rows.count, metrics.lineHeight),
    // version: the store changed (rows may be the same object for the whole-store view).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [wrap, store, rows, props.projected, metrics, version],
  );
  const map = useMemo(() => scrollMap(geometry.total, size.height), [geometry, size.height]);

  const setTop = useCallback((top: number) => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const max = Math.max(0, scroller.scrollHeight - scroller.clientHeight);
    const clamped = Math.max(0, Math.min(max, Math.round(top)));
    if (Math.abs(scroller.scrollTop - clamped) < 1) return;
    programmaticTop.current = clamped;
    scroller.scrollTop = clamped;
    setScrollTop(clamped);
  }, []);

  const rememberAnchor = useCallback(
    (top: number) => {
      if (rows.count === 0) return void (anchorRef.current = null);
      const virtualTop = map.toVirtual(top);
      const index = geometry.indexAt(virtualTop);
      let seq = rows.seqAt(index);
      for (let i = index + 1; seq === GAP && i < rows.count; i++) seq = rows.seqAt(i);
      anchorRef.current = { seq, delta: virtualTop - geometry.offset(rows.indexOf(seq)) };
    },
    [rows, map, geometry],
  );

  const detach = useCallback(() => {
    if (!stickRef.current) return;
    stickRef.current = false;
    if (follow) setDetached(true);
  }, [follow]);

  const onScroll = (): void => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const top = scroller.scrollTop;
    setScrollTop(top);
    if (programmaticTop.current !== null && Math.abs(programmaticTop.current - top) < 1) {
      programmaticTop.current = null;
      return;
    }
    programmaticTop.current = null;
    const atBottom = scroller.scrollHeight - top - scroller.clientHeight <= BOTTOM_SLACK_PX;
    stickRef.current = atBottom;
    setDetached(follow && !atBottom);
    rememberAnchor(top);
  };

  const jumpToLatest = useCallback(() => {
    stickRef.current = true;
    setDetached(false);
    const scroller = scrollerRef.current;
    if (scroller) setTop(scroller.scrollHeight);
  }, [setTop]);

  // Follow turned on: start at the bottom. Off: the view stays where it is.
  useEffect(() => {
    if (follow) jumpToLatest();
    else setDetached(false);
  }, [follow, jumpToLatest]);

  // After every change: stick to the bottom, or keep the same lines in view.
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    // Like a terminal, the view starts at the newest line and stays there until scrolled up.
    if (stickRef.current) {
      setTop(scroller.scrollHeight);
      return;
    }
    const anchor = anchorRef.current;
    if (!anchor || !store.has(anchor.seq)) return;
    const wanted = map.toPhysical(geometry.offset(rows.indexOf(anchor.seq)) + anchor.delta);
    if (Math.abs(wanted - scroller.scrollTop) >= 1) setTop(wanted);
  }, [geometry, map, rows, store, follow, setTop, version]);

  // Moving to a match: bring its line into the middle of the view, and its column into view.
  useLayoutEffect(() => {
    const current = props.current;
    const scroller = scrollerRef.current;
    if (!current || !scroller || props.revealKey === 0) return;
    const index = rows.indexOf(current.seq);
    if (rows.seqAt(index) !== current.seq) return;
    detach();
    const rowTop = geometry.offset(index);
    const virtualTop = map.toVirtual(scroller.scrollTop);
    if (rowTop < virtualTop || rowTop + geometry.height(index) > virtualTop + scroller.clientHeight) {
      setTop(map.toPhysical(rowTop - scroller.clientHeight / 2 + geometry.height(index) / 2));
    }
    rememberAnchor(scroller.scrollTop);
    requestAnimationFrame(() => {
      const mark = scroller.querySelector<HTMLElement>('.log-row.current .log-match.current');
      if (!mark || wrap) return;
      const box = mark.getBoundingClientRect();
      const view = scroller.getBoundingClientRect();
      if (box.left < view.left + 60 || box.right > view.right - 20) scroller.scrollLeft += box.left - view.left - view.width / 3;
    });
    // Only when the user moves to a match, not on every change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.revealKey]);

  /** Scrolls the least that shows the row at `index` whole. */
  const reveal = (index: number): void => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const rowTop = geometry.offset(index);
    const rowBottom = rowTop + geometry.height(index);
    const viewTop = map.toVirtual(scroller.scrollTop);
    if (rowTop < viewTop) setTop(map.toPhysical(rowTop));
    else if (rowBottom > viewTop + scroller.clientHeight) setTop(map.toPhysical(rowBottom - scroller.clientHeight));
    rememberAnchor(scrollerRef.current?.scrollTop ?? 0);
  };

  /** The row the cursor moves to: the next line that is not a gap; with no cursor yet, the first (or last) line in view. */
  const cursorTarget = (direction: 1 | -1): number | null => {
    if (rows.count === 0) return null;
    const viewTop = map.toVirtual(scrollTop);
    const at = props.cursor === null ? -1 : rows.indexOf(props.cursor);
    const placed = at >= 0 && rows.seqAt(at) === props.cursor;
    let index = placed ? at + direction : direction === 1 ? geometry.indexAt(viewTop) : geometry.indexAt(viewTop + size.height - 1);
    while (index >= 0 && index < rows.count && rows.seqAt(index) === GAP) index += direction;
    return index >= 0 && index < rows.count ? index : null;
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      detach();
      const index = cursorTarget(event.key === 'ArrowDown' ? 1 : -1);
      if (index === null) return;
      props.onCursor(rows.seqAt(index), event.shiftKey);
      reveal(index);
      return;
    }
    if (event.key === 'Escape' && props.selection) {
      event.preventDefault();
      event.stopPropagation();
      props.onClearSelection();
      return;
    }
    if (['PageUp', 'Home'].includes(event.key)) detach();
    if (event.key === 'End' && follow) jumpToLatest();
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'c' && props.selection) {
      const selected = window.getSelection();
      if (!selected || selected.isCollapsed) {
        event.preventDefault();
        props.onCopyLines();
      }
    }
  };

  const virtualTop = map.toVirtual(scrollTop);
  const first = rows.count ? Math.max(0, geometry.indexAt(virtualTop) - OVERSCAN_ROWS) : 0;
  const last = rows.count ? Math.min(rows.count - 1, geometry.indexAt(virtualTop + size.height) + OVERSCAN_ROWS) : -1;
  const windowTop = scrollTop + (geometry.offset(first) - virtualTop);

  const rendered = [];
  let widest = widestRef.current;
  for (let index = first; index <= last; index++) {
    const seq = rows.seqAt(index);
    const height = geometry.height(index);
    if (seq === GAP || !store.has(seq)) {
      rendered.push(<GapRow key={`gap-${index}`} height={height} label={labels.gap} />);
      continue;
    }
    if (!wrap) widest = Math.max(widest, store.width(seq));
    const timestamp = store.timestamp(seq);
    const current = props.current?.seq === seq ? props.current.occurrence : -1;
    const selected = props.selection !== null && seq >= props.selection.from && seq <= props.selection.to;
    rendered.push(
      <LogRow
        key={seq}
        seq={seq}
        rowIndex={index + 1}
        lineNumber={store.lineNumber(seq)}
        raw={store.raw(seq)}
        plain={store.plain(seq)}
        stderr={store.isStderr(seq)}
        partial={store.isPartial(seq)}
        timestamp={timestamp}
        timeText={showTimestamps ? (timestamp ? props.formatTime(timestamp) : '') : undefined}
        height={height}
        highlight={props.highlight?.isMatchLine(seq) ? props.highlight.query.all : null}
        currentOccurrence={current}
        selected={selected}
        cursor={props.cursor === seq}
        stderrLabel={labels.stderr}
        continuedLabel={labels.continued}
        onGutterClick={props.onGutterClick}
      />,
    );
  }
  widestRef.current = widest;
  const contentWidth = wrap ? undefined : `calc(${widest + 2}ch + ${digits + 3}ch + ${showTimestamps ? 25 : 0}ch + 24px)`;

  return (
    <div className="log-viewport-wrap">
      <div
        ref={scrollerRef}
        className={`log-viewport ${wrap ? 'wrap' : 'nowrap'}`}
        role="log"
        aria-live="off"
        aria-label={labels.region}
        tabIndex={0}
        data-testid="log-viewport"
        data-row-count={rows.count}
        onScroll={onScroll}
        onWheel={(event) => event.deltaY < 0 && detach()}
        onKeyDown={onKeyDown}
        style={{ '--gutter-ch': `${digits + 2}ch` } as CSSProperties}
      >
        <div className="log-spacer" style={{ height: map.physical, minWidth: contentWidth }}>
          {/* Only the lines in view are rendered: the count and each row's place say where they are. */}
          <div className="log-window" role="table" aria-label={labels.region} aria-rowcount={rows.count} style={{ transform: `translateY(${windowTop}px)` }}>
            {rendered}
          </div>
        </div>
        <div ref={probeRef} className="log-row log-probe" aria-hidden="true">
          <span className="log-gutter">{'9'.repeat(digits)}</span>
          {showTimestamps && <span className="log-time">0000-00-00 00:00:00.000</span>}
          <span className="log-text">
            <span>{'M'.repeat(64)}</span>
          </span>
        </div>
      </div>
      {props.emptyText && (
        <p className="log-empty" data-testid="log-empty">
          {props.emptyText}
        </p>
      )}
      {detached && (
        <button type="button" className="log-jump primary small" onClick={jumpToLatest}>
          {labels.jump}
        </button>
      )}
    </div>
  );
}
