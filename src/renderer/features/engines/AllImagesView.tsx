import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { imageRemoveCommand } from '../../../shared/cli/images';
import type { ImageSummary } from '../../../shared/types/images';
import type { BerthClient } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatBytes } from '../../format/bytes';
import { formatRelative } from '../../format/time';
import { CombinedListFrame, EngineCell, useCombinedRows, type OnEngine } from './CombinedListFrame';
import { useEachEngine } from './useEachEngine';
import { useRowAction } from './useRowAction';

type Row = OnEngine<ImageSummary> & {
  /** The name the row shows and removes by (a tag, or the short id of an untagged image). */
  label: string;
};

const listImages = (client: BerthClient) => client.invoke('images.list', { all: false });
const shortId = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);

/** Every engine's images in one list: an Engine column and filter; Remove runs on the row's own engine. */
export function AllImagesView() {
  const { t, i18n } = useTranslation('engines');
  const { t: ti } = useTranslation('images');
  const { parts, refresh } = useEachEngine(listImages);
  const action = useRowAction(useCallback((engine: string) => refresh(engine), [refresh]));
  const [confirming, setConfirming] = useState<Row>();
  const { rows, filters } = useCombinedRows(parts, {
    toRows: (images: ImageSummary[], engine) =>
      images.flatMap((image): Row[] => (image.repoTags.length > 0 ? image.repoTags : [shortId(image.id)]).map((label) => ({ ...image, engine, label }))),
    searchText: (row) => `${row.label} ${row.id}`,
    compare: (a, b) => b.created - a.created || a.label.localeCompare(b.label),
  });

  const remove = (row: Row): void => {
    setConfirming(undefined);
    void action.run(
      row.engine,
      `${row.engine}/${row.label}`,
      (client) => client.invoke('images.remove', { ref: row.label, force: false }),
      t('combined.removedImage', { name: row.label }),
      imageRemoveCommand([row.label], false),
    );
  };

  return (
    <CombinedListFrame
      titleId="combined-images-title"
      title={t('combined.imagesTitle')}
      {...filters}
      textLabel={ti('filterLabel')}
      parts={parts}
      emptyText={t('combined.noImages')}
      rowCount={rows.length}
      rowAction={action}
      table={{
        label: t('combined.imagesTable'),
        columns: [ti('columns.names'), ti('columns.id'), ti('columns.size'), ti('columns.created'), ti('columns.actions')],
      }}
      dialogs={
        confirming && (
          <ConfirmDialog
            title={t('combined.removeImageTitle', { name: confirming.label })}
            confirmLabel={ti('actions.remove')}
            danger
            onCancel={() => setConfirming(undefined)}
            onConfirm={() => remove(confirming)}
          >
            <p>{t('combined.removeImageBody', { name: confirming.label, engine: confirming.engine })}</p>
          </ConfirmDialog>
        )
      }
    >
      {rows.map((row) => {
        const key = `${row.engine}/${row.label}`;
        return (
          <tr key={key} data-engine={row.engine} data-name={row.label}>
            <EngineCell engine={row.engine} />
            <th scope="row" className="mono">
              {row.label}
            </th>
            <td className="mono">{shortId(row.id)}</td>
            <td>{formatBytes(row.sizeBytes)}</td>
            <td>{formatRelative(row.created, i18n.language)}</td>
            <td>
              <div className="combined-actions">
                <button
                  type="button"
                  className="small danger"
                  disabled={action.pending.has(key)}
                  aria-label={t('combined.actionOn', { action: ti('actions.remove'), name: row.label, engine: row.engine })}
                  onClick={() => setConfirming(row)}
                >
                  {ti('actions.remove')}
                </button>
              </div>
            </td>
          </tr>
        );
      })}
    </CombinedListFrame>
  );
}
