import { useTranslation } from 'react-i18next';

const WINDOWS_MINUTES = [1, 5, 15] as const;
export type WindowMinutes = (typeof WINDOWS_MINUTES)[number];

/** The windows the kept history can fill (Settings, `stats.historySeconds`); the shortest at least. */
function windowChoices(historySeconds: number): WindowMinutes[] {
  const fitting = WINDOWS_MINUTES.filter((minutes) => minutes * 60 <= historySeconds);
  return fitting.length > 0 ? fitting : [WINDOWS_MINUTES[0]];
}

/** The chosen window, or the longest the history can fill when the choice is longer. */
export function shownWindow(chosen: WindowMinutes, historySeconds: number): WindowMinutes {
  const choices = windowChoices(historySeconds);
  return choices.includes(chosen) ? chosen : choices[choices.length - 1]!;
}

/** How much history the charts show. */
export function WindowPicker({ value, historySeconds, onChange }: { value: WindowMinutes; historySeconds: number; onChange(value: WindowMinutes): void }) {
  const { t } = useTranslation('stats');
  return (
    <div className="segmented" role="group" aria-label={t('window.label')}>
      {windowChoices(historySeconds).map((minutes) => (
        <button
          key={minutes}
          type="button"
          className={`small${value === minutes ? ' active' : ''}`}
          aria-pressed={value === minutes}
          onClick={() => onChange(minutes)}
        >
          {t('window.minutes', { count: minutes })}
        </button>
      ))}
    </div>
  );
}
