import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransferProgress as Progress } from '../../../shared/types/transfers';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TransferProgress } from '../../components/TransferProgress';
import type { LogLineStore } from './lineStore';
import type { StreamStatus } from './logStream';
import type { DownloadState } from './useLogDownload';

export interface LogStatusProps {
  status: StreamStatus;
  store: LogLineStore;
  follow: boolean;
  containerName: string;
  download: DownloadState;
  /** What the started download does, on the command line. */
  downloadCli?: string;
  onDismissDownload(): void;
  onRetry(): void;
}

/** What the view is doing, and everything the user should know about what it shows. */
export function LogStatus({ status, store, follow, containerName, download, downloadCli, onDismissDownload, onRetry }: LogStatusProps) {
  const { t, i18n } = useTranslation('logs');
  const number = (n: number): string => n.toLocaleString(i18n.language);
  const error = status.error;
  const [outcome, setOutcome] = useState<Progress>();
  const transferId = download.phase === 'started' ? download.started.transferId : undefined;
  useEffect(() => setOutcome(undefined), [transferId]);
  let phase = t(`status.${status.phase}`);
  if (status.phase === 'error' && status.retrying) phase = t('status.retrying');

  return (
    <>
      {error && (
        <div className="banner banner-error" role="alert" data-testid="log-error">
          <span>
            {error.code === 'NOT_FOUND' ? t('errors.gone', { name: containerName }) : error.message}
            {status.retrying && ` ${t('errors.retrying')}`}
          </span>
          {!status.retrying && error.code !== 'NOT_FOUND' && (
            <button type="button" className="ghost small" onClick={onRetry}>
              {t('actions.retry')}
            </button>
          )}
        </div>
      )}
      {status.phase === 'stopped' && follow && <div className="log-note">{t('notes.stopped')}</div>}
      {store.dropped > 0 && (
        <div className="log-note" role="note" data-testid="log-dropped">
          {t('notes.dropped', { count: store.dropped, countText: number(store.dropped), max: number(store.maxLines) })}
        </div>
      )}
      {store.hasBinary && <div className="log-note">{t('notes.binary')}</div>}
      {download.phase === 'failed' && <ErrorMessage error={download.error} onDismiss={onDismissDownload} />}
      {download.phase === 'started' && (
        <div className="log-download" data-testid="log-download">
          <TransferProgress key={download.started.transferId} transferId={download.started.transferId} onSettled={setOutcome} />
          {downloadCli && <CliCommand command={downloadCli} label={t('download.cliLabel')} />}
          {outcome?.phase === 'done' && (
            <p className="log-note" role="status">
              {download.started.delivery === 'file'
                ? t('download.saved', { path: download.started.filePath })
                : t('download.downloaded', { name: download.started.filename })}
            </p>
          )}
          {outcome && (
            <button type="button" className="ghost small" onClick={onDismissDownload}>
              {t('actions.dismiss')}
            </button>
          )}
        </div>
      )}
      <div className="log-statusline muted" role="status" data-testid="log-status" data-phase={status.phase}>
        <span>{t('status.lines', { count: store.size, countText: number(store.size) })}</span>
        <span>{phase}</span>
      </div>
    </>
  );
}
