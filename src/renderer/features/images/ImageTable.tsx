import { useTranslation } from 'react-i18next';
import { useEngineGate } from '../engine';
import type { ImageSummary } from '../../../shared/types/images';
import { formatBytes } from '../../format/bytes';
import { formatDateTime, formatRelative } from '../../format/time';

interface ImageTableProps {
  images: ImageSummary[];
  pending: ReadonlySet<string>;
  onCreateContainer(image: ImageSummary): void;
  onInspect(image: ImageSummary): void;
  onHistory(image: ImageSummary): void;
  onTag(image: ImageSummary): void;
  onPush(image: ImageSummary): void;
  onRemove(image: ImageSummary): void;
  onUntag(image: ImageSummary, repoTag: string): void;
}

type RowAction = 'createContainer' | 'inspect' | 'history' | 'tag' | 'push' | 'remove';

export const shortId = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);
/** What to call an image: its first name, else its short id. */
export const imageLabel = (image: ImageSummary): string => image.repoTags[0] ?? shortId(image.id);
/** How `docker image rm` names what the Remove action deletes (by id: the image, with every name). */
export const removalRef = (image: ImageSummary): string => (image.repoTags.length === 1 ? image.repoTags[0]! : shortId(image.id));

/** The local images: names (each removable on its own), id, size, age, and how many containers use it. */
export function ImageTable({ images, pending, onCreateContainer, onInspect, onHistory, onTag, onPush, onRemove, onUntag }: ImageTableProps) {
  const { t, i18n } = useTranslation('images');
  const { reachable, gate } = useEngineGate();
  // Inspect and History only read: they stay on while another action on the image runs.
  const rowActions: { action: RowAction; run(image: ImageSummary): void; whileBusy?: true; danger?: true }[] = [
    { action: 'createContainer', run: onCreateContainer },
    { action: 'inspect', run: onInspect, whileBusy: true },
    { action: 'history', run: onHistory, whileBusy: true },
    { action: 'tag', run: onTag },
    { action: 'push', run: onPush },
    { action: 'remove', run: onRemove, danger: true },
  ];
  return (
    <div className={`image-table-wrap${reachable ? '' : ' stale-rows'}`} data-stale={reachable ? undefined : 'true'}>
      <table className="image-table" aria-label={t('tableLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('columns.names')}</th>
            <th scope="col">{t('columns.id')}</th>
            <th scope="col" className="num">
              {t('columns.size')}
            </th>
            <th scope="col">{t('columns.created')}</th>
            <th scope="col" className="num">
              {t('columns.containers')}
            </th>
            <th scope="col">{t('columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {images.map((image) => {
            const busy = pending.has(image.id);
            const label = imageLabel(image);
            return (
              <tr key={image.id} data-image-id={image.id} data-image-names={image.repoTags.join(' ')} aria-busy={busy}>
                <td>
                  <div className="names-cell">
                    {image.dangling && <span className="dangling-pill">{t('dangling')}</span>}
                    {image.repoTags.map((repoTag) => (
                      <span key={repoTag} className="tag-chip mono">
                        {repoTag}
                        <button
                          type="button"
                          className="ghost small chip-remove"
                          disabled={busy}
                          {...gate}
                          onClick={() => onUntag(image, repoTag)}
                          aria-label={t('actions.untagNamed', { name: repoTag })}
                          title={t('actions.untagNamed', { name: repoTag })}
                        >
                          ✕
                        </button>
                      </span>
                    ))}
                  </div>
                </td>
                <td className="mono">{shortId(image.id)}</td>
                <td className="num">{formatBytes(image.sizeBytes)}</td>
                <td className="nowrap" title={formatDateTime(image.created, i18n.language)}>
                  {formatRelative(image.created, i18n.language)}
                </td>
                <td className="num">{image.containers}</td>
                <td>
                  <div className="image-actions">
                    {rowActions.map(({ action, run, whileBusy, danger }) => (
                      <button
                        key={action}
                        type="button"
                        className={danger ? 'small danger-text' : 'small'}
                        disabled={busy && !whileBusy}
                        {...gate}
                        onClick={() => run(image)}
                        aria-label={t(`actions.${action}Named`, { name: label })}
                      >
                        {t(`actions.${action}`)}
                      </button>
                    ))}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
