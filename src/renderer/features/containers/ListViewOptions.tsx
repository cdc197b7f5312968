import { useTranslation } from 'react-i18next';
import { useEngineGate } from '../engine';

/** The list itself, or every running container's live stats in one table (`docker stats`). */
export type ListView = 'list' | 'stats';
const LIST_VIEWS: readonly ListView[] = ['list', 'stats'];

interface ViewOptionsProps {
  view: ListView;
  onView(view: ListView): void;
  showSize: boolean;
  onShowSize(show: boolean): void;
  computingSizes: boolean;
  onPrune(): void;
}

/**
 * The containers view header's tools: the size column (list only), the switch between the list and
 * every running container's stats, and "Prune…" (`docker container prune`).
 */
export function ListViewOptions({ view, onView, showSize, onShowSize, computingSizes, onPrune }: ViewOptionsProps) {
  const { t } = useTranslation('list-tools');
  const { gate } = useEngineGate();
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
      <button type="button" className="small" onClick={onPrune} title={t('prune.openTitle')} {...gate}>
        {t('prune.open')}
      </button>
    </div>
  );
}
