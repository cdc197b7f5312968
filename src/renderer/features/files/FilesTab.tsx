import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useEngineGate, useEngineReach } from '../engine';
import type { FileEntry } from '../../../shared/types/files';
import { useClient } from '../../api/ClientContext';
import { CliCommand } from '../../components/CliCommand';
import { CopyConfirm } from './CopyConfirm';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatBytes } from '../../format/bytes';
import type { DetailTabProps } from '../../tab-types';
import { CopyTasks } from './CopyTasks';
import { buildBrowserUpload, collectDropped, collectPicked, droppedItems, type CopySource } from './dropped-files';
import { childPath, parentOf, sortRows, type Row, type Sort, type SortKey } from './file-format';
import { FileTable } from './FileTable';
import { FileViewer } from './FileViewer';
import { PathBar } from './PathBar';
import { useChangeMarks } from './useChangeMarks';
import { useCopies } from './useCopies';
import { useListing } from './useListing';
import '../../styles/files.css';
import { targetLines, type FileTarget } from './file-target';

const isFileDrag = (event: DragEvent): boolean => Array.from(event.dataTransfer.types).includes('Files');

/** The folder a drop lands in: the folder row under the pointer, else the folder shown. */
function dropFolderAt(target: EventTarget | null, fallback: string): string {
  const row = target instanceof Element ? target.closest('[data-drop-folder]') : null;
  return row?.getAttribute('data-drop-folder') ?? fallback;
}

/** A container's Files tab. */
export function FilesTab({ container }: DetailTabProps) {
  return <FileBrowser target={{ kind: 'container', id: container.id, name: container.name, state: container.state }} />;
}

/**
 * A container's filesystem (listed with an exec where it runs, else the archive API), or a
 * volume's (through helper containers main makes for each read and copy): browse, view, copy in
 * (buttons, drag and drop) and out, with the copies' progress.
 */
export function FileBrowser({ target }: { target: FileTarget }) {
  const { t } = useTranslation('files');
  const { gate } = useEngineGate();
  const client = useClient();
  const desktop = client.transport === 'electron';
  const [path, setPath] = useState('/');
  const [version, setVersion] = useState(0);
  const [sort, setSort] = useState<Sort>({ key: 'name', direction: 'asc' });
  const [viewing, setViewing] = useState<string>();
  const [dropTarget, setDropTarget] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const listing = useListing(target, path, version);
  const { marks, changes, reload: reloadMarks } = useChangeMarks(target.kind === 'container' ? target.id : undefined);
  const refresh = useCallback(() => {
    setVersion((value) => value + 1);
    reloadMarks();
  }, [reloadMarks]);
  const copies = useCopies(target, refresh);
  // A listing that failed while the engine was away is read again when it is back.
  const { epoch } = useEngineReach();
  const seenEpoch = useRef(epoch);
  useEffect(() => {
    if (seenEpoch.current === epoch) return;
    seenEpoch.current = epoch;
    refresh();
  }, [epoch, refresh]);
  const collator = useMemo(() => new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }), []);

  const rows = useMemo(() => {
    const shown: Row[] = listing.entries.map((entry) => ({ entry, change: marks.get(entry.path) }));
    const present = new Set(listing.entries.map((entry) => entry.path));
    for (const change of changes) {
      if (change.kind !== 'deleted' || parentOf(change.path) !== listing.path || present.has(change.path) || change.path === '/') continue;
      const name = change.path.split('/').at(-1)!;
      shown.push({ entry: { name, path: change.path, kind: 'file', size: 0, mode: 0, modified: 0 }, change: 'deleted', deleted: true });
    }
    return sortRows(shown, sort, collator);
  }, [listing.entries, listing.path, marks, changes, sort, collator]);

  const navigate = (target: string): void => {
    setPath(target);
    setDropTarget(undefined);
  };
  // A path that turns out to be a file (typed, or a symlink to a file) opens in the viewer instead.
  useEffect(() => {
    if (listing.requested !== path || listing.error?.code !== 'INVALID_INPUT' || !/is not a folder/.test(listing.error.message) || path === '/') return;
    setViewing(path);
    setPath(parentOf(path));
  }, [listing.error, listing.requested, path]);
  const open = (entry: FileEntry): void => {
    if (entry.kind === 'directory') navigate(entry.path);
    else if (entry.kind === 'symlink') navigate(childPath(listing.path, entry.name));
    else setViewing(entry.path);
  };
  const onSort = (key: SortKey): void =>
    setSort((current) => (current.key === key ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: 'asc' }));

  const copyInto = (source: CopySource, folder: string): void => void copies.copyIn(source, folder);

  const onDragOver = (event: DragEvent<HTMLDivElement>): void => {
    if (!isFileDrag(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDropTarget(dropFolderAt(event.target, listing.path));
  };
  const onDragLeave = (event: DragEvent<HTMLDivElement>): void => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropTarget(undefined);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    if (!isFileDrag(event)) return;
    event.preventDefault();
    const folder = dropFolderAt(event.target, listing.path);
    setDropTarget(undefined);
    if (desktop) {
      void droppedItems(event.dataTransfer.files).then((items) => copyInto({ kind: 'items', items }, folder));
      return;
    }
    void collectDropped(event.dataTransfer).then((collected) => copyInto({ kind: 'browser', upload: buildBrowserUpload(collected) }, folder));
  };

  const pickDesktop = async (folders: boolean): Promise<void> => {
    const items = await client.invoke('files.pickItems', { folders });
    if (items.length > 0) copyInto({ kind: 'items', items }, listing.path);
  };
  const onPicked = (event: ChangeEvent<HTMLInputElement>): void => {
    const files = event.target.files;
    if (files && files.length > 0) copyInto({ kind: 'browser', upload: buildBrowserUpload(collectPicked(files)) }, listing.path);
    event.target.value = '';
  };

  const reading = !listing.done && !listing.error && !listing.stopped;
  // Before the first answer: what a running, unpaused container will be listed with.
  const viaExec = target.kind === 'container' && (listing.method ? listing.method.kind === 'exec' : target.state === 'running');
  return (
    <div
      className={`files-tab${dropTarget ? ' files-dragging' : ''}`}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      data-testid="files-tab"
    >
      <div className="toolbar files-toolbar">
        <button type="button" className="small" onClick={() => navigate(parentOf(listing.path))} disabled={listing.path === '/'} aria-label={t('path.upLabel')}>
          {t('path.up')}
        </button>
        <PathBar path={listing.path} onNavigate={navigate} />
        <div className="files-actions">
          <button type="button" className="small" onClick={refresh}>
            {t('refresh')}
          </button>
          <button
            type="button"
            className="small"
            disabled={copies.busy}
            onClick={() => (desktop ? void pickDesktop(false) : fileInput.current?.click())}
            {...gate}
          >
            {t('upload.files')}
          </button>
          <button
            type="button"
            className="small"
            disabled={copies.busy}
            onClick={() => (desktop ? void pickDesktop(true) : folderInput.current?.click())}
            {...gate}
          >
            {t('upload.folder')}
          </button>
          <input ref={fileInput} type="file" multiple hidden onChange={onPicked} data-testid="files-upload-input" />
          <input ref={folderInput} type="file" hidden onChange={onPicked} {...{ webkitdirectory: '' }} />
        </div>
      </div>
      <CliCommand command={targetLines(target).list(listing.path, viaExec)} />
      <div className="files-status" role="status" aria-live="polite">
        {reading && (
          <>
            <span>
              {listing.refreshing
                ? t('status.refreshing')
                : listing.method?.kind === 'archive'
                  ? t('status.reading', { count: listing.entries.length })
                  : t('status.starting')}
            </span>
            <button type="button" className="small ghost" onClick={listing.stop}>
              {t('status.stop')}
            </button>
          </>
        )}
        {listing.stopped && (
          <>
            <span>{t('status.stopped', { count: listing.entries.length })}</span>
            <button type="button" className="small ghost" onClick={refresh}>
              {t('status.readAgain')}
            </button>
          </>
        )}
        {listing.done && <span className="muted">{t('status.count', { count: listing.entries.length })}</span>}
        {listing.method && !listing.error && (
          <span className={listing.method.kind === 'archive' ? 'files-method files-method-archive' : 'files-method muted'} data-testid="files-method">
            {listing.method.kind === 'exec'
              ? t('status.exec', { size: formatBytes(listing.scannedBytes) })
              : t(`status.archive.${listing.method.reason}`, { size: formatBytes(listing.scannedBytes) })}
          </span>
        )}
        <span className="muted files-drop-hint">
          {dropTarget ? t('drop.into', { folder: dropTarget }) : t(target.kind === 'volume' ? 'drop.hintVolume' : 'drop.hint')}
        </span>
      </div>
      {listing.error && <ErrorMessage error={listing.error} />}
      {copies.error && <ErrorMessage error={copies.error} onDismiss={copies.clearError} />}
      <CopyTasks tasks={copies.tasks} onSettled={copies.settled} onDismiss={copies.dismiss} />
      {listing.done && rows.length === 0 && !listing.error && (
        <div className="empty-state" role="status">
          {t('empty')}
        </div>
      )}
      {rows.length > 0 && (
        <FileTable
          rows={rows}
          sort={sort}
          dropTarget={dropTarget}
          onSort={onSort}
          onOpen={open}
          onDownload={(entry, format) => void copies.copyOut(entry.path, format)}
          onUp={() => navigate(parentOf(listing.path))}
        />
      )}
      {viewing && <FileViewer target={target} path={viewing} onClose={() => setViewing(undefined)} />}
      <CopyConfirm copies={copies} />
    </div>
  );
}
