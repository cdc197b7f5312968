import { useEffect, useRef, useState } from 'react';
import type { BerthError } from '../../../shared/errors';
import type { TransferProgress } from '../../../shared/types/transfers';
import { useClient } from '../../api/ClientContext';
import { markShownInView } from './shown-in-views';

export interface TransferView {
  progress: TransferProgress | undefined;
  /** The stream itself failed (e.g. the transfer is unknown), not the transfer. */
  error: BerthError | undefined;
  cancel(): void;
}

/** Follows one transfer's progress while mounted; `onSettled` runs once with its final state. */
export function useTransfer(transferId: string, onSettled?: (progress: TransferProgress) => void): TransferView {
  const client = useClient();
  const [progress, setProgress] = useState<TransferProgress>();
  const [error, setError] = useState<BerthError>();
  const settledRef = useRef(onSettled);
  settledRef.current = onSettled;

  useEffect(() => markShownInView(transferId), [transferId]);

  useEffect(() => {
    setProgress(undefined);
    setError(undefined);
    return client.subscribe(
      'transfers.watch',
      { transferId },
      {
        onMessage: (message) => {
          setProgress(message);
          if (message.phase !== 'running') settledRef.current?.(message);
        },
        onError: setError,
      },
    );
  }, [client, transferId]);

  const cancel = (): void => {
    void client.invoke('transfers.cancel', { transferId }).catch((err: BerthError) => setError(err));
  };
  return { progress, error, cancel };
}
