import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiskUsage, DiskUsageCategory } from '../../../shared/types/system';
import { formatBytes } from '../../format/bytes';
import { formatRelative } from '../../format/time';
import { CATEGORIES } from './DiskUsageTable';

const shortId = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);
const bytes = (value: number): string => (value < 0 ? '—' : formatBytes(value));

type Cell = string | number;

function DetailTable({
  caption,
  columns,
  numeric,
  rows,
}: {
  caption: string;
  columns: string[];
  numeric: readonly number[];
  rows: Array<{ key: string; cells: Cell[] }>;
}) {
  return (
    <div className="disk-detail-wrap">
      <table className="disk-detail">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={column} scope="col" className={numeric.includes(index) ? 'numeric' : undefined}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-key={row.key}>
              {row.cells.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row" className="mono">
                    {cell}
                  </th>
                ) : (
                  <td key={index} className={numeric.includes(index) ? 'numeric' : undefined}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** `docker system df -v`: each kind's objects, one disclosure per kind. */
export function DiskUsageDetails({ usage }: { usage: DiskUsage }) {
  const { t, i18n } = useTranslation('engine');
  const when = (seconds: number): string => (seconds > 0 ? formatRelative(seconds, i18n.language) : '—');
  const yesNo = (value: boolean): string => (value ? t('disk.yes') : t('disk.no'));
  const tables: Record<DiskUsageCategory, ReactNode> = {
    images: (
      <DetailTable
        caption={t('disk.categories.images')}
        columns={[
          t('disk.detail.image'),
          t('disk.detail.id'),
          t('disk.detail.created'),
          t('disk.detail.size'),
          t('disk.detail.shared'),
          t('disk.detail.unique'),
          t('disk.detail.containers'),
        ]}
        numeric={[3, 4, 5, 6]}
        rows={usage.images.map((image) => ({
          key: image.id,
          cells: [
            image.repoTags[0] ?? t('disk.untagged'),
            shortId(image.id),
            when(image.created),
            bytes(image.sizeBytes),
            bytes(image.sharedSizeBytes),
            bytes(image.uniqueSizeBytes),
            image.containers < 0 ? '—' : image.containers,
          ],
        }))}
      />
    ),
    containers: (
      <DetailTable
        caption={t('disk.categories.containers')}
        columns={[
          t('disk.detail.name'),
          t('disk.detail.image'),
          t('disk.detail.status'),
          t('disk.detail.volumes'),
          t('disk.detail.size'),
          t('disk.detail.virtual'),
        ]}
        numeric={[3, 4, 5]}
        rows={usage.containers.map((container) => ({
          key: container.id,
          cells: [container.name, container.image, container.status, container.localVolumes, bytes(container.sizeRw), bytes(container.sizeRootFs)],
        }))}
      />
    ),
    volumes: (
      <DetailTable
        caption={t('disk.categories.volumes')}
        columns={[t('disk.detail.name'), t('disk.detail.driver'), t('disk.detail.links'), t('disk.detail.size')]}
        numeric={[2, 3]}
        rows={usage.volumes.map((volume) => ({
          key: volume.name,
          cells: [volume.name, volume.driver, volume.links < 0 ? '—' : volume.links, bytes(volume.sizeBytes)],
        }))}
      />
    ),
    buildCache: (
      <DetailTable
        caption={t('disk.categories.buildCache')}
        columns={[
          t('disk.detail.id'),
          t('disk.detail.type'),
          t('disk.detail.size'),
          t('disk.detail.lastUsed'),
          t('disk.detail.usage'),
          t('disk.detail.inUse'),
          t('disk.detail.sharedFlag'),
        ]}
        numeric={[2, 4]}
        rows={usage.buildCache.map((item) => ({
          key: item.id,
          cells: [item.id.slice(0, 12), item.type, bytes(item.sizeBytes), when(item.lastUsed), item.usageCount, yesNo(item.inUse), yesNo(item.shared)],
        }))}
      />
    ),
  };
  const counts: Record<DiskUsageCategory, number> = {
    images: usage.images.length,
    containers: usage.containers.length,
    volumes: usage.volumes.length,
    buildCache: usage.buildCache.length,
  };
  return (
    <div className="disk-details">
      {CATEGORIES.map((category) => (
        <details key={category} data-category={category}>
          <summary>{t('disk.details', { name: t(`disk.categories.${category}`), count: counts[category] })}</summary>
          {counts[category] === 0 ? <p className="muted">{t('disk.none')}</p> : tables[category]}
        </details>
      ))}
    </div>
  );
}
