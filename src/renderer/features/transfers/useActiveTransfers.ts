import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BerthError } from '../../../shared/errors';
import type { TransferProgress } from '../../../shared/types/transfers';
import { useClient } from '../../api/ClientContext';
import { isShownInView } from './shown-in-views';

export interface ActiveTransfers {
  /** Running ones first (in the order they began), then the ended ones, newest first; without those dismissed. */
  visible: readonly TransferProgress[];
  running: number;
  /** The stream itself failed; the list shown is the last known. */
  error: BerthError | undefined;
  cancel(transferId: string): void;
  dismiss(transferId: string): void;
  /** The last sentence about a transfer's end, for the tray's polite live region. */
  announcement: string;
}

/**
 * Every transfer of every engine (`transfers.active`), whichever view started it: main keeps one
 * list for all engines, so one subscription is enough and a switch loses none.
 */
export function useActiveTransfers(): ActiveTransfers {
  const { t } = useTranslation('transfers');
  const client = useClient();
  const [list, setList] = useState<readonly TransferProgress[]>([]);
  const [error, setError] = useState<BerthError>();
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  const [announcement, setAnnouncement] = useState('');
  // The phase each transfer had in the last list: an end is said only when it was seen running.
  const phases = useRef(new Map<string, TransferProgress['phase']>());

  useEffect(
    () =>
      client.subscribe(
        'transfers.active',
        {},
        {
          onMessage: (next) => {
            setError(undefined);
            setList(next);
          },
          onError: setError,
        },
      ),
    [client],
  );

  useEffect(() => {
    for (const transfer of list) {
      const before = phases.current.get(transfer.transferId);
      phases.current.set(transfer.transferId, transfer.phase);
      if (before !== 'running' || transfer.phase === 'running' || isShownInView(transfer.transferId)) continue;
      const { name } = transfer;
      setAnnouncement(
        transfer.phase === 'failed'
          ? `${t('phase.failed', { name })}. ${transfer.error?.message ?? t('failed')}`
          : t(`phase.${transfer.phase}`, { name, verb: t(`verb.${transfer.direction}`) }),
      );
    }
  }, [list, t]);

  const cancel = useCallback(
    (transferId: string) => {
      void client.invoke('transfers.cancel', { transferId }).catch((err: BerthError) => setError(err));
    },
    [client],
  );
  const dismiss = useCallback((transferId: string) => setDismissed((current) => new Set(current).add(transferId)), []);

  const visible = useMemo(() => {
    const shown = list.filter((transfer) => !dismissed.has(transfer.transferId));
    const running = shown.filter((transfer) => transfer.phase === 'running');
    const ended = shown.filter((transfer) => transfer.phase !== 'running').reverse();
    return [...running, ...ended];
  }, [list, dismissed]);

  return { visible, running: visible.filter((transfer) => transfer.phase === 'running').length, error, cancel, dismiss, announcement };
}
