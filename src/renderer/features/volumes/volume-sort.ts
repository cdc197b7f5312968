import type { VolumeSummary } from '../../../shared/types/volumes';

export type VolumeSortKey = 'name' | 'driver' | 'size' | 'usedBy' | 'created';
type SortDirection = 'asc' | 'desc';
export interface VolumeSort {
  key: VolumeSortKey;
  direction: SortDirection;
}

const compareBy: Record<VolumeSortKey, (a: VolumeSummary, b: VolumeSummary) => number> = {
  name: (a, b) => a.name.localeCompare(b.name),
  driver: (a, b) => a.driver.localeCompare(b.driver),
  // Unknown sizes (not measured yet, or the driver does not say) sort below every known one.
  size: (a, b) => (a.sizeBytes ?? -1) - (b.sizeBytes ?? -1),
  usedBy: (a, b) => a.usedBy.length - b.usedBy.length || a.usedBy.join(',').localeCompare(b.usedBy.join(',')),
  created: (a, b) => a.created - b.created,
};

/** A sorted copy; ties fall back to the name so the order is stable between refreshes. */
export function sortVolumes(volumes: readonly VolumeSummary[], sort: VolumeSort): VolumeSummary[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...volumes].sort((a, b) => sign * compareBy[sort.key](a, b) || a.name.localeCompare(b.name));
}

/** The next sort when a column header is pressed: the same column flips, another starts ascending (sizes and dates: largest, newest first). */
export function nextSort(current: VolumeSort, key: VolumeSortKey): VolumeSort {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: key === 'size' || key === 'created' ? 'desc' : 'asc' };
}

export function matchesVolume(volume: VolumeSummary, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return (
    volume.name.toLowerCase().includes(needle) ||
    volume.driver.toLowerCase().includes(needle) ||
    volume.usedBy.some((user) => user.toLowerCase().includes(needle)) ||
    Object.entries(volume.labels).some(([key, value]) => `${key}=${value}`.toLowerCase().includes(needle))
  );
}
