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

/** A cell's column name, shown in it when the row has put the column on its second line (large text). */
function CellLabel({ column, shown }: { column: 'cpu' | 'memory'; shown: boolean }) {
  const { t } = useTranslation('stats');
  return shown ? <span className="cell-label">{t(`columns.${column}`)}</span> : null;
}

/** A row's CPU and memory cells: live for running containers, a dash otherwise (and while the engine is away). */
export function StatsColumnCells({ container, labelled = false }: { container: ContainerSummary; labelled?: boolean }) {
  const { t } = useTranslation('stats');
  const { reachable } = useEngineReach();
  if (!hasLiveStats(container.state) || !reachable) {
    const title = reachable ? undefined : t('columns.notLive');
    return (
      <>
        <span role="gridcell" className="cell stats-cell muted" data-stats="cpu" title={title}>
          <CellLabel column="cpu" shown={labelled} />—
        </span>
        <span role="gridcell" className="cell stats-cell muted" data-stats="memory" title={title}>
          <CellLabel column="memory" shown={labelled} />—
        </span>
      </>
    );
  }
  return <LiveCells container={container} labelled={labelled} />;
}

/** Mounted only while the row is rendered (the table is virtualized), so only rows in view are watched. */
function LiveCells({ container, labelled }: { container: ContainerSummary; labelled: boolean }) {
  const { t } = useTranslation('stats');
  const { latest } = useContainerStats(container);
  const cpu = latest?.cpuPercent ?? null;
  return (
    <>
      <span role="gridcell" className="cell stats-cell mono" data-stats="cpu" title={t('columns.cpuTitle')}>
        <CellLabel column="cpu" shown={labelled} />
        {formatPercent(cpu)}
        <span className="stats-meter" aria-hidden="true">
          <span style={{ width: `${Math.min(100, cpu ?? 0)}%` }} />
        </span>
      </span>
      <span
        role="gridcell"
        className="cell stats-cell mono"
        data-stats="memory"
        title={latest ? t('columns.memoryTitle', { limit: formatBytes(latest.memoryLimitBytes), percent: formatPercent(latest.memoryPercent) }) : undefined}
      >
        <CellLabel column="memory" shown={labelled} />
        {latest ? formatBytes(latest.memoryUsedBytes) : '—'}
      </span>
    </>
  );
}
