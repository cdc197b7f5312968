import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransferProgress as Progress } from '../../../shared/types/transfers';
import type { VolumeSummary } from '../../../shared/types/volumes';
import { useClient } from '../../api/ClientContext';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Modal } from '../../components/Modal';
import { TransferProgress } from '../../components/TransferProgress';
import { formatBytes } from '../../format/bytes';
import { uploadInBrowser } from '../transfers';
import { volumeRestoreCommand } from '../../../shared/cli/volumes';
import { volumeLabel } from './VolumeTable';

type BackupFile = { kind: 'handle'; fileHandle: string; name: string; sizeBytes: number } | { kind: 'browser'; file: File; name: string; sizeBytes: number };
type Mode = 'merge' | 'replace';

const TAR_ACCEPT = '.tar,.tgz,.gz,.tar.gz,application/x-tar,application/gzip';

/** Why `replace` cannot be chosen for this volume, or undefined (main checks again). */
function replaceBlocker(volume: VolumeSummary): { key: 'inUse' | 'driver'; values: Record<string, string> } | undefined {
  if (volume.usedBy.length > 0) return { key: 'inUse', values: { users: volume.usedBy.join(', ') } };
  if (volume.driver !== 'local' || Object.keys(volume.options).length > 0) return { key: 'driver', values: { driver: volume.driver } };
  return undefined;
}

/** `volumes.restore`: a backup tar into the volume, merged or replacing its content, with the upload's progress. */
export function RestoreVolumeDialog({ volume, onClose, onRestored }: { volume: VolumeSummary; onClose(): void; onRestored(): void }) {
  const { t } = useTranslation('volumes');
  const client = useClient();
  const desktop = client.transport === 'electron';
  const [file, setFile] = useState<BackupFile>();
  const blocker = replaceBlocker(volume);
  const [mode, setMode] = useState<Mode>('merge');
  const [error, setError] = useState<Error>();
  const [transferId, setTransferId] = useState<string>();
  const [outcome, setOutcome] = useState<Progress>();
  const running = transferId !== undefined && outcome === undefined;
  const label = volumeLabel(volume);

  const choose = async (): Promise<void> => {
    setError(undefined);
    try {
      const picked = await client.invoke('transfers.pickFile', {
        purpose: 'import',
        filters: [
          { name: 'Tar archives', extensions: ['tar', 'tgz', 'gz'] },
          { name: 'All files', extensions: ['*'] },
        ],
      });
      if (picked) setFile({ kind: 'handle', fileHandle: picked.fileHandle, name: picked.name, sizeBytes: picked.sizeBytes });
    } catch (err) {
      setError(err as Error);
    }
  };

  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    const dropped = event.dataTransfer.files[0];
    if (!dropped || running || desktop) return;
    setFile({ kind: 'browser', file: dropped, name: dropped.name, sizeBytes: dropped.size });
  };

  const start = async (): Promise<void> => {
    if (!file) return;
    setError(undefined);
    setOutcome(undefined);
    const source =
      file.kind === 'handle'
        ? ({ kind: 'file', fileHandle: file.fileHandle } as const)
        : ({ kind: 'upload', filename: file.name, sizeBytes: file.sizeBytes } as const);
    try {
      const started = await client.invoke('volumes.restore', { name: volume.name, mode, source });
      setTransferId(started.transferId);
      if (file.kind === 'browser' && started.uploadUrl) void uploadInBrowser(started.uploadUrl, file.file);
    } catch (err) {
      setError(err as Error);
    }
  };

  const cli = volumeRestoreCommand(volume.name, file?.name ?? `${volume.name}.tar`, mode, {
    driver: volume.driver,
    driverOptions: volume.options,
    labels: volume.labels,
  });
  return (
    <Modal kind="volumes" title={t('restore.title', { name: label })} onClose={onClose} locked={running} wide>
      <form
        className="volumes-form"
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
        onDragOver={(event) => event.preventDefault()}
        onDrop={onDrop}
      >
        <p className="muted small-print">{t('restore.explain')}</p>
        <div className="file-choice">
          {file ? (
            <span className="chosen-file">
              <strong>{file.name}</strong> <span className="muted">{formatBytes(file.sizeBytes)}</span>
            </span>
          ) : (
            <span className="muted">{t('restore.noFile')}</span>
          )}
          {desktop ? (
            <button type="button" onClick={() => void choose()} disabled={running}>
              {t('restore.chooseFile')}
            </button>
          ) : (
            <label className="file-button">
              {t('restore.chooseFile')}
              <input
                type="file"
                accept={TAR_ACCEPT}
                disabled={running}
                data-testid="restore-file-input"
                onChange={(event) => {
                  const chosen = event.target.files?.[0];
                  if (chosen) setFile({ kind: 'browser', file: chosen, name: chosen.name, sizeBytes: chosen.size });
                }}
              />
            </label>
          )}
        </div>
        <fieldset className="volume-restore-modes" disabled={running}>
          <legend>{t('restore.modeLegend')}</legend>
          <label className="check">
            <input type="radio" name="restore-mode" value="merge" checked={mode === 'merge'} onChange={() => setMode('merge')} />
            <span>
              <strong>{t('restore.merge')}</strong> <span className="muted">{t('restore.mergeExplain')}</span>
            </span>
          </label>
          <label className="check">
            <input
              type="radio"
              name="restore-mode"
              value="replace"
              checked={mode === 'replace'}
              disabled={blocker !== undefined}
              aria-describedby={blocker ? 'restore-replace-blocked' : undefined}
              onChange={() => setMode('replace')}
            />
            <span>
              <strong>{t('restore.replace')}</strong> <span className="muted">{t('restore.replaceExplain')}</span>
            </span>
          </label>
          {blocker && (
            <p id="restore-replace-blocked" className="muted small-print">
              {t(`restore.blocked.${blocker.key}`, blocker.values)}
            </p>
          )}
        </fieldset>
        <CliCommand command={cli} />
        {error && <ErrorMessage error={error} onDismiss={() => setError(undefined)} />}
        {transferId && (
          <TransferProgress
            key={transferId}
            transferId={transferId}
            onSettled={(final) => {
              setOutcome(final);
              if (final.phase === 'done') onRestored();
            }}
          />
        )}
        {outcome?.phase === 'done' && (
          <p className="volume-restore-done" role="status">
            {t(mode === 'replace' ? 'restore.doneReplaced' : 'restore.doneMerged', { name: label, file: file?.name ?? '' })}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose} disabled={running}>
            {outcome ? t('close') : t('cancel')}
          </button>
          {outcome?.phase !== 'done' && (
            <button type="submit" className="primary" disabled={!file || running}>
              {t('restore.start')}
            </button>
          )}
        </div>
      </form>
    </Modal>
  );
}
