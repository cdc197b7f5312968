import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { DetailTabProps } from '../../tab-types';
import { StatsCharts } from './StatsCharts';
import { StatsSnapshot } from './StatsSnapshot';
import { StatsTable } from './StatsTable';
import { StatusBadge } from './StatusBadge';
import { hasLiveStats, useContainerStats } from './useStats';
import { shownWindow, WindowPicker, type WindowMinutes } from './WindowPicker';
import { useSettings } from '../../settings-state/SettingsProvider';
import '../../styles/stats.css';
import { dockerStatsCommand } from '../../../shared/cli/stats';

/**
 * `docker stats` for one container as live charts. Kept mounted once opened (keepMounted), so the
 * stream and the history go on while another tab of the same container is shown.
 */
export function StatsTab({ container, active }: DetailTabProps) {
  const { t } = useTranslation('stats');
  const stats = useContainerStats(container);
  const [chosenMinutes, setMinutes] = useState<WindowMinutes>(5);
  const [asTable, setAsTable] = useState(false);
  const historySeconds = useSettings().settings.stats.historySeconds;
  const minutes = shownWindow(chosenMinutes, historySeconds);
  if (!active) return null;

  const running = hasLiveStats(container.state);
  const samples = stats.history.size;
  const now = running && stats.latest ? Math.max(Date.now(), stats.latest.time) : (stats.history.last()?.time ?? Date.now());
  return (
    <div className="stats-tab">
      <div className="stats-toolbar">
        <StatusBadge status={stats.status} running={running} />
        <WindowPicker value={minutes} historySeconds={historySeconds} onChange={setMinutes} />
        <button type="button" className="small" aria-pressed={asTable} onClick={() => setAsTable((on) => !on)}>
          {t('table.toggle')}
        </button>
        <span className="muted stats-count" data-testid="stats-sample-count" data-count={samples}>
          {t('history', { count: samples, limit: historySeconds.toLocaleString() })}
        </span>
      </div>
      <CliCommand command={dockerStatsCommand([container.name])} />
      {running && <StatsSnapshot id={container.id} name={container.name} />}
      {stats.error && stats.status === 'error' && <ErrorMessage error={stats.error} />}
      {stats.status === 'paused' && <p className="muted">{t('pausedHint')}</p>}
      {!running && samples === 0 ? (
        <div className="empty-state">
          <p>{t('empty.notRunning')}</p>
        </div>
      ) : (
        <>
          {!running && <p className="muted">{t('stoppedHint')}</p>}
          {asTable ? (
            <StatsTable history={stats.history} version={stats.version} windowMs={minutes * 60_000} now={now} />
          ) : (
            <StatsCharts history={stats.history} version={stats.version} latest={running ? stats.latest : undefined} windowMs={minutes * 60_000} now={now} />
          )}
        </>
      )}
    </div>
  );
}
