import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerSummary } from '../../../shared/types/containers';
import { useEngineReach } from '../engine';
import { formatBytes } from '../../format/bytes';
import { formatCount, formatPercent } from './format';
import { OVERVIEW_COLUMNS, sortOverview, type OverviewColumn, type OverviewDirection } from './overview-sort';
import { useManyContainerStats } from './useStats';
import '../../styles/stats.css';
import { ariaSort, SortButton } from '../../components/SortButton';

interface StatsOverviewProps {
  /** The running containers to show, one row each. */
  containers: readonly ContainerSummary[];
  onOpen(container: ContainerSummary): void;
}

const pair = (a: number, b: number): string => `${formatBytes(a)} / ${formatBytes(b)}`;

/**
 * Every running container's live stats in one table, as `docker stats` prints them, from the same
 * store and computation as the charts; sortable by each column. (The view showing it gives the
 * `docker stats` line.)
 */
export function StatsOverview({ containers, onOpen }: StatsOverviewProps) {
  const { t } = useTranslation('stats');
  const [column, setColumn] = useState<OverviewColumn>('cpu');
  const [direction, setDirection] = useState<OverviewDirection>('desc');
  const stats = useManyContainerStats(containers);
  // While the engine is away the last readings are not live: dashes, as in the list's columns.
  const { reachable } = useEngineReach();
  const byId = useMemo(() => new Map(containers.map((c) => [c.id, c])), [containers]);
  const rows = sortOverview(
    containers.map((container, index) => ({ id: container.id, name: container.name, latest: reachable ? stats[index]?.latest : undefined })),
    column,
    direction,
  );

  const sortBy = (next: OverviewColumn): void => {
    if (next === column) setDirection(direction === 'asc' ? 'desc' : 'asc');
    else {
      setColumn(next);
      setDirection(next === 'name' ? 'asc' : 'desc');
    }
  };
  const sortedBy = (key: OverviewColumn) => (key === column ? direction : undefined);

  return (
    <section className="stats-overview" aria-labelledby="stats-overview-title">
      <h2 id="stats-overview-title" className="visually-hidden">
        {t('overview.title')}
      </h2>
      {containers.length === 0 ? (
        <p className="muted">{t('overview.empty')}</p>
      ) : (
        <div className="stats-overview-wrap">
          <table className="stats-table stats-overview-table" data-testid="stats-overview">
            <caption className="visually-hidden">{t('overview.caption', { count: containers.length })}</caption>
            <thead>
              <tr>
                {OVERVIEW_COLUMNS.map((key) => (
                  <th key={key} scope="col" aria-sort={ariaSort(sortedBy(key))} data-column={key}>
                    <SortButton label={t(`overview.columns.${key}`)} sorted={sortedBy(key)} onClick={() => sortBy(key)} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ id, name, latest }) => (
                <tr key={id} data-container-name={name}>
                  <th scope="row">
                    <button type="button" className="name-link" onClick={() => byId.get(id) && onOpen(byId.get(id)!)}>
                      {name}
                    </button>
                  </th>
                  <td data-stats="cpu">{formatPercent(latest?.cpuPercent)}</td>
                  <td data-stats="memory">{latest ? pair(latest.memoryUsedBytes, latest.memoryLimitBytes) : '—'}</td>
                  <td data-stats="memoryPercent">{formatPercent(latest?.memoryPercent)}</td>
                  <td data-stats="network">{latest ? pair(latest.networkRxBytes, latest.networkTxBytes) : '—'}</td>
                  <td data-stats="block">{latest ? pair(latest.blockReadBytes, latest.blockWriteBytes) : '—'}</td>
                  <td data-stats="pids">{formatCount(latest?.pids)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
