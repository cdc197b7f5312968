import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { JsonValue } from '../../../shared/types/inspect';
import { goTemplate } from '../../../shared/cli/go-template';
import { containerIds, copyText, pathId, searchJson, type PathSegment } from './json-tree-model';
import { JsonTree } from './JsonTree';
import { useCopy } from './useCopy';
import '../../styles/json-tree.css';

export interface JsonInspectorProps {
  value: JsonValue;
  /** The tree's accessible name, e.g. "Inspect data of web". */
  label: string;
  /** Paths expanded at first (default: none below the top level). */
  initiallyExpanded?: PathSegment[][];
}

/** A JSON document as a searchable tree (copy any value or its path) or as raw JSON. */
export function JsonInspector({ value, label, initiallyExpanded = [] }: JsonInspectorProps) {
  const { t } = useTranslation('json-tree');
  const [mode, setMode] = useState<'tree' | 'raw'>('tree');
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(initiallyExpanded.map(pathId)));
  const [focusedId, setFocusedId] = useState<string>();
  const [query, setQuery] = useState('');
  const [matchIndex, setMatchIndex] = useState(0);
  const { copied, failed, copy } = useCopy();

  const search = useMemo(() => searchJson(value, query), [value, query]);
  const currentMatchId = search.matches[matchIndex];

  // A new query opens every node on the way to a match (what the user had open stays open).
  useEffect(() => {
    setMatchIndex(0);
    if (search.ancestors.size === 0) return;
    setExpanded((current) => new Set([...current, ...search.ancestors]));
  }, [search]);

  useEffect(() => {
    if (currentMatchId) setFocusedId(currentMatchId);
  }, [currentMatchId]);

  const focused = useMemo(() => {
    if (!focusedId) return undefined;
    const path = JSON.parse(focusedId) as PathSegment[];
    let node: JsonValue | undefined = value;
    for (const segment of path) {
      node = node !== null && typeof node === 'object' ? (node as Record<string, JsonValue>)[segment as string] : undefined;
    }
    return node === undefined ? undefined : { path, node };
  }, [focusedId, value]);

  const raw = useMemo(() => (mode === 'raw' ? JSON.stringify(value, null, 2) : ''), [mode, value]);
  const total = search.matches.length;
  const step = (delta: number): void => {
    if (total > 0) setMatchIndex((current) => (current + delta + total) % total);
  };
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') step(event.shiftKey ? -1 : 1);
    else if (event.key === 'Escape') setQuery('');
    else return;
    event.preventDefault();
  };

  return (
    <div className="json-inspector">
      <div className="json-toolbar" role="toolbar" aria-label={t('toolbar')}>
        <div className="segmented" role="group" aria-label={t('mode.label')}>
          <button type="button" className={mode === 'tree' ? 'small active' : 'small'} aria-pressed={mode === 'tree'} onClick={() => setMode('tree')}>
            {t('mode.tree')}
          </button>
          <button type="button" className={mode === 'raw' ? 'small active' : 'small'} aria-pressed={mode === 'raw'} onClick={() => setMode('raw')}>
            {t('mode.raw')}
          </button>
        </div>
        {mode === 'tree' && (
          <>
            <input
              type="search"
              className="json-search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={onSearchKey}
              placeholder={t('search.placeholder')}
              aria-label={t('search.label')}
            />
            <span className="muted json-match-count" aria-live="polite">
              {query.trim() ? (total ? t('search.count', { current: matchIndex + 1, total }) : t('search.none')) : ''}
            </span>
            <button type="button" className="small" disabled={total < 2} onClick={() => step(-1)} aria-label={t('search.previous')}>
              ↑
            </button>
            <button type="button" className="small" disabled={total < 2} onClick={() => step(1)} aria-label={t('search.next')}>
              ↓
            </button>
            <button type="button" className="small" onClick={() => setExpanded(containerIds(value))}>
              {t('expandAll')}
            </button>
            <button type="button" className="small" onClick={() => setExpanded(new Set())}>
              {t('collapseAll')}
            </button>
          </>
        )}
        {mode === 'raw' && (
          <button type="button" className="small" onClick={() => copy(raw, 'json')}>
            {copied === 'json' ? t('copied') : t('copyJson')}
          </button>
        )}
      </div>
      {mode === 'tree' && (
        <div className="json-selection" aria-live="polite">
          {focused ? (
            <>
              <code className="json-path" data-testid="json-selected-path" title={t('templateHint')}>
                {goTemplate(focused.path, focused.node)}
              </code>
              <button type="button" className="small" onClick={() => copy(copyText(focused.node), 'value')}>
                {copied === 'value' ? t('copied') : t('copyValue')}
              </button>
              <button type="button" className="small" onClick={() => copy(goTemplate(focused.path, focused.node), 'path')}>
                {copied === 'path' ? t('copied') : t('copyPath')}
              </button>
            </>
          ) : (
            <span className="muted">{t('selectHint')}</span>
          )}
          {failed && <span className="json-copy-failed">{t('copyFailed')}</span>}
        </div>
      )}
      {mode === 'tree' ? (
        <JsonTree
          value={value}
          label={label}
          expanded={expanded}
          onExpandedChange={setExpanded}
          focusedId={focusedId}
          onFocusedChange={setFocusedId}
          query={query}
          {...(currentMatchId ? { currentMatchId } : {})}
        />
      ) : (
        <pre className="json-raw" tabIndex={0} aria-label={label} data-testid="json-raw">
          {raw}
        </pre>
      )}
    </div>
  );
}
