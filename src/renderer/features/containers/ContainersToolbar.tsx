import { useTranslation } from 'react-i18next';
import { useEngineGate } from '../engine';
import { STATE_FILTERS, type StateFilter } from './filter';

interface ToolbarProps {
  text: string;
  onText(text: string): void;
  all: boolean;
  onAll(all: boolean): void;
  states: ReadonlySet<StateFilter>;
  onToggleState(state: StateFilter): void;
  stopTimeout: number;
  onStopTimeout(seconds: number): void;
  onCreate(): void;
  shown: number;
  total: number;
}

export function ContainersToolbar(props: ToolbarProps) {
  const { t } = useTranslation('containers');
  const { gate } = useEngineGate();
  return (
    <div className="toolbar">
      <input
        type="search"
        className="filter-input"
        value={props.text}
        onChange={(e) => props.onText(e.target.value)}
        placeholder={t('filter.placeholder')}
        aria-label={t('filter.label')}
      />
      <label className="check">
        <input type="checkbox" checked={props.all} onChange={(e) => props.onAll(e.target.checked)} />
        {t('filter.all')}
      </label>
      <div className="segmented" role="group" aria-label={t('filter.states')}>
        {STATE_FILTERS.map((state) => (
          <button
            key={state}
            type="button"
            className={props.states.has(state) ? 'small active' : 'small'}
            aria-pressed={props.states.has(state)}
            onClick={() => props.onToggleState(state)}
          >
            {t(`states.${state}`)}
          </button>
        ))}
      </div>
      <label className="inline-number">
        {t('stopTimeout')}
        <input
          type="number"
          min={0}
          max={3600}
          value={props.stopTimeout}
          onChange={(e) => props.onStopTimeout(Math.max(0, Math.min(3600, Number(e.target.value) || 0)))}
        />
      </label>
      <span className="muted count">{t('count', { shown: props.shown, total: props.total })}</span>
      <button type="button" className="primary" onClick={props.onCreate} {...gate}>
        {t('create')}
      </button>
    </div>
  );
}
