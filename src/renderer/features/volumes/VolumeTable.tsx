import { useTranslation } from 'react-i18next';
import type { VolumeSummary } from '../../../shared/types/volumes';
import { formatBytes } from '../../format/bytes';
import { formatDateTime, formatRelative } from '../../format/time';
import { useEngineGate } from '../engine';
import { useSaveDialogs } from '../../api/ClientContext';
import type { VolumeSort, VolumeSortKey } from './volume-sort';
import { ariaSort, SortButton } from '../../components/SortButton';

interface VolumeTableProps {
  volumes: VolumeSummary[];
  sort: VolumeSort;
  pending: ReadonlySet<string>;
  onSort(key: VolumeSortKey): void;
  onInspect(volume: VolumeSummary): void;
  onBrowse(volume: VolumeSummary): void;
  onBackup(volume: VolumeSummary): void;
  onRestore(volume: VolumeSummary): void;
  onRemove(volume: VolumeSummary): void;
}

/** A 64-hex anonymous volume's name, shortened as the CLI shortens ids; the full name is in the title. */
export const volumeLabel = (volume: VolumeSummary): string => (/^[0-9a-f]{64}$/.test(volume.name) ? volume.name.slice(0, 12) : volume.name);

const COLUMNS: ReadonlyArray<{ key: VolumeSortKey; numeric?: boolean }> = [
  { key: 'name' },
  { key: 'driver' },
  { key: 'size', numeric: true },
  { key: 'usedBy' },
  { key: 'created' },
];

function sizeText(volume: VolumeSummary, unknown: string, measuring: string): string {
  if (volume.sizeBytes === undefined) return measuring;
  return volume.sizeBytes < 0 ? unknown : formatBytes(volume.sizeBytes);
}

/** The volumes: name, driver, size, the containers using each, age; every column sorts. */
export function VolumeTable({ volumes, sort, pending, onSort, onInspect, onBrowse, onBackup, onRestore, onRemove }: VolumeTableProps) {
  const { t, i18n } = useTranslation('volumes');
  const { reachable, gate } = useEngineGate();
  const saveDialogs = useSaveDialogs();
  return (
    <div className={`volume-table-wrap${reachable ? '' : ' stale-rows'}`} data-stale={reachable ? undefined : 'true'}>
      <table className="volume-table" aria-label={t('tableLabel')}>
        <thead>
          <tr>
            {COLUMNS.map(({ key, numeric }) => {
              const sorted = sort.key === key ? sort.direction : undefined;
              return (
                <th key={key} scope="col" className={numeric ? 'num' : undefined} aria-sort={ariaSort(sorted)}>
                  <SortButton label={t(`columns.${key}`)} sorted={sorted} onClick={() => onSort(key)} />
                </th>
              );
            })}
            <th scope="col">{t('columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {volumes.map((volume) => {
            const busy = pending.has(volume.name);
            const label = volumeLabel(volume);
            return (
              <tr key={volume.name} data-volume-name={volume.name} aria-busy={busy}>
                <td>
                  <span className="mono volume-name" title={volume.name}>
                    {label}
                  </span>
                  {volume.anonymous && <span className="anonymous-pill">{t('anonymous')}</span>}
                </td>
                <td className="mono">{volume.driver}</td>
                <td className="num">{sizeText(volume, t('sizeUnknown'), t('sizeMeasuring'))}</td>
                <td className="volume-users">{volume.usedBy.length ? volume.usedBy.join(', ') : <span className="muted">{t('unused')}</span>}</td>
                <td className="nowrap" title={volume.created ? formatDateTime(volume.created, i18n.language) : undefined}>
                  {volume.created ? formatRelative(volume.created, i18n.language) : '—'}
                </td>
                <td>
                  <div className="volume-actions">
                    <button type="button" className="small" onClick={() => onInspect(volume)} {...gate} aria-label={t('actions.inspectNamed', { name: label })}>
                      {t('actions.inspect')}
                    </button>
                    <button type="button" className="small" onClick={() => onBrowse(volume)} {...gate} aria-label={t('browse.openNamed', { name: label })}>
                      {t('browse.open')}
                    </button>
                    <button type="button" className="small" onClick={() => onBackup(volume)} {...gate} aria-label={t('actions.backupNamed', { name: label })}>
                      {saveDialogs ? t('actions.backup') : t('actions.backupBrowser')}
                    </button>
                    <button
                      type="button"
                      className="small"
                      disabled={busy}
                      onClick={() => onRestore(volume)}
                      {...gate}
                      aria-label={t('actions.restoreNamed', { name: label })}
                    >
                      {t('actions.restore')}
                    </button>
                    <button
                      type="button"
                      className="small danger-text"
                      disabled={busy}
                      {...gate}
                      onClick={() => onRemove(volume)}
                      aria-label={t('actions.removeNamed', { name: label })}
                    >
                      {t('actions.remove')}
                    </button>
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
