import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { BerthError } from '../../../shared/errors';
import type { TransferProgress } from '../../../shared/types/transfers';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatBytes } from '../../format/bytes';
import { EngineTag } from '../engines';
import type { ActiveTransfers } from './useActiveTransfers';
import '../../styles/transfers.css';

/** The tray's downloads and uploads: each with its engine, progress, and Cancel or Dismiss. */
export function TransfersSection({ transfers }: { transfers: ActiveTransfers }) {
  const { t } = useTranslation('transfers');
  const headingId = useId();
  if (transfers.visible.length === 0 && !transfers.error) return null;
  return (
    <section className="tray-transfers" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('tray.heading')}</h3>
      {transfers.error && <ErrorMessage error={transfers.error} />}
      <div className="tray-transfers-list">
        {transfers.visible.map((transfer) => (
          <TransferRow key={transfer.transferId} transfer={transfer} onCancel={transfers.cancel} onDismiss={transfers.dismiss} />
        ))}
      </div>
    </section>
  );
}

interface TransferRowProps {
  transfer: TransferProgress;
  onCancel(transferId: string): void;
  onDismiss(transferId: string): void;
}

function TransferRow({ transfer, onCancel, onDismiss }: TransferRowProps) {
  const { t } = useTranslation('transfers');
  const { transferId, phase, bytes, totalBytes, bytesPerSecond, name, direction } = transfer;
  const barMax = totalBytes && totalBytes > 0 ? totalBytes : undefined;
  const amount = totalBytes !== undefined ? t('bytesOf', { done: formatBytes(bytes), total: formatBytes(totalBytes) }) : formatBytes(bytes);
  const rate =
    phase === 'running' && bytesPerSecond > 0
      ? t('rate', { rate: formatBytes(bytesPerSecond) })
      : phase === 'done' && bytesPerSecond > 0
        ? t('average', { rate: formatBytes(bytesPerSecond) })
        : undefined;
  return (
    <div className={`transfer transfer-${phase}`} data-testid="tray-transfer" data-transfer-id={transferId} data-phase={phase} data-direction={direction}>
      <div className="transfer-line">
        <EngineTag engine={transfer.engine} />
        <span className="tray-transfer-direction muted">{t(`tray.direction.${direction}`)}</span>
        <span className="transfer-name">{t(`phase.${phase}`, { verb: t(`verb.${direction}`), name })}</span>
        {phase === 'running' ? (
          <button type="button" className="small" onClick={() => onCancel(transferId)} aria-label={t('cancelNamed', { name })}>
            {t('cancel')}
          </button>
        ) : (
          <button type="button" className="small ghost" onClick={() => onDismiss(transferId)} aria-label={t('tray.dismissNamed', { name })}>
            {t('tray.dismiss')}
          </button>
        )}
      </div>
      {barMax !== undefined && (
        <progress className="transfer-bar" aria-label={t('barLabel', { name })} max={barMax} value={phase === 'done' ? barMax : bytes} />
      )}
      <span className="transfer-amount mono">{[amount, rate].filter(Boolean).join(' · ')}</span>
      {phase === 'failed' && <ErrorMessage error={BerthError.fromShape(transfer.error ?? { code: 'INTERNAL', message: t('failed') })} />}
      {phase === 'cancelled' && <span className="muted">{t('cancelledNote')}</span>}
      {transfer.warnings?.map((warning) => (
        <p key={warning} className="transfer-warning">
          {warning}
        </p>
      ))}
    </div>
  );
}
