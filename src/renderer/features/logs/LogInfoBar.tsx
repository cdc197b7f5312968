import { useTranslation } from 'react-i18next';
import type { LogInfo } from '../../../shared/types/logs';

/** The container's log driver, its size limits, and a warning when the log is unbounded. */
export function LogInfoBar({ info }: { info: LogInfo | undefined }) {
  const { t } = useTranslation('logs');
  if (!info) return null;
  let limits: string;
  if (!info.readable) limits = t('info.unreadable');
  else if (info.unbounded) limits = t('info.unbounded');
  else if (info.maxSize) {
    limits = t('info.limits', { size: info.maxSize, count: info.maxFile ?? 1 });
    if (info.defaultLimits) limits = `${limits} ${t('info.defaults')}`;
  } else limits = t('info.systemLimits', { driver: info.driver });
  return (
    <div className="log-info" data-testid="log-info">
      <span>
        <span className="muted">{t('info.driver')}</span> <code>{info.driver}</code>
      </span>
      <span className={info.unbounded || !info.readable ? 'log-info-warning' : 'muted'} role={info.unbounded ? 'note' : undefined}>
        {limits}
      </span>
      {info.tty && <span className="muted">{t('info.tty')}</span>}
    </div>
  );
}
