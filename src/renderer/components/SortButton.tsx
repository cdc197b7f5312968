import type { ButtonHTMLAttributes } from 'react';

/** How a sortable column is sorted now; undefined when another column is. */
type ColumnSort = 'asc' | 'desc' | undefined;

/** The header cell's aria-sort (it belongs on the columnheader, not on the button inside it). */
export function ariaSort(sorted: ColumnSort): 'ascending' | 'descending' | 'none' {
  return sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none';
}

/** A sortable column's header button: its name, and ▲ or ▼ while the table is sorted by it. */
export function SortButton({
  label,
  sorted,
  ...button
}: { label: string; sorted: ColumnSort } & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'className'>) {
  return (
    <button type="button" className="sort-header" {...button}>
      {label}
      <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
    </button>
  );
}
