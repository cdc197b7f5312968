import { useCallback, useState } from 'react';
import type { DownloadStart } from '../../../shared/types/transfers';
import type { BerthClient } from '../../api/client';
import { startBrowserDownload } from '../transfers';

type StartedDownload = Extract<DownloadStart, { status: 'started' }>;

export type DownloadState =
  | { phase: 'idle' }
  | { phase: 'starting' }
  /** Progress and outcome come from the transfer (TransferProgress). */
  | { phase: 'started'; started: StartedDownload; timestamps: boolean }
  | { phase: 'failed'; error: Error };

/**
 * "Download log": the whole log, streamed by main from the engine to a file the user chooses
 * (desktop: save dialog) or to the browser's downloads (browser mode: a one-time URL).
 */
export function useLogDownload(client: BerthClient, id: string, timestamps: boolean): { state: DownloadState; start(): void; dismiss(): void } {
  const [state, setState] = useState<DownloadState>({ phase: 'idle' });

  const start = useCallback(() => {
    setState({ phase: 'starting' });
    client.invoke('logs.download', { id, timestamps }).then(
      (result) => {
        if (result.status === 'dismissed') return setState({ phase: 'idle' });
        setState({ phase: 'started', started: result, timestamps });
        if (result.delivery === 'browser') startBrowserDownload(result.url, result.filename);
      },
      (error: unknown) => setState({ phase: 'failed', error: error instanceof Error ? error : new Error(String(error)) }),
    );
  }, [client, id, timestamps]);

  const dismiss = useCallback(() => setState({ phase: 'idle' }), []);
  return { state, start, dismiss };
}
