import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPath, scalarText, splitMatches, type TreeRow } from './json-tree-model';

/** At the default text size; rows are measured once rendered (they grow with the text). */
export const ROW_HEIGHT = 26;
/** In rem, so the indentation grows with the text as the keys do. */
const INDENT = 1.125;

function Highlighted({ text, query }: { text: string; query: string }) {
  return <>{splitMatches(text, query).map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : part.text))}</>;
}

interface JsonTreeRowProps {
  row: TreeRow;
  index: number;
  top: number;
  measure(element: Element | null): void;
  /** The row Tab lands on (the selected one, else the first). */
  tabStop: boolean;
  selected: boolean;
  current: boolean;
  query: string;
  onSelect(index: number): void;
  onToggle(row: TreeRow): void;
}

/** One node: a disclosure triangle, its key, and its value (or a summary of its children). */
export const JsonTreeRow = memo(function JsonTreeRow({ row, index, top, measure, tabStop, selected, current, query, onSelect, onToggle }: JsonTreeRowProps) {
  const { t } = useTranslation('json-tree');
  const expandable = row.size > 0;
  const text = scalarText(row.value);
  const keyText = typeof row.key === 'number' ? String(row.key) : row.key;
  const summary = row.kind === 'array' ? t('summary.items', { count: row.size }) : t('summary.keys', { count: row.size });
  return (
    <div
      role="treeitem"
      aria-level={row.depth + 1}
      aria-posinset={row.posInSet}
      aria-setsize={row.setSize}
      aria-expanded={expandable ? row.expanded : undefined}
      aria-selected={selected}
      tabIndex={tabStop ? 0 : -1}
      ref={measure}
      data-index={index}
      data-path={formatPath(row.path)}
      className={`json-row${selected ? ' selected' : ''}${current ? ' current-match' : ''}`}
      style={{ transform: `translateY(${top}px)`, paddingLeft: `calc(6px + ${row.depth * INDENT}rem)` }}
      onClick={() => onSelect(index)}
      onDoubleClick={() => expandable && onToggle(row)}
    >
      <span
        className={`json-twisty${expandable ? '' : ' leaf'}`}
        aria-hidden="true"
        onClick={(event) => {
          event.stopPropagation();
          onSelect(index);
          if (expandable) onToggle(row);
        }}
      >
        {expandable ? (row.expanded ? '▾' : '▸') : ''}
      </span>
      <span className={typeof row.key === 'number' ? 'json-key json-index' : 'json-key'}>
        <Highlighted text={keyText} query={query} />
      </span>
      <span className="json-colon" aria-hidden="true">
        :
      </span>
      {text !== undefined ? (
        <span className={`json-value json-${row.kind}`} title={text.length > 60 ? text : undefined}>
          {row.kind === 'string' ? (
            <>
              {'"'}
              <Highlighted text={text} query={query} />
              {'"'}
            </>
          ) : (
            <Highlighted text={text} query={query} />
          )}
        </span>
      ) : (
        <span className="json-summary">
          {row.kind === 'array' ? '[' : '{'}
          {row.size === 0 ? '' : <span className="muted">{summary}</span>}
          {row.kind === 'array' ? ']' : '}'}
        </span>
      )}
    </div>
  );
});
