import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEngineGate } from '../engine';
import type { ImageChanges } from '../../../shared/images/change-lines';
import type { DownloadStart, TransferProgress as Progress } from '../../../shared/types/transfers';
import { useClient, useSaveDialogs } from '../../api/ClientContext';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TransferProgress } from '../../components/TransferProgress';
import { useTaskNotifier } from '../notify';
import { startBrowserDownload } from '../transfers';
import type { ImportFile } from './import-file';
import { exportCommand } from '../../../shared/cli/containers';

export interface ImportOffer {
  file?: ImportFile;
  fileHint?: string;
  changes: ImageChanges;
  /** The container whose config filled in the changes. */
  prefilledFrom?: string;
}

interface ExportPanelProps {
  container: { id: string; name: string };
  /** "Import as image…" after the export, with the container's config as the changes. */
  onImportAsImage(offer: ImportOffer): void;
  /** Lets a parent (the palette command) start the export. */
  exportRef?: { current: (() => void) | null };
}

/** `docker export`, with what it does not keep said up front, its progress, and "Import as image…" after. */
export function ExportPanel({ container, onImportAsImage, exportRef }: ExportPanelProps) {
  const { t } = useTranslation('images');
  const { gate } = useEngineGate();
  const client = useClient();
  const notify = useTaskNotifier();
  const saveDialogs = useSaveDialogs();
  const [started, setStarted] = useState<Extract<DownloadStart, { status: 'started' }>>();
  const [outcome, setOutcome] = useState<Progress>();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const [startedAt, setStartedAt] = useState(0);

  const start = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    setOutcome(undefined);
    try {
      const result = await client.invoke('containers.export', { id: container.id });
      if (result.status === 'started') {
        setStartedAt(Date.now());
        setStarted(result);
        if (result.delivery === 'browser') startBrowserDownload(result.url, result.filename);
      }
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    if (exportRef) exportRef.current = () => void start();
  });

  const offerImport = async (): Promise<void> => {
    setError(undefined);
    try {
      const changes = await client.invoke('containers.imageConfig', { id: container.id });
      const fileHandle = outcome?.result?.fileHandle;
      const file: ImportFile | undefined =
        fileHandle && started ? { kind: 'handle', fileHandle, name: started.filename, sizeBytes: outcome?.bytes ?? 0 } : undefined;
      onImportAsImage({ changes, prefilledFrom: container.name, ...(file ? { file } : { fileHint: started?.filename }) });
    } catch (err) {
      setError(err as Error);
    }
  };

  const running = started !== undefined && outcome === undefined;
  return (
    <section className="image-section" aria-labelledby={`export-${container.id}`}>
      <h2 id={`export-${container.id}`}>{t('export.title')}</h2>
      <p className="images-warning">{t('export.configWarning')}</p>
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => void start()} disabled={busy || running} {...gate}>
          {saveDialogs ? t('export.start') : t('export.startBrowser')}
        </button>
        <CliCommand command={exportCommand(container.name, started?.filename ?? `${container.name}.tar`)} />
      </div>
      {error && <ErrorMessage error={error} onDismiss={() => setError(undefined)} />}
      {started && (
        <TransferProgress
          key={started.transferId}
          transferId={started.transferId}
          onSettled={(final) => {
            setOutcome(final);
            if (final.phase !== 'cancelled') notify({ kind: 'export', subject: container.name, ok: final.phase === 'done', startedAt });
          }}
        />
      )}
      {outcome?.phase === 'done' && (
        <div className="images-success" role="status">
          <span>{started?.delivery === 'file' ? t('export.savedTo', { path: started.filePath }) : t('export.downloaded', { name: started?.filename })}</span>
          <button type="button" onClick={() => void offerImport()}>
            {t('export.importAsImage')}
          </button>
        </div>
      )}
    </section>
  );
}
