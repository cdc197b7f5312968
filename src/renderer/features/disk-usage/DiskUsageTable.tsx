import { useTranslation } from 'react-i18next';
import type { DiskUsage, DiskUsageCategory } from '../../../shared/types/system';
import { formatBytes } from '../../format/bytes';

export const CATEGORIES: readonly DiskUsageCategory[] = ['images', 'containers', 'volumes', 'buildCache'];

/** The rows of `docker system df`: count, active, size and reclaimable space (with a bar) per kind, and a Prune… for each. */
export function DiskUsageTable({ usage, disabled, onPrune }: { usage: DiskUsage; disabled: boolean; onPrune(category: DiskUsageCategory): void }) {
  const { t } = useTranslation('engine');
  return (
    <table className="disk-usage-table" data-testid="disk-usage">
      <caption className="visually-hidden">{t('disk.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('disk.columns.type')}</th>
          <th scope="col" className="numeric">
            {t('disk.columns.total')}
          </th>
          <th scope="col" className="numeric">
            {t('disk.columns.active')}
          </th>
          <th scope="col" className="numeric">
            {t('disk.columns.size')}
          </th>
          <th scope="col">{t('disk.columns.reclaimable')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('disk.columns.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {CATEGORIES.map((category) => {
          const totals = usage.totals[category];
          return (
            <tr key={category} data-category={category}>
              <th scope="row">{t(`disk.categories.${category}`)}</th>
              <td className="numeric">{totals.count}</td>
              <td className="numeric">{totals.active}</td>
              <td className="numeric">{formatBytes(totals.sizeBytes)}</td>
              <td>
                <div className="reclaim-cell">
                  <span className="reclaim-bar" aria-hidden="true">
                    <span style={{ width: `${Math.min(100, totals.reclaimablePercent)}%` }} />
                  </span>
                  <span className="reclaim-text">
                    {t('disk.reclaimable', { size: formatBytes(totals.reclaimableBytes), percent: totals.reclaimablePercent })}
                  </span>
                </div>
              </td>
              <td>
                <button type="button" className="small" disabled={disabled} onClick={() => onPrune(category)}>
                  {t(`disk.prune.${category}`)}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
