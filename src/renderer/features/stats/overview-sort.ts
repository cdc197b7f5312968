import type { StatsSample } from '../../../shared/types/stats';

/** The columns of `docker stats`, each sortable. */
export const OVERVIEW_COLUMNS = ['name', 'cpu', 'memory', 'memoryPercent', 'network', 'block', 'pids'] as const;
export type OverviewColumn = (typeof OVERVIEW_COLUMNS)[number];
export type OverviewDirection = 'asc' | 'desc';

export interface OverviewRow {
  id: string;
  name: string;
  /** The latest reading; absent until the first one arrives. */
  latest: StatsSample | undefined;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** What a column sorts by: the number shown (I/O columns by their sum, as one cell shows both). */
function sortValue(column: Exclude<OverviewColumn, 'name'>, sample: StatsSample): number | null {
  switch (column) {
    case 'cpu':
      return sample.cpuPercent;
    case 'memory':
      return sample.memoryUsedBytes;
    case 'memoryPercent':
      return sample.memoryPercent;
    case 'network':
      return sample.networkRxBytes + sample.networkTxBytes;
    case 'block':
      return sample.blockReadBytes + sample.blockWriteBytes;
    case 'pids':
      return sample.pids;
  }
}

/**
 * Rows in the order asked for; a row without a value for the column (no reading yet, or no CPU
 * figure on the first reading) goes last either way, and ties go by name.
 */
export function sortOverview(rows: readonly OverviewRow[], column: OverviewColumn, direction: OverviewDirection): OverviewRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  const byName = (a: OverviewRow, b: OverviewRow): number => collator.compare(a.name, b.name) || collator.compare(a.id, b.id);
  if (column === 'name') return [...rows].sort((a, b) => sign * byName(a, b));
  const value = (row: OverviewRow): number | null => (row.latest ? sortValue(column, row.latest) : null);
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}
