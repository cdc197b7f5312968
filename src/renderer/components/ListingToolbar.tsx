import type { ReactNode } from 'react';

interface ListingToolbarProps {
  filter: string;
  onFilter(text: string): void;
  /** The filter's example text and its accessible name. */
  filterPlaceholder: string;
  filterLabel: string;
  /** "5 of 12" and the like. */
  count: string;
  /** The view's own buttons, between the filter and the count. */
  children: ReactNode;
}

/** A list view's toolbar (images, volumes, networks): the text filter, the view's buttons, how many rows show. */
export function ListingToolbar({ filter, onFilter, filterPlaceholder, filterLabel, count, children }: ListingToolbarProps) {
  return (
    <div className="toolbar">
      <input
        type="search"
        className="filter-input"
        value={filter}
        onChange={(event) => onFilter(event.target.value)}
        placeholder={filterPlaceholder}
        aria-label={filterLabel}
      />
      {children}
      <span className="count muted">{count}</span>
    </div>
  );
}
