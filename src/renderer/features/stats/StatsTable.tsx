import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsSample } from '../../../shared/types/stats';
import { formatBytes } from '../../format/bytes';
import { clockFormatter, formatCount, formatPercent, formatRate } from './format';
import type { RingBuffer } from './ring-buffer';

/** How many readings the table lists (one a second: the last half minute). */
const ROWS = 30;

interface StatsTableProps {
  history: RingBuffer<StatsSample>;
  /** Bumps with every reading. */
  version: number;
  windowMs: number;
  now: number;
}

/** The charts' readings as a table, newest first: what the charts draw, for a screen reader or a copy. */
export function StatsTable({ history, version, windowMs, now }: StatsTableProps) {
  const { t, i18n } = useTranslation('stats');
  const formatTime = useMemo(() => clockFormatter(i18n.language), [i18n.language]);
  const rows = useMemo(
    () =>
      history
        .since((sample) => sample.time >= now - windowMs)
        .slice(-ROWS)
        .reverse(),
    // `version` stands for the ring buffer's contents, which change in place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [history, version, windowMs, now],
  );
  if (rows.length === 0) return <p className="muted">{t('table.empty')}</p>;
  return (
    <div className="stats-table-wrap">
      <table className="stats-table" data-testid="stats-table">
        <caption>{t('table.caption', { count: rows.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.time')}</th>
            <th scope="col">{t('metrics.cpu')}</th>
            <th scope="col">{t('metrics.memory')}</th>
            <th scope="col">{t('series.received')}</th>
            <th scope="col">{t('series.sent')}</th>
            <th scope="col">{t('series.read')}</th>
            <th scope="col">{t('series.written')}</th>
            <th scope="col">{t('metrics.pids')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((sample) => (
            <tr key={sample.time}>
              <th scope="row">{formatTime(sample.time)}</th>
              <td>{formatPercent(sample.cpuPercent)}</td>
              <td>{`${formatBytes(sample.memoryUsedBytes)} / ${formatBytes(sample.memoryLimitBytes)}`}</td>
              <td>{formatRate(sample.networkRxRate)}</td>
              <td>{formatRate(sample.networkTxRate)}</td>
              <td>{formatRate(sample.blockReadRate)}</td>
              <td>{formatRate(sample.blockWriteRate)}</td>
              <td>{formatCount(sample.pids)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
