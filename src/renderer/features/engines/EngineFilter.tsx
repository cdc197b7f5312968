import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineEntry } from '../../../shared/types/engines';

/** The text and engine filters of a list across engines. */
export function CombinedFilters({
  engines,
  engine,
  onEngine,
  text,
  onText,
  textLabel,
}: {
  engines: readonly EngineEntry[] | undefined;
  engine: string;
  onEngine(engine: string): void;
  text: string;
  onText(text: string): void;
  textLabel: string;
}) {
  const { t } = useTranslation('engines');
  const id = useId();
  return (
    <div className="toolbar combined-filters">
      <input type="search" value={text} onChange={(event) => onText(event.target.value)} aria-label={textLabel} placeholder={textLabel} />
      <label htmlFor={id}>{t('combined.engineFilter')}</label>
      <select id={id} value={engine} onChange={(event) => onEngine(event.target.value)}>
        <option value="">{t('combined.everyEngine')}</option>
        {engines?.map((entry) => (
          <option key={entry.id} value={entry.id}>
            {entry.name}
          </option>
        ))}
      </select>
    </div>
  );
}
