import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsSample } from '../../../shared/types/stats';
import { useClient } from '../../api/ClientContext';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatBytes } from '../../format/bytes';
import { clockFormatter, formatPercent } from './format';
import { dockerStatsOnceCommand } from '../../../shared/cli/stats';

/** `docker stats --no-stream`: one reading on demand, laid out as the CLI's columns. */
export function StatsSnapshot({ id, name }: { id: string; name: string }) {
  const { t, i18n } = useTranslation('stats');
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<StatsSample>();
  const [error, setError] = useState<Error>();

  const take = (): void => {
    setBusy(true);
    setError(undefined);
    client
      .invoke('containers.stats', { id })
      .then(setResult, (err: Error) => setError(err))
      .finally(() => setBusy(false));
  };

  const columns: Array<[string, string]> = result
    ? [
        [t('snapshot.cpu'), formatPercent(result.cpuPercent)],
        [t('snapshot.memUsage'), `${formatBytes(result.memoryUsedBytes)} / ${formatBytes(result.memoryLimitBytes)}`],
        [t('snapshot.memPercent'), formatPercent(result.memoryPercent)],
        [t('snapshot.netIo'), `${formatBytes(result.networkRxBytes)} / ${formatBytes(result.networkTxBytes)}`],
        [t('snapshot.blockIo'), `${formatBytes(result.blockReadBytes)} / ${formatBytes(result.blockWriteBytes)}`],
        [t('snapshot.pids'), String(result.pids)],
      ]
    : [];
  return (
    <div className="stats-snapshot">
      <button type="button" className="small" onClick={take} disabled={busy} aria-busy={busy}>
        {busy ? t('snapshot.taking') : t('snapshot.take')}
      </button>
      {error && <ErrorMessage error={error} onDismiss={() => setError(undefined)} />}
      {result && (
        <div className="stats-snapshot-result" data-testid="stats-snapshot">
          <span className="muted">{t('snapshot.at', { time: clockFormatter(i18n.language)(result.time) })}</span>
          <dl>
            {columns.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd className="mono">{value}</dd>
              </div>
            ))}
          </dl>
          <CliCommand command={dockerStatsOnceCommand(name)} />
        </div>
      )}
    </div>
  );
}
