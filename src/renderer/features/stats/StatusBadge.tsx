import { useTranslation } from 'react-i18next';
import type { WatchStatus } from './stats-store';

/** live / connecting / paused / stopped, with a coloured dot; errors are shown apart (ErrorMessage). */
export function StatusBadge({ status, running }: { status: WatchStatus; running: boolean }) {
  const { t } = useTranslation('stats');
  const shown: WatchStatus = !running && status !== 'error' ? 'stopped' : status;
  return (
    <span className={`stats-status stats-status-${shown}`} role="status" data-status={shown}>
      <span className="dot" aria-hidden="true" />
      {t(`status.${shown}`)}
    </span>
  );
}
