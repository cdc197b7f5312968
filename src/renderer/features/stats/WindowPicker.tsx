import { useTranslation } from 'react-i18next';

export const WINDOWS_MINUTES = [1, 5, 15] as const;
export type WindowMinutes = (typeof WINDOWS_MINUTES)[number];

/** How much history the charts show. */
export function WindowPicker({ value, onChange }: { value: WindowMinutes; onChange(value: WindowMinutes): void }) {
  const { t } = useTranslation('stats');
  return (
    <div className="segmented" role="group" aria-label={t('window.label')}>
      {WINDOWS_MINUTES.map((minutes) => (
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
