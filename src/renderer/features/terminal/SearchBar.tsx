import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TerminalSurface } from './surface';

/** Find in the scrollback (the search addon): Enter / Shift+Enter for next / previous, Escape closes. */
export function SearchBar({ surface, onClose }: { surface: TerminalSurface; onClose(): void }) {
  const { t } = useTranslation('terminal');
  const [text, setText] = useState('');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [result, setResult] = useState<{ index: number; count: number }>();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    const subscription = surface.search.onDidChangeResults(({ resultIndex, resultCount }) => setResult({ index: resultIndex, count: resultCount }));
    return () => {
      subscription.dispose();
      surface.search.clearDecorations();
    };
  }, [surface]);

  const decorations = {
    matchBackground: '#f0b44c66',
    activeMatchBackground: '#f0b44c',
    matchOverviewRuler: '#f0b44c',
    activeMatchColorOverviewRuler: '#ff7b6e',
  };
  const find = (direction: 'next' | 'previous', term = text, incremental = false): void => {
    if (!term) {
      surface.search.clearDecorations();
      setResult(undefined);
      return;
    }
    const options = { caseSensitive, decorations, incremental };
    if (direction === 'next') surface.search.findNext(term, options);
    else surface.search.findPrevious(term, options);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      find(event.shiftKey ? 'previous' : 'next');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      surface.focus();
    }
  };

  const status = text && result ? (result.count === 0 ? t('search.noMatch') : t('search.results', { index: result.index + 1, count: result.count })) : '';

  return (
    <div className="term-search" role="search" aria-label={t('search.label')}>
      <input
        ref={input}
        type="search"
        value={text}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        onChange={(event) => {
          setText(event.target.value);
          find('next', event.target.value, true);
        }}
        onKeyDown={onKeyDown}
      />
      <label className="check">
        <input type="checkbox" checked={caseSensitive} onChange={(event) => setCaseSensitive(event.target.checked)} />
        {t('search.caseSensitive')}
      </label>
      <span className="muted term-search-status" role="status">
        {status}
      </span>
      <button type="button" className="small" onClick={() => find('previous')} disabled={!text}>
        {t('search.previous')}
      </button>
      <button type="button" className="small" onClick={() => find('next')} disabled={!text}>
        {t('search.next')}
      </button>
      <button type="button" className="ghost small" onClick={onClose} aria-label={t('search.close')}>
        ×
      </button>
    </div>
  );
}
