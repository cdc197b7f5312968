import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseLogTime } from '../../../shared/logs/time';
import type { LogViewState } from './followStore';
import { normalizeTimeInput } from './logStream';

const TAIL_CHOICES = [100, 1000, 10_000, 100_000, 'all'] as const;

/** The tail choices, with `current` among them when it is another number (a default from Settings). */
function tailChoices(current: number | 'all'): Array<number | 'all'> {
  const numbers: number[] = TAIL_CHOICES.flatMap((choice) => (choice === 'all' ? [] : [choice]));
  if (current !== 'all' && !numbers.includes(current)) numbers.push(current);
  return [...numbers.sort((a, b) => a - b), 'all'];
}
const SINCE_PRESETS = ['', '5m', '15m', '1h', '24h', '168h'] as const;

export interface LogQueryBarProps extends LogViewState {
  onTail(tail: number | 'all'): void;
  onRange(since: string, until: string): void;
  onFollow(follow: boolean): void;
  onTimestamps(on: boolean): void;
  onWrap(on: boolean): void;
}

type RangeProblem = 'since' | 'until' | 'order' | null;

function checkRange(since: string, until: string): RangeProblem {
  const now = Date.now();
  const from = since ? parseLogTime(normalizeTimeInput(since), now) : null;
  const to = until ? parseLogTime(normalizeTimeInput(until), now) : null;
  if (since && from === null) return 'since';
  if (until && to === null) return 'until';
  if (from !== null && to !== null && from > to) return 'order';
  return null;
}

/** What to read (tail, since, until, follow) and how to show it (timestamps, wrap), plus the view's actions. */
export function LogQueryBar(props: LogQueryBarProps) {
  const { t, i18n } = useTranslation('logs');
  const [since, setSince] = useState(props.since);
  const [until, setUntil] = useState(props.until);
  const [problem, setProblem] = useState<RangeProblem>(null);
  useEffect(() => setSince(props.since), [props.since]);
  useEffect(() => setUntil(props.until), [props.until]);

  const apply = (nextSince = since, nextUntil = until): void => {
    const found = checkRange(nextSince.trim(), nextUntil.trim());
    setProblem(found);
    if (found) return;
    const normalizedSince = normalizeTimeInput(nextSince);
    const normalizedUntil = normalizeTimeInput(nextUntil);
    if (normalizedSince !== props.since || normalizedUntil !== props.until) props.onRange(normalizedSince, normalizedUntil);
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') apply();
  };

  return (
    <div className="log-query">
      <div className="toolbar log-toolbar">
        <label className="inline-field">
          <span>{t('query.tail')}</span>
          <select value={String(props.tail)} onChange={(event) => props.onTail(event.target.value === 'all' ? 'all' : Number(event.target.value))}>
            {tailChoices(props.tail).map((choice) => (
              <option key={choice} value={String(choice)}>
                {choice === 'all' ? t('query.tailAll') : t('query.tailLines', { count: choice, countText: choice.toLocaleString(i18n.language) })}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('query.since')}</span>
          <input
            className="log-time-input"
            value={since}
            placeholder={t('query.sincePlaceholder')}
            aria-invalid={problem === 'since' || problem === 'order'}
            onChange={(event) => setSince(event.target.value)}
            onKeyDown={onKey}
            onBlur={() => apply()}
          />
        </label>
        <select
          className="log-presets"
          aria-label={t('query.presets')}
          value=""
          onChange={(event) => {
            setSince(event.target.value);
            apply(event.target.value, until);
          }}
        >
          <option value="" disabled>
            {t('query.presets')}
          </option>
          {SINCE_PRESETS.map((preset) => (
            <option key={preset || 'all'} value={preset}>
              {preset ? t(`query.preset.${preset}`) : t('query.preset.all')}
            </option>
          ))}
        </select>
        <label className="inline-field">
          <span>{t('query.until')}</span>
          <input
            className="log-time-input"
            value={until}
            placeholder={t('query.untilPlaceholder')}
            aria-invalid={problem === 'until' || problem === 'order'}
            onChange={(event) => setUntil(event.target.value)}
            onKeyDown={onKey}
            onBlur={() => apply()}
          />
        </label>
        <label className="check">
          <input type="checkbox" checked={props.follow} onChange={(event) => props.onFollow(event.target.checked)} />
          {t('query.follow')}
        </label>
        <label className="check">
          <input type="checkbox" checked={props.timestamps} onChange={(event) => props.onTimestamps(event.target.checked)} />
          {t('query.timestamps')}
        </label>
        <label className="check">
          <input type="checkbox" checked={props.wrap} onChange={(event) => props.onWrap(event.target.checked)} />
          {t('query.wrap')}
        </label>
      </div>
      {problem && (
        <p className="log-field-error" role="alert">
          {problem === 'order' ? t('query.badOrder') : t('query.badTime', { field: t(`query.${problem}`) })}
        </p>
      )}
    </div>
  );
}
