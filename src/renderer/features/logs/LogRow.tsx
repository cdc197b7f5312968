import { memo, type CSSProperties, type MouseEvent, type ReactNode } from 'react';
import { parseAnsi, type AnsiColor, type AnsiSegment, type AnsiStyle } from './ansi';
import { matchRanges } from './search';

/** Theme colours for the 16 basic ANSI colours (logs.css defines them for light and dark). */
function colorValue(color: AnsiColor): string {
  if (typeof color === 'string') return color;
  if (color < 16) return `var(--ansi-${color})`;
  if (color < 232) {
    const n = color - 16;
    const level = (v: number): number => (v === 0 ? 0 : 55 + v * 40);
    return `rgb(${level(Math.floor(n / 36))}, ${level(Math.floor(n / 6) % 6)}, ${level(n % 6)})`;
  }
  const gray = 8 + (color - 232) * 10;
  return `rgb(${gray}, ${gray}, ${gray})`;
}

function styleOf(style: AnsiStyle | undefined): CSSProperties | undefined {
  if (!style) return undefined;
  let fg = style.fg === undefined ? undefined : colorValue(style.bold && typeof style.fg === 'number' && style.fg < 8 ? style.fg + 8 : style.fg);
  let bg = style.bg === undefined ? undefined : colorValue(style.bg);
  if (style.inverse) [fg, bg] = [bg ?? 'var(--log-bg)', fg ?? 'var(--text)'];
  const decorations = [style.underline ? 'underline' : '', style.strike ? 'line-through' : ''].filter(Boolean).join(' ');
  return {
    ...(fg ? { color: fg } : {}),
    ...(bg ? { backgroundColor: bg } : {}),
    ...(style.bold ? { fontWeight: 700 } : {}),
    ...(style.dim ? { opacity: 0.7 } : {}),
    ...(style.italic ? { fontStyle: 'italic' } : {}),
    ...(decorations ? { textDecoration: decorations } : {}),
  };
}

/** Styled segments cut at the search matches; the current occurrence marked apart. */
function renderText(segments: AnsiSegment[], ranges: Array<[number, number]>, current: number): ReactNode[] {
  const out: ReactNode[] = [];
  let offset = 0;
  let r = 0;
  let key = 0;
  for (const segment of segments) {
    const style = styleOf(segment.style);
    const end = offset + segment.text.length;
    let at = offset;
    while (at < end) {
      while (r < ranges.length && ranges[r]![1] <= at) r++;
      const range = ranges[r];
      if (!range || range[0] >= end) {
        out.push(
          <span key={key++} style={style}>
            {segment.text.slice(at - offset)}
          </span>,
        );
        break;
      }
      if (range[0] > at) {
        out.push(
          <span key={key++} style={style}>
            {segment.text.slice(at - offset, range[0] - offset)}
          </span>,
        );
        at = range[0];
      }
      const stop = Math.min(end, range[1]);
      out.push(
        <mark key={key++} className={r === current ? 'log-match current' : 'log-match'} style={style}>
          {segment.text.slice(at - offset, stop - offset)}
        </mark>,
      );
      at = stop;
    }
    offset = end;
  }
  return out;
}

export interface LogRowProps {
  seq: number;
  /** 1-based position among all the rows of the view (aria-rowindex: only some are rendered). */
  rowIndex: number;
  /** What the gutter shows: 1 for the first line of the current view. */
  lineNumber: number;
  raw: string;
  plain: string;
  stderr: boolean;
  partial: boolean;
  timestamp: string | undefined;
  /** Formatted for display; undefined hides the column. */
  timeText: string | undefined;
  height: number;
  /** Global regex of the search, or null. */
  highlight: RegExp | null;
  /** Which occurrence in this line is the current match, or -1. */
  currentOccurrence: number;
  selected: boolean;
  /** The keyboard's line cursor is on this line. */
  cursor: boolean;
  stderrLabel: string;
  continuedLabel: string;
  onGutterClick(seq: number, event: MouseEvent): void;
}

/** One log line: number, time, text with its ANSI styles and search highlights. */
export const LogRow = memo(function LogRow(props: LogRowProps) {
  const { seq, raw, plain, stderr, partial, timestamp, timeText, highlight, currentOccurrence, selected } = props;
  const segments = parseAnsi(raw);
  const ranges = highlight ? matchRanges(plain, highlight) : [];
  const classes = ['log-row', stderr ? 'stderr' : '', selected ? 'selected' : '', props.cursor ? 'cursor' : '', currentOccurrence >= 0 ? 'current' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={classes}
      role="row"
      aria-rowindex={props.rowIndex}
      data-seq={seq}
      data-stream={stderr ? 'stderr' : 'stdout'}
      style={{ minHeight: props.height }}
    >
      <span
        className="log-gutter"
        role="cell"
        onMouseDown={(event) => event.shiftKey && event.preventDefault()}
        onClick={(event) => props.onGutterClick(seq, event)}
      >
        {stderr && <span className="log-stream-mark" role="img" title={props.stderrLabel} aria-label={props.stderrLabel} />}
        {props.lineNumber}
      </span>
      {timeText !== undefined && (
        <span className="log-time" role="cell" title={timestamp}>
          {timeText}
        </span>
      )}
      <span className="log-text" role="cell">
        {renderText(segments, ranges, currentOccurrence)}
        {partial && <span className="log-continued" role="img" title={props.continuedLabel} aria-label={props.continuedLabel} />}
      </span>
    </div>
  );
});

/** A row standing for lines the filter leaves out. */
export function GapRow({ height, label }: { height: number; label: string }) {
  return (
    <div className="log-row log-gap" style={{ minHeight: height }} aria-hidden="true">
      <span className="log-gutter">⋯</span>
      <span className="log-text muted">{label}</span>
    </div>
  );
}
