import type { KeyboardEvent, ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchOptions } from './search';
import type { SearchProblem } from './useLogSearch';

export interface LogSearchBarProps {
  inputRef: RefObject<HTMLInputElement | null>;
  options: SearchOptions;
  onOptions(options: SearchOptions): void;
  filter: boolean;
  onFilter(on: boolean): void;
  context: number;
  onContext(lines: number): void;
  /** 1-based position of the current match, 0 when none is chosen. */
  ordinal: number;
  matches: number;
  lines: number;
  scanning: boolean;
  problem: SearchProblem | null;
  onStep(direction: 1 | -1): void;
  /** Shown at the end of the row. */
  children?: ReactNode;
}

/** Search: highlights every match; Enter / Shift+Enter move between them; filter shows only matching lines. */
export function LogSearchBar(props: LogSearchBarProps) {
  const { t } = useTranslation('logs');
  const { options } = props;
  const onKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      props.onStep(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape' && options.text) {
      event.preventDefault();
      props.onOptions({ ...options, text: '' });
    }
  };

  let status = '';
  if (props.problem?.kind === 'bad-regex') status = t('search.badRegex', { message: props.problem.message });
  else if (props.problem?.kind === 'too-slow') status = t('search.tooSlow', { line: props.problem.line });
  else if (options.text && props.scanning && props.matches === 0) status = t('search.searching');
  else if (options.text && props.matches === 0) status = t('search.none');
  else if (options.text)
    status = props.ordinal ? t('search.position', { index: props.ordinal, count: props.matches }) : t('search.count', { count: props.matches });

  return (
    <div className="toolbar log-search" role="search">
      <input
        ref={props.inputRef}
        type="search"
        className="log-search-input"
        value={options.text}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        aria-invalid={props.problem !== null}
        aria-describedby="log-search-status"
        onChange={(event) => props.onOptions({ ...options, text: event.target.value })}
        onKeyDown={onKey}
      />
      <button
        type="button"
        className={`small mono ${options.caseSensitive ? 'active' : ''}`}
        aria-pressed={options.caseSensitive}
        aria-label={t('search.matchCase')}
        title={t('search.matchCase')}
        onClick={() => props.onOptions({ ...options, caseSensitive: !options.caseSensitive })}
      >
        {t('search.matchCaseShort')}
      </button>
      <button
        type="button"
        className={`small mono ${options.regex ? 'active' : ''}`}
        aria-pressed={options.regex}
        aria-label={t('search.regex')}
        title={t('search.regex')}
        onClick={() => props.onOptions({ ...options, regex: !options.regex })}
      >
        .*
      </button>
      <button
        type="button"
        className="small"
        onClick={() => props.onStep(-1)}
        disabled={props.matches === 0}
        aria-label={t('search.previous')}
        title={t('search.previousKey')}
      >
        ↑
      </button>
      <button
        type="button"
        className="small"
        onClick={() => props.onStep(1)}
        disabled={props.matches === 0}
        aria-label={t('search.next')}
        title={t('search.nextKey')}
      >
        ↓
      </button>
      <label className="check">
        <input type="checkbox" checked={props.filter} onChange={(event) => props.onFilter(event.target.checked)} />
        {t('search.filter')}
      </label>
      <label className="inline-field">
        <span>{t('search.context')}</span>
        <input
          type="number"
          className="log-context-input"
          min={0}
          max={50}
          value={props.context}
          disabled={!props.filter}
          onChange={(event) => props.onContext(Math.max(0, Math.min(50, Math.floor(Number(event.target.value) || 0))))}
        />
      </label>
      <span
        id="log-search-status"
        className={props.problem ? 'log-search-status error' : 'log-search-status muted'}
        role={props.problem ? 'alert' : 'status'}
        data-testid="log-search-status"
        data-scanning={props.scanning}
      >
        {status}
      </span>
      {props.children}
    </div>
  );
}
