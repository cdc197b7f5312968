import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileEntry } from '../../../shared/types/files';
import type { VolumeSummary } from '../../../shared/types/volumes';
import { useCommand } from '../../api/useCommand';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Modal } from '../../components/Modal';
import { formatBytes } from '../../format/bytes';
import { volumeBrowseCommand } from '../../../shared/cli/volumes';
import { volumeLabel } from './VolumeTable';

const VIEW_LIMIT_BYTES = 256 * 1024;

const parentOf = (folder: string): string => folder.replace(/\/[^/]*$/, '') || '/';
const byKindThenName = (a: FileEntry, b: FileEntry): number => Number(b.kind === 'directory') - Number(a.kind === 'directory') || a.name.localeCompare(b.name);

/** A file of the volume, read-only (the first 256 KiB of a text file). */
function FileView({ volume, path }: { volume: string; path: string }) {
  const { t } = useTranslation('volumes');
  const { data, error } = useCommand('files.read', { volume, path, maxBytes: VIEW_LIMIT_BYTES });
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <p className="muted">{t('loading')}</p>;
  if (data.kind === 'binary') return <p className="muted">{t('browse.binary', { size: formatBytes(data.size) })}</p>;
  return (
    <div className="volume-file-view">
      <pre tabIndex={0} aria-label={t('browse.contentLabel', { path })}>
        {data.text}
      </pre>
      {data.truncated && <p className="muted small-print">{t('browse.truncated', { size: formatBytes(VIEW_LIMIT_BYTES) })}</p>}
    </div>
  );
}

/**
 * A volume's files, read-only, also when no container uses it: main reads them through a helper
 * container that is never started and is removed after each read.
 */
export function VolumeFilesDialog({ volume, onClose }: { volume: VolumeSummary; onClose(): void }) {
  const { t } = useTranslation('volumes');
  const [folder, setFolder] = useState('/');
  const [file, setFile] = useState<string>();
  const { data: listing, error } = useCommand('files.list', { volume: volume.name, path: folder });
  const entries = listing ? [...listing.entries].sort(byKindThenName) : [];
  const open = (entry: FileEntry): void => {
    if (entry.kind === 'file') setFile(entry.path);
    else if (entry.kind === 'directory' || entry.kind === 'symlink') {
      setFile(undefined);
      setFolder(entry.path);
    }
  };
  return (
    <Modal kind="volumes" title={t('browse.title', { name: volumeLabel(volume) })} onClose={onClose} wide>
      <p className="muted small-print">{t('browse.explain')}</p>
      <div className="volume-browse-bar">
        <button
          type="button"
          className="small"
          disabled={folder === '/'}
          onClick={() => {
            setFile(undefined);
            setFolder(parentOf(folder));
          }}
        >
          {t('browse.up')}
        </button>
        <span className="mono" aria-live="polite">
          {folder}
        </span>
      </div>
      <CliCommand command={volumeBrowseCommand(volume.name, folder, file)} />
      {error && <ErrorMessage error={error} />}
      {!listing && !error && <p className="muted">{t('loading')}</p>}
      {listing && entries.length === 0 && <p className="muted">{t('browse.emptyFolder')}</p>}
      {entries.length > 0 && (
        <ul className="volume-entries" aria-label={t('browse.listLabel', { path: folder })}>
          {entries.map((entry) => (
            <li key={entry.path} data-path={entry.path}>
              <button
                type="button"
                className="ghost small"
                disabled={entry.kind === 'other'}
                aria-current={entry.path === file ? 'true' : undefined}
                onClick={() => open(entry)}
              >
                {entry.name}
                {entry.kind === 'directory' ? '/' : ''}
              </button>
              <span className="muted">{entry.kind === 'file' ? formatBytes(entry.size) : t(`browse.kind.${entry.kind}`)}</span>
            </li>
          ))}
        </ul>
      )}
      {file && <FileView volume={volume.name} path={file} />}
    </Modal>
  );
}
