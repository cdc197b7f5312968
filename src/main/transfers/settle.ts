import type { FinishedTask } from '../../shared/types/desktop';
import type { HostServices } from '../host';
import type { Transfer, TransferOutcome } from './registry';

/** Runs a transfer's work without waiting for it; settles the transfer and tells the host how it ended. */
export function settleInBackground(
  transfer: Transfer,
  host: HostServices,
  task: Pick<FinishedTask, 'kind' | 'subject'>,
  work: () => Promise<TransferOutcome>,
): Promise<void> {
  const startedAt = Date.now();
  return work()
    .then(
      (outcome) => transfer.complete(outcome),
      (err: unknown) => transfer.fail(err),
    )
    .then(() => {
      try {
        if (transfer.phase !== 'cancelled') host.taskFinished({ ...task, ok: transfer.phase === 'done', startedAt });
      } catch {
        // A notification that cannot be shown is not the transfer's failure.
      }
    });
}
