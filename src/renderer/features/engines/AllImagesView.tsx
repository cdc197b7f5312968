import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { imageRemoveCommand } from '../../../shared/cli/images';
import type { ImageSummary } from '../../../shared/types/images';
import type { BerthClient } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatBytes } from '../../format/bytes';
import { formatRelative } from '../../format/time';
import { CombinedListFrame } from './CombinedListFrame';
import { EngineTag } from './EngineTag';
import { useEachEngine } from './useEachEngine';
import { useRowAction } from './useRowAction';

interface Row extends ImageSummary {
  engine: string;
  /** The name the row shows and removes by (a tag, or the short id of an untagged image). */
  label: string;
}

const listImages = (client: BerthClient) => client.invoke('images.list', { all: false });
const shortId = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);

/** Every engine's images in one list: an Engine column and filter; Remove runs on the row's own engine. */
export function AllImagesView() {
  const { t, i18n } = useTranslation('engines');
  const { t: ti } = useTranslation('images');
  const { parts, refresh } = useEachEngine(listImages);
  const action = useRowAction(useCallback((engine: string) => refresh(engine), [refresh]));
  const [engineFilter, setEngineFilter] = useState('');
  const [text, setText] = useState('');
  const [confirming, setConfirming] = useState<Row>();

  const rows = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return parts
      .filter((part) => !engineFilter || part.engine === engineFilter)
      .flatMap((part) =>
        (part.items ?? []).flatMap((image): Row[] =>
          (image.repoTags.length > 0 ? image.repoTags : [shortId(image.id)]).map((label) => ({ ...image, engine: part.engine, label })),
        ),
      )
      .filter((row) => !needle || `${row.label} ${row.id}`.toLowerCase().includes(needle))
      .sort((a, b) => b.created - a.created || a.label.localeCompare(b.label));
  }, [parts, engineFilter, text]);

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
      engineFilter={engineFilter}
      onEngineFilter={setEngineFilter}
      text={text}
      onText={setText}
      textLabel={ti('filterLabel')}
      parts={parts}
      report={action.report}
      onDismissReport={action.clearReport}
    >
      <table className="combined-table" aria-label={t('combined.imagesTable')}>
        <thead>
          <tr>
            <th scope="col">{t('combined.engine')}</th>
            <th scope="col">{ti('columns.names')}</th>
            <th scope="col">{ti('columns.id')}</th>
            <th scope="col">{ti('columns.size')}</th>
            <th scope="col">{ti('columns.created')}</th>
            <th scope="col">{ti('columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const key = `${row.engine}/${row.label}`;
            return (
              <tr key={key} data-engine={row.engine} data-name={row.label}>
                <td>
                  <EngineTag engine={row.engine} />
                </td>
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
        </tbody>
      </table>
      {rows.length === 0 && parts.every((part) => part.items !== undefined || part.error) && <p className="muted">{t('combined.noImages')}</p>}
      {confirming && (
        <ConfirmDialog
          title={t('combined.removeImageTitle', { name: confirming.label })}
          confirmLabel={ti('actions.remove')}
          danger
          onCancel={() => setConfirming(undefined)}
          onConfirm={() => remove(confirming)}
        >
          <p>{t('combined.removeImageBody', { name: confirming.label, engine: confirming.engine })}</p>
        </ConfirmDialog>
      )}
    </CombinedListFrame>
  );
}
