import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsSample } from '../../../shared/types/stats';
import { formatBytes } from '../../format/bytes';
import type { AxisKind } from './axis';
import { toChartPoints, type SeriesPick } from './chart-data';
import { clockFormatter, formatCount, formatPercent, formatPercentTick, formatRate } from './format';
import type { RingBuffer } from './ring-buffer';
import { TimeSeriesChart, type Series } from './TimeSeriesChart';

interface ChartSpec {
  id: string;
  title: string;
  /** The current value, in the CLI's terms. */
  current(sample: StatsSample): string;
  /** What the value is out of, or totals. */
  detail(sample: StatsSample): string;
  /** Keys of SERIES_PICKS. */
  series: Series[];
  axis: AxisKind;
  formatTick(value: number): string;
  formatValue(value: number): string;
  minTop?: number;
}

interface StatsChartsProps {
  history: RingBuffer<StatsSample>;
  /** Bumps with every reading, so the points are recomputed only then. */
  version: number;
  latest: StatsSample | undefined;
  windowMs: number;
  now: number;
}

/** CPU, memory, network, block I/O and PIDs over the chosen window, each with its current value. */
/** The value each series draws, by series key. */
const SERIES_PICKS: SeriesPick = {
  cpu: (s: StatsSample) => s.cpuPercent,
  memory: (s: StatsSample) => s.memoryUsedBytes,
  rx: (s: StatsSample) => s.networkRxRate,
  tx: (s: StatsSample) => s.networkTxRate,
  read: (s: StatsSample) => s.blockReadRate,
  write: (s: StatsSample) => s.blockWriteRate,
  pids: (s: StatsSample) => s.pids,
};

export function StatsCharts({ history, version, latest, windowMs, now }: StatsChartsProps) {
  const { t, i18n } = useTranslation('stats');
  const formatTime = useMemo(() => clockFormatter(i18n.language), [i18n.language]);
  const charts: ChartSpec[] = [
    {
      id: 'cpu',
      title: t('metrics.cpu'),
      current: (s) => formatPercent(s.cpuPercent),
      detail: (s) => t('summary.cpus', { count: s.onlineCpus }),
      series: [{ key: 'cpu', label: t('metrics.cpu'), color: 'var(--stats-cpu)' }],
      axis: 'decimal',
      formatTick: formatPercentTick,
      formatValue: formatPercent,
      minTop: 1,
    },
    {
      id: 'memory',
      title: t('metrics.memory'),
      current: (s) => `${formatBytes(s.memoryUsedBytes)} / ${formatBytes(s.memoryLimitBytes)}`,
      detail: (s) => t('summary.memoryPercent', { percent: formatPercent(s.memoryPercent) }),
      series: [{ key: 'memory', label: t('series.used'), color: 'var(--stats-memory)' }],
      axis: 'bytes',
      formatTick: formatBytes,
      formatValue: formatBytes,
      minTop: 1024 * 1024,
    },
    {
      id: 'network',
      title: t('metrics.network'),
      current: (s) => `↓ ${formatRate(s.networkRxRate)}  ↑ ${formatRate(s.networkTxRate)}`,
      detail: (s) => t('summary.totals', { in: formatBytes(s.networkRxBytes), out: formatBytes(s.networkTxBytes) }),
      series: [
        { key: 'rx', label: t('series.received'), color: 'var(--stats-rx)' },
        { key: 'tx', label: t('series.sent'), color: 'var(--stats-tx)' },
      ],
      axis: 'bytes',
      formatTick: formatRate,
      formatValue: formatRate,
      minTop: 1024,
    },
    {
      id: 'block',
      title: t('metrics.block'),
      current: (s) => `${t('summary.read')} ${formatRate(s.blockReadRate)}  ${t('summary.write')} ${formatRate(s.blockWriteRate)}`,
      detail: (s) => t('summary.blockTotals', { read: formatBytes(s.blockReadBytes), write: formatBytes(s.blockWriteBytes) }),
      series: [
        { key: 'read', label: t('series.read'), color: 'var(--stats-read)' },
        { key: 'write', label: t('series.written'), color: 'var(--stats-write)' },
      ],
      axis: 'bytes',
      formatTick: formatRate,
      formatValue: formatRate,
      minTop: 1024,
    },
    {
      id: 'pids',
      title: t('metrics.pids'),
      current: (s) => formatCount(s.pids),
      detail: (s) => (s.pidsLimit ? t('summary.pidsLimit', { limit: s.pidsLimit }) : t('summary.noPidsLimit')),
      series: [{ key: 'pids', label: t('metrics.pids'), color: 'var(--stats-pids)' }],
      axis: 'count',
      formatTick: formatCount,
      formatValue: formatCount,
      minTop: 4,
    },
  ];
  // `version` stands for the history's contents, which grow in place: the ring buffer is the same
  // object after a push, so the linter cannot see that the points depend on it.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const points = useMemo(() => toChartPoints(history, windowMs, now, SERIES_PICKS), [history, version, windowMs, now]);

  return (
    <div className="stats-grid">
      {charts.map((chart) => (
        <section key={chart.id} className="stats-card" aria-labelledby={`stats-${chart.id}-title`} data-chart={chart.id}>
          <header>
            <h2 id={`stats-${chart.id}-title`}>{chart.title}</h2>
            <span className="stats-current mono">{latest ? chart.current(latest) : '—'}</span>
          </header>
          <p className="stats-detail muted">{latest ? chart.detail(latest) : '\u00a0'}</p>
          <TimeSeriesChart
            label={latest ? t('chartLabel', { title: chart.title, value: chart.current(latest), detail: chart.detail(latest) }) : chart.title}
            data={points}
            series={chart.series}
            from={now - windowMs}
            to={now}
            axis={chart.axis}
            formatValue={chart.formatValue}
            formatTick={chart.formatTick}
            formatTime={formatTime}
            minTop={chart.minTop}
          />
          {chart.series.length > 1 && (
            <ul className="stats-legend">
              {chart.series.map((s) => (
                <li key={s.key}>
                  <span className="swatch" style={{ background: s.color }} aria-hidden="true" />
                  {s.label}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
