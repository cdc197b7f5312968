import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTextScale } from '../../format/text-scale';
import type { FileEntry } from '../../../shared/types/files';
import { useSaveDialogs } from '../../api/ClientContext';
import { formatBytes } from '../../format/bytes';
import { modeString, type Row, type Sort, type SortKey } from './file-format';
import { FileIcon } from './FileIcon';
import { ariaSort, SortButton } from '../../components/SortButton';

/** A first guess at the default text size; rows are measured once rendered (they grow with the text). */
const BASE_ROW_HEIGHT = 34;
const COLUMNS: SortKey[] = ['name', 'size', 'mode', 'modified', 'change'];
const CHANGE_LETTER = { added: 'A', changed: 'C', deleted: 'D' } as const;

interface FileTableProps {
  rows: Row[];
  sort: Sort;
  /** The folder a drag is over (highlighted), if it is one of the rows. */
  dropTarget: string | undefined;
  onSort(key: SortKey): void;
  onOpen(entry: FileEntry): void;
  onDownload(entry: FileEntry, format: 'auto' | 'tar'): void;
  onUp(): void;
}

/** The folder's children: sortable columns, keyboard navigation, virtualized for huge folders. */
export function FileTable({ rows, sort, dropTarget, onSort, onOpen, onDownload, onUp }: FileTableProps) {
  const { t, i18n } = useTranslation('files');
  const saveDialogs = useSaveDialogs();
  const scrollRef = useRef<HTMLDivElement>(null);
  const scale = useTextScale();
  // One Tab stop for the whole table (the row last focused); the arrow keys move between rows.
  const [focusIndex, setFocusIndex] = useState(0);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => Math.round(BASE_ROW_HEIGHT * scale),
    overscan: 16,
  });
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  const onKey = (event: KeyboardEvent<HTMLDivElement>, index: number, row: Row): void => {
    const focusRow = (next: number): void => {
      const clamped = Math.max(0, Math.min(rows.length - 1, next));
      virtualizer.scrollToIndex(clamped);
      requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${clamped}"]`)?.focus());
    };
    if (event.key === 'Enter' && !row.deleted) onOpen(row.entry);
    else if (event.key === 'ArrowDown') focusRow(index + 1);
    else if (event.key === 'ArrowUp') focusRow(index - 1);
    else if (event.key === 'Home') focusRow(0);
    else if (event.key === 'End') focusRow(rows.length - 1);
    else if (event.key === 'Backspace' || (event.altKey && event.key === 'ArrowUp')) onUp();
    else return;
    event.preventDefault();
  };

  const items = virtualizer.getVirtualItems();
  // The remembered row, or the first one rendered when it is scrolled away or gone.
  const tabStop = items.some((item) => item.index === focusIndex) ? focusIndex : items[0]?.index;

  return (
    <div className={`files-table${scale > 1.05 ? ' large-text' : ''}`} role="table" aria-label={t('table.label')} aria-rowcount={rows.length + 1}>
      <div className="files-row files-header" role="row" aria-rowindex={1}>
        {COLUMNS.map((key) => (
          <span key={key} role="columnheader" className={`files-cell files-col-${key}`} aria-sort={ariaSort(sort.key === key ? sort.direction : undefined)}>
            <SortButton label={t(`table.${key}`)} sorted={sort.key === key ? sort.direction : undefined} onClick={() => onSort(key)} />
          </span>
        ))}
        <span role="columnheader" className="files-cell files-col-actions">
          <span className="visually-hidden">{t('table.actions')}</span>
        </span>
      </div>
      <div className="files-body" ref={scrollRef} data-testid="file-rows">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index]!;
            const { entry } = row;
            const isDropTarget = entry.kind === 'directory' && dropTarget === entry.path;
            return (
              <div
                key={entry.path}
                role="row"
                aria-rowindex={item.index + 2}
                tabIndex={item.index === tabStop ? 0 : -1}
                ref={virtualizer.measureElement}
                onFocus={() => setFocusIndex(item.index)}
                data-index={item.index}
                data-path={entry.path}
                data-kind={entry.kind}
                data-drop-folder={entry.kind === 'directory' && !row.deleted ? entry.path : undefined}
                className={`files-row${row.deleted ? ' files-deleted' : ''}${isDropTarget ? ' files-drop-target' : ''}`}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
                onDoubleClick={() => !row.deleted && onOpen(entry)}
                onKeyDown={(event) => onKey(event, item.index, row)}
              >
                <span role="cell" className="files-cell files-col-name">
                  <FileIcon kind={row.deleted ? 'file' : entry.kind} />
                  {row.deleted ? (
                    <span className="files-name">{entry.name}</span>
                  ) : (
                    <button type="button" className="name-link files-name" tabIndex={-1} onClick={() => onOpen(entry)} title={entry.path}>
                      {entry.name}
                    </button>
                  )}
                  {entry.linkTarget !== undefined && <span className="muted files-link">{t('table.linkTo', { target: entry.linkTarget })}</span>}
                  {entry.hardLinkTo !== undefined && <span className="muted files-link">{t('table.hardLinkTo', { target: entry.hardLinkTo })}</span>}
                </span>
                <span role="cell" className="files-cell files-col-size mono">
                  {row.deleted ? '' : entry.kind === 'directory' ? '—' : formatBytes(entry.size)}
                </span>
                <span role="cell" className="files-cell files-col-mode mono">
                  {row.deleted ? '' : modeString(entry.kind, entry.mode)}
                </span>
                <span role="cell" className="files-cell files-col-modified">
                  {row.deleted || !entry.modified ? '' : dateFormat.format(new Date(entry.modified))}
                </span>
                <span role="cell" className="files-cell files-col-change">
                  {row.change && (
                    <span className={`change-mark change-${row.change}`} title={t(`change.${row.change}`)}>
                      {CHANGE_LETTER[row.change]}
                      <span className="visually-hidden">{t(`change.${row.change}`)}</span>
                    </span>
                  )}
                </span>
                <span role="cell" className="files-cell files-col-actions">
                  {!row.deleted && (entry.kind === 'file' || entry.kind === 'directory' || entry.kind === 'symlink') && (
                    <DownloadButtons entry={entry} saveDialogs={saveDialogs} onDownload={onDownload} />
                  )}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/**
 * What a row's download gives. Desktop app: a file or link through a save dialog ("Download…"); a
 * folder either copied into a folder you pick ("Download…") or saved as one .tar (".tar…").
 * Browser mode: the browser saves without a dialog, and it cannot save a folder, so a folder has
 * only "Download .tar" (both would give the same .tar).
 */
function DownloadButtons({
  entry,
  saveDialogs,
  onDownload,
}: {
  entry: FileEntry;
  saveDialogs: boolean;
  onDownload(entry: FileEntry, format: 'auto' | 'tar'): void;
}) {
  const { t } = useTranslation('files');
  const folder = entry.kind === 'directory';
  const tarButton = (
    <button
      type="button"
      className="small ghost files-download"
      onClick={() => onDownload(entry, 'tar')}
      aria-label={t('download.tarNamed', { name: entry.name })}
      title={saveDialogs ? undefined : t('download.tarBrowserTitle')}
    >
      {saveDialogs ? t('download.tar') : t('download.tarBrowser')}
    </button>
  );
  if (folder && !saveDialogs) return tarButton;
  return (
    <>
      <button
        type="button"
        className="small ghost files-download"
        onClick={() => onDownload(entry, 'auto')}
        aria-label={folder ? t('download.folderNamed', { name: entry.name }) : t('download.named', { name: entry.name })}
      >
        {saveDialogs ? t('download.action') : t('download.actionBrowser')}
      </button>
      {folder && tarButton}
    </>
  );
}
