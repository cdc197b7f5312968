import { useTranslation } from 'react-i18next';
import { useEngineGate } from '../engine';
import { STATE_FILTERS, type StateFilter } from './filter';

/** The list itself, or every running container's live stats in one table (`docker stats`). */
export type ListView = 'list' | 'stats';
const LIST_VIEWS: readonly ListView[] = ['list', 'stats'];

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
  onPrune(): void;
  shown: number;
  total: number;
}

export function ContainersToolbar(props: ToolbarProps) {
  const { t } = useTranslation('containers');
  const { t: tl } = useTranslation('list-tools');
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
      <button type="button" onClick={props.onPrune} title={tl('prune.openTitle')} {...gate}>
        {tl('prune.open')}
      </button>
      <button type="button" className="primary" onClick={props.onCreate} {...gate}>
        {t('create')}
      </button>
    </div>
  );
}

interface ViewOptionsProps {
  view: ListView;
  onView(view: ListView): void;
  showSize: boolean;
  onShowSize(show: boolean): void;
  computingSizes: boolean;
}

/** The view header's options: the size column (list only) and the switch between the list and every running container's stats. */
export function ListViewOptions({ view, onView, showSize, onShowSize, computingSizes }: ViewOptionsProps) {
  const { t } = useTranslation('list-tools');
  return (
    <div className="list-view-options">
      <span className="muted sizes-computing" role="status">
        {view === 'list' && computingSizes ? t('size.computing') : ''}
      </span>
      {view === 'list' && (
        <label className="check" title={t('size.toggleTitle')}>
          <input type="checkbox" checked={showSize} onChange={(e) => onShowSize(e.target.checked)} />
          {t('size.toggle')}
        </label>
      )}
      <div className="segmented" role="group" aria-label={t('views.label')}>
        {LIST_VIEWS.map((name) => (
          <button key={name} type="button" className={view === name ? 'small active' : 'small'} aria-pressed={view === name} onClick={() => onView(name)}>
            {t(`views.${name}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
