import { useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPTY_CHANGES, hasNoCommand, type ImageChanges } from '../../../shared/images/change-lines';
import type { TransferProgress as Progress } from '../../../shared/types/transfers';
import { useClient } from '../../api/ClientContext';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TransferProgress } from '../../components/TransferProgress';
import { formatBytes } from '../../format/bytes';
import { useTaskNotifier } from '../notify';
import { uploadInBrowser } from '../transfers';
import { ChangesForm } from './ChangesForm';
import { changesFrom, draftFrom, draftLines, draftProblems, type ChangesDraft } from './changes-draft';
import { ImageCreatedNotice, ImageNameFields, useImageName } from './ImageNameFields';
import { droppedImportFile, pickImportFile, TAR_ACCEPT, type ImportFile } from './import-file';
import { Modal } from '../../components/Modal';
import { containerConfigCommand } from '../../../shared/cli/containers';
import { importCommand } from '../../../shared/cli/images';

interface ImportDialogProps {
  initialFile?: ImportFile;
  /** Pre-filled changes, e.g. the exported container's config. */
  initialChanges?: ImageChanges;
  /** Shown when no file is chosen yet (browser mode after an export: the name of the download). */
  fileHint?: string;
  /** The container whose config filled in initialChanges: its `docker inspect` line is shown. */
  prefilledFrom?: string;
  onClose(): void;
  onCreateContainer(image: string): void;
}

/** `docker import` as a form: the tar, a name, a message and the change lines; then the upload's progress. */
export function ImportDialog({ initialFile, initialChanges = EMPTY_CHANGES, fileHint, prefilledFrom, onClose, onCreateContainer }: ImportDialogProps) {
  const { t } = useTranslation('images');
  const client = useClient();
  const notify = useTaskNotifier();
  const [file, setFile] = useState<ImportFile | undefined>(initialFile);
  const name = useImageName();
  const [message, setMessage] = useState('');
  const [draft, setDraft] = useState<ChangesDraft>(() => draftFrom(initialChanges));
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<Error>();
  const [transferId, setTransferId] = useState<string>();
  const [outcome, setOutcome] = useState<Progress>();
  const [startedAt, setStartedAt] = useState(0);

  const lines = useMemo(() => draftLines(draft), [draft]);
  const changeIssues = Object.keys(draftProblems(draft)).length > 0;
  const invalid = !file || file.sizeBytes === 0 || name.invalid || changeIssues;
  const running = transferId !== undefined && outcome === undefined;

  const choose = async (): Promise<void> => {
    setError(undefined);
    try {
      const picked = await pickImportFile(client);
      if (picked) setFile(picked);
    } catch (err) {
      setError(err as Error);
    }
  };

  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    const dropped = event.dataTransfer.files[0];
    if (!dropped || transferId) return;
    void droppedImportFile(dropped).then((chosen) => (chosen ? setFile(chosen) : setError(new Error(t('import.dropNotAFile')))));
  };

  const start = async (): Promise<void> => {
    setSubmitted(true);
    if (invalid || !file) return;
    setError(undefined);
    const source =
      file.kind === 'handle'
        ? ({ kind: 'file', fileHandle: file.fileHandle } as const)
        : ({ kind: 'upload', filename: file.name, sizeBytes: file.sizeBytes } as const);
    try {
      const started = await client.invoke('images.import', {
        source,
        ...name.reference,
        ...(message.trim() ? { message: message.trim() } : {}),
        changes: lines,
      });
      setStartedAt(Date.now());
      setTransferId(started.transferId);
      if (file.kind === 'browser' && started.uploadUrl) void uploadInBrowser(started.uploadUrl, file.file);
    } catch (err) {
      setError(err as Error);
    }
  };

  const imported = outcome?.phase === 'done' ? (outcome.result?.reference ?? outcome.result?.imageId) : undefined;
  const cli = importCommand(file?.name ?? 'FILE.tar', { ...name.trimmed, message: message.trim(), changes: lines });

  return (
    <Modal kind="images" title={t('import.title')} onClose={onClose} locked={running} wide>
      <form
        className="images-form"
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
        onDragOver={(event) => event.preventDefault()}
        onDrop={onDrop}
      >
        <div className="file-choice">
          {file ? (
            <span className="chosen-file">
              <strong>{file.name}</strong> <span className="muted">{formatBytes(file.sizeBytes)}</span>
            </span>
          ) : (
            <span className="muted">{fileHint ? t('import.chooseDownloaded', { name: fileHint }) : t('import.noFile')}</span>
          )}
          {client.transport === 'electron' ? (
            <button type="button" onClick={() => void choose()} disabled={Boolean(transferId)}>
              {t('import.chooseFile')}
            </button>
          ) : (
            <label className="file-button">
              {t('import.chooseFile')}
              <input
                type="file"
                accept={TAR_ACCEPT}
                disabled={Boolean(transferId)}
                onChange={(event) => {
                  const chosen = event.target.files?.[0];
                  if (chosen) setFile({ kind: 'browser', file: chosen, name: chosen.name, sizeBytes: chosen.size });
                }}
              />
            </label>
          )}
        </div>
        <p className="muted small-print">{t('import.dropHint')}</p>
        {submitted && !file && (
          <span className="field-problem" role="alert">
            {t('problems.noFile')}
          </span>
        )}
        {file?.sizeBytes === 0 && (
          <span className="field-problem" role="alert">
            {t('problems.emptyFile')}
          </span>
        )}

        <ImageNameFields name={name} />
        <label>
          {t('fields.message')}
          <input value={message} onChange={(event) => setMessage(event.target.value)} />
        </label>
        {prefilledFrom && <CliCommand command={containerConfigCommand(prefilledFrom)} label={t('import.prefilledCli')} />}
        <ChangesForm draft={draft} onChange={setDraft} showProblems />
        {hasNoCommand(changesFrom(draft)) && <p className="images-warning">{t('import.noCommandWarning')}</p>}
        <CliCommand command={cli} />
        {error && <ErrorMessage error={error} onDismiss={() => setError(undefined)} />}
        {transferId && (
          <TransferProgress
            transferId={transferId}
            onSettled={(final) => {
              setOutcome(final);
              if (final.phase !== 'cancelled') notify({ kind: 'import', subject: file?.name ?? '', ok: final.phase === 'done', startedAt });
            }}
          />
        )}
        {imported && (
          <ImageCreatedNotice
            text={t('import.done', { image: imported })}
            actionLabel={t('actions.createContainer')}
            image={imported}
            onCreateContainer={onCreateContainer}
          />
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose} disabled={running}>
            {outcome ? t('close') : t('cancel')}
          </button>
          {(!transferId || (outcome && outcome.phase !== 'done')) && (
            <button
              type="submit"
              className="primary"
              disabled={submitted && invalid}
              onClick={() => {
                if (outcome) {
                  setTransferId(undefined);
                  setOutcome(undefined);
                }
              }}
            >
              {outcome ? t('import.retry') : t('import.start')}
            </button>
          )}
        </div>
      </form>
    </Modal>
  );
}
