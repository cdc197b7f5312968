export type SortDirection = 'asc' | 'desc';

const NUMBER = /^-?\d+(\.\d+)?$/;

/** Compares two ps cells: as numbers when both are numbers (PID, %CPU, RSS), else as text. */
export function compareCells(a: string, b: string): number {
  if (NUMBER.test(a) && NUMBER.test(b)) return Number(a) - Number(b);
  return a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
}

/** The rows sorted by one column; ties keep ps's order. */
export function sortProcesses(rows: readonly string[][], column: number, direction: SortDirection): string[][] {
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => sign * compareCells(a.row[column] ?? '', b.row[column] ?? '') || a.index - b.index)
    .map(({ row }) => row);
}
