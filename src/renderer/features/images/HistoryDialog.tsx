import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageSummary } from '../../../shared/types/images';
import type { ImageHistoryEntry } from '../../../shared/types/registries';
import { useClient } from '../../api/ClientContext';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Modal } from '../../components/Modal';
import { formatBytes } from '../../format/bytes';
import { formatDateTime, formatRelative } from '../../format/time';
import { imageLabel, removalRef, shortId } from './ImageTable';
import { historyCommand } from '../../../shared/cli/registries';

/** `docker image history`: each layer's command, size and age, newest first as the CLI lists them. */
export function HistoryDialog({ image, onClose }: { image: ImageSummary; onClose(): void }) {
  const { t, i18n } = useTranslation('images');
  const client = useClient();
  const [entries, setEntries] = useState<ImageHistoryEntry[]>();
  const [error, setError] = useState<Error>();
  const label = imageLabel(image);

  useEffect(() => {
    let live = true;
    client.invoke('images.history', { id: image.id }).then(
      (result) => live && setEntries(result),
      (err: Error) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [client, image.id]);

  const withComments = entries?.some((entry) => entry.comment) ?? false;
  return (
    <Modal kind="images" title={t('history.title', { name: label })} onClose={onClose} wide>
      <CliCommand command={historyCommand(removalRef(image))} />
      {error && <ErrorMessage error={error} />}
      {!entries && !error && <p className="muted">{t('loading')}</p>}
      {entries && (
        <div className="history-wrap">
          <table className="history-table" aria-label={t('history.tableLabel', { name: label })}>
            <thead>
              <tr>
                <th scope="col">{t('history.layer')}</th>
                <th scope="col">{t('history.created')}</th>
                <th scope="col">{t('history.createdBy')}</th>
                <th scope="col" className="num">
                  {t('history.size')}
                </th>
                {withComments && <th scope="col">{t('history.comment')}</th>}
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, index) => (
                <tr key={`${entry.id}-${index}`} data-testid="history-row">
                  <td className="mono">{entry.id === '<missing>' ? t('history.missing') : shortId(entry.id)}</td>
                  <td className="nowrap" title={formatDateTime(entry.created, i18n.language)}>
                    {formatRelative(entry.created, i18n.language)}
                  </td>
                  <td className="created-by">{entry.createdBy || '—'}</td>
                  <td className="num">{formatBytes(entry.sizeBytes)}</td>
                  {withComments && <td>{entry.comment}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Modal>
  );
}
