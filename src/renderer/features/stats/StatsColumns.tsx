import { useTranslation } from 'react-i18next';
import type { ContainerSummary } from '../../../shared/types/containers';
import { formatBytes } from '../../format/bytes';
import { useEngineReach } from '../engine';
import { formatPercent } from './format';
import { hasLiveStats, useContainerStats } from './useStats';
import '../../styles/stats.css';

/** The CPU and memory column headers of the containers table. */
export function StatsColumnHeaders() {
  const { t } = useTranslation('stats');
  return (
    <>
      <span role="columnheader" className="cell stats-cell">
        {t('columns.cpu')}
      </span>
      <span role="columnheader" className="cell stats-cell">
        {t('columns.memory')}
      </span>
    </>
  );
}

/** A row's CPU and memory cells: live for running containers, a dash otherwise (and while the engine is away). */
export function StatsColumnCells({ container }: { container: ContainerSummary }) {
  const { t } = useTranslation('stats');
  const { reachable } = useEngineReach();
  if (!hasLiveStats(container.state) || !reachable) {
    const title = reachable ? undefined : t('columns.notLive');
    return (
      <>
        <span role="cell" className="cell stats-cell muted" data-stats="cpu" title={title}>
          —
        </span>
        <span role="cell" className="cell stats-cell muted" data-stats="memory" title={title}>
          —
        </span>
      </>
    );
  }
  return <LiveCells container={container} />;
}

/** Mounted only while the row is rendered (the table is virtualized), so only rows in view are watched. */
function LiveCells({ container }: { container: ContainerSummary }) {
  const { t } = useTranslation('stats');
  const { latest } = useContainerStats(container);
  const cpu = latest?.cpuPercent ?? null;
  return (
    <>
      <span role="cell" className="cell stats-cell mono" data-stats="cpu" title={t('columns.cpuTitle')}>
        {formatPercent(cpu)}
        <span className="stats-meter" aria-hidden="true">
          <span style={{ width: `${Math.min(100, cpu ?? 0)}%` }} />
        </span>
      </span>
      <span
        role="cell"
        className="cell stats-cell mono"
        data-stats="memory"
        title={latest ? t('columns.memoryTitle', { limit: formatBytes(latest.memoryLimitBytes), percent: formatPercent(latest.memoryPercent) }) : undefined}
      >
        {latest ? formatBytes(latest.memoryUsedBytes) : '—'}
      </span>
    </>
  );
}
