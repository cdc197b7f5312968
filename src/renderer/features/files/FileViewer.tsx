import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileContent } from '../../../shared/types/files';
import { useClient } from '../../api/ClientContext';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatBytes } from '../../format/bytes';
import { FilesDialog } from './FilesDialog';
import { inputOf, targetLines, targetParts, type FileTarget } from './file-target';

/** What the viewer reads of a file at most; the rest is not transferred. */
const VIEW_LIMIT_BYTES = 1024 * 1024;

interface FileViewerProps {
  target: FileTarget;
  path: string;
  onClose(): void;
}

/** A file's text, read-only, with line numbers; a binary file is named, not dumped. */
export function FileViewer({ target, path, onClose }: FileViewerProps) {
  const { t } = useTranslation('files');
  const client = useClient();
  const [content, setContent] = useState<FileContent>();
  const [error, setError] = useState<Error>();

  const { id, volume } = targetParts(target);
  useEffect(() => {
    let live = true;
    client.invoke('files.read', { ...inputOf(id, volume), path, maxBytes: VIEW_LIMIT_BYTES }).then(
      (result) => live && setContent(result),
      (err: Error) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [client, id, volume, path]);

  const lines = content?.kind === 'text' ? content.text.split('\n') : [];
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return (
    <FilesDialog title={t('viewer.title', { path })} onClose={onClose} wide>
      <CliCommand command={targetLines(target).view(path)} />
      {error && <ErrorMessage error={error} />}
      {!content && !error && <p className="muted">{t('viewer.loading')}</p>}
      {content && (
        <p className="muted files-viewer-meta">
          {content.path !== path && `${t('viewer.via', { path: content.path })} · `}
          {formatBytes(content.size)}
        </p>
      )}
      {content?.kind === 'binary' && (
        <div className="empty-state" role="status">
          {t('viewer.binary', { size: formatBytes(content.size) })}
        </div>
      )}
      {content?.kind === 'text' && content.truncated && (
        <p className="files-viewer-note" role="status">
          {t('viewer.truncated', { shown: formatBytes(VIEW_LIMIT_BYTES), size: formatBytes(content.size) })}
        </p>
      )}
      {content?.kind === 'text' && content.text === '' && <p className="muted">{t('viewer.empty')}</p>}
      {content?.kind === 'text' && content.text !== '' && (
        <pre className="files-viewer-text" tabIndex={0} aria-label={t('viewer.textLabel', { path })}>
          {lines.map((line, index) => (
            <span key={index} className="files-viewer-line">
              <span className="files-viewer-number" aria-hidden="true">
                {index + 1}
              </span>
              {line}
              {'\n'}
            </span>
          ))}
        </pre>
      )}
    </FilesDialog>
  );
}
