import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerSummary } from '../../../shared/types/containers';
import type { StatsSample } from '../../../shared/types/stats';
import { CliCommand } from '../../components/CliCommand';
import { formatBytes } from '../../format/bytes';
import { toChartPoints } from './chart-data';
import type { AxisKind } from './axis';
import { clockFormatter, formatPercent, formatPercentTick, formatRate } from './format';
import { TimeSeriesChart, type Series } from './TimeSeriesChart';
import { hasLiveStats, useManyContainerStats } from './useStats';
import { shownWindow, WindowPicker, type WindowMinutes } from './WindowPicker';
import { useSettings } from '../../settings-state/SettingsProvider';
import '../../styles/stats.css';
import { dockerStatsCommand } from '../../../shared/cli/stats';

/** As many as there are distinct series colours; more would be unreadable on one plot. */
const MAX_COMPARED = 8;

interface MetricSpec {
  pick(sample: StatsSample): number | null;
  format(value: number): string;
  tick(value: number): string;
  axis: AxisKind;
  minTop: number;
}

const METRICS = {
  cpu: { pick: (s) => s.cpuPercent, format: formatPercent, tick: formatPercentTick, axis: 'decimal', minTop: 1 },
  memory: { pick: (s) => s.memoryUsedBytes, format: formatBytes, tick: formatBytes, axis: 'bytes', minTop: 1024 * 1024 },
  memoryPercent: { pick: (s) => s.memoryPercent, format: formatPercent, tick: formatPercentTick, axis: 'decimal', minTop: 1 },
  networkRx: { pick: (s) => s.networkRxRate, format: formatRate, tick: formatRate, axis: 'bytes', minTop: 1024 },
  networkTx: { pick: (s) => s.networkTxRate, format: formatRate, tick: formatRate, axis: 'bytes', minTop: 1024 },
} satisfies Record<string, MetricSpec>;
type Metric = keyof typeof METRICS;

/** The selected containers on one plot, one line each, for the chosen metric. */
export function ComparePanel({ containers, onClose }: { containers: readonly ContainerSummary[]; onClose(): void }) {
  const { t, i18n } = useTranslation('stats');
  const [metric, setMetric] = useState<Metric>('cpu');
  const [chosenMinutes, setMinutes] = useState<WindowMinutes>(5);
  const historySeconds = useSettings().settings.stats.historySeconds;
  const minutes = shownWindow(chosenMinutes, historySeconds);
  const shown = containers.slice(0, MAX_COMPARED);
  const stats = useManyContainerStats(shown);
  const formatTime = useMemo(() => clockFormatter(i18n.language), [i18n.language]);
  const { pick, format, tick, axis, minTop } = METRICS[metric];
  const windowMs = minutes * 60_000;
  const now = Date.now();
  const series: Series[] = shown.map((container, index) => ({
    key: container.id,
    label: container.name,
    color: `var(--stats-series-${index + 1})`,
    data: toChartPoints(stats[index]!.history, windowMs, now, { value: pick }),
  }));
  const points = series.reduce((sum, s) => sum + (s.data?.length ?? 0), 0);

  return (
    <section className="stats-compare" aria-labelledby="stats-compare-title">
      <header className="stats-compare-header">
        <h2 id="stats-compare-title">{t('compare.title', { count: shown.length })}</h2>
        <label className="inline-select">
          <span>{t('compare.metric')}</span>
          <select value={metric} onChange={(event) => setMetric(event.target.value as Metric)}>
            {Object.keys(METRICS).map((key) => (
              <option key={key} value={key}>
                {t(`compare.metrics.${key}`)}
              </option>
            ))}
          </select>
        </label>
        <WindowPicker value={minutes} historySeconds={historySeconds} onChange={setMinutes} />
        <button type="button" className="ghost small stats-compare-close" onClick={onClose}>
          {t('compare.close')}
        </button>
      </header>
      {containers.length > MAX_COMPARED && <p className="muted">{t('compare.tooMany', { count: MAX_COMPARED })}</p>}
      <div data-testid="stats-compare-points" data-count={points}>
        <TimeSeriesChart
          label={t('compare.chartLabel', { metric: t(`compare.metrics.${metric}`) })}
          series={series}
          from={now - windowMs}
          to={now}
          formatValue={format}
          formatTick={tick}
          formatTime={formatTime}
          axis={axis}
          minTop={minTop}
          height={240}
        />
      </div>
      <ul className="stats-legend stats-compare-legend">
        {shown.map((container, index) => {
          const entry = stats[index]!;
          const running = hasLiveStats(container.state);
          const value = running && entry.latest ? pick(entry.latest) : null;
          return (
            <li key={container.id} data-container-name={container.name}>
              <span className="swatch" style={{ background: `var(--stats-series-${index + 1})` }} aria-hidden="true" />
              <span className="stats-compare-name">{container.name}</span>
              <span className="mono">{running ? (value === null ? '—' : format(value)) : t('status.stopped')}</span>
            </li>
          );
        })}
      </ul>
      <CliCommand command={dockerStatsCommand(shown.map((c) => c.name))} />
    </section>
  );
}

/** The selection bar's button that opens the compare chart. */
export function CompareButton({ onClick, disabled }: { onClick(): void; disabled?: boolean }) {
  const { t } = useTranslation('stats');
  return (
    <button type="button" className="small" onClick={onClick} disabled={disabled}>
      {t('compare.open')}
    </button>
  );
}
