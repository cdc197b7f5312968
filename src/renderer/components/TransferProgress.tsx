import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransferProgress as Progress } from '../../shared/types/transfers';
import { BerthError } from '../../shared/errors';
import { useTransfer } from '../features/transfers';
import { formatBytes } from '../format/bytes';
import { useAnnounce } from './Announcer';
import { ErrorMessage } from './ErrorMessage';
import { MilestoneTracker, milestoneOf } from './milestones';
import '../styles/transfers.css';

interface TransferProgressProps {
  transferId: string;
  /** Runs once with the final state (done, failed or cancelled). */
  onSettled?(progress: Progress): void;
}

/** One transfer's progress bar, bytes and rate, with Cancel while it runs and the outcome after. */
export function TransferProgress({ transferId, onSettled }: TransferProgressProps) {
  const { t } = useTranslation('transfers');
  const { progress, error, cancel } = useTransfer(transferId, onSettled);
  useTransferAnnouncements(transferId, progress);
  if (error) return <ErrorMessage error={error} />;
  if (!progress) return <p className="muted">{t('starting')}</p>;

  const { phase, bytes, totalBytes, bytesPerSecond, name } = progress;
  // A copy of empty files only has a total of 0 bytes: its bar still fills when done.
  const barMax = totalBytes && totalBytes > 0 ? totalBytes : undefined;
  const amount = totalBytes !== undefined ? t('bytesOf', { done: formatBytes(bytes), total: formatBytes(totalBytes) }) : formatBytes(bytes);
  const verb = t(`verb.${progress.direction}`);
  return (
    <div className={`transfer transfer-${phase}`} data-testid="transfer" data-phase={phase}>
      <div className="transfer-line">
        <span className="transfer-name">{t(`phase.${phase}`, { verb, name })}</span>
        <span className="transfer-amount mono">
          {amount}
          {phase === 'running' && bytesPerSecond > 0 && ` · ${t('rate', { rate: formatBytes(bytesPerSecond) })}`}
          {phase === 'done' && bytesPerSecond > 0 && ` · ${t('average', { rate: formatBytes(bytesPerSecond) })}`}
        </span>
        {phase === 'running' && (
          <button type="button" className="small" onClick={cancel} aria-label={t('cancelNamed', { name })}>
            {t('cancel')}
          </button>
        )}
      </div>
      <progress
        className="transfer-bar"
        aria-label={t('barLabel', { name })}
        max={barMax}
        value={phase === 'done' ? (barMax ?? 1) : barMax ? bytes : undefined}
      />
      {/* Said by the app's live region (useTransferAnnouncements); this is the outcome's detail on screen. */}
      <div className="transfer-outcome">
        {phase === 'failed' && <ErrorMessage error={BerthError.fromShape(progress.error ?? { code: 'INTERNAL', message: t('failed') })} />}
        {phase === 'cancelled' && <span className="muted">{t('cancelledNote')}</span>}
        {progress.warnings?.map((warning) => (
          <p key={warning} className="transfer-warning">
            {warning}
          </p>
        ))}
      </div>
    </div>
  );
}

/** Start, each quarter and the end of a transfer, said in the polite live region (not every percent). */
function useTransferAnnouncements(transferId: string, progress: Progress | undefined): void {
  const { t } = useTranslation('transfers');
  const announce = useAnnounce();
  const [tracker] = useState(() => new MilestoneTracker());
  useEffect(() => {
    if (!progress) return;
    // A transfer first seen already ended (a panel shown again) was said when it ended.
    const step = tracker.next(
      transferId,
      milestoneOf(progress.phase, progress.bytes, progress.totalBytes),
      progress.phase !== 'running' && !tracker.seen(transferId),
    );
    if (step === undefined) return;
    const verb = t(`verb.${progress.direction}`);
    const { name } = progress;
    if (step === 'started') announce(t('announce.started', { verb, name }));
    else if (typeof step === 'number') announce(t('announce.percent', { verb, name, percent: step }));
    else if (step === 'failed') announce(`${t('phase.failed', { name })}. ${progress.error?.message ?? t('failed')}`);
    else announce(t(`phase.${step}`, { verb, name }));
  }, [announce, progress, t, tracker, transferId]);
}
