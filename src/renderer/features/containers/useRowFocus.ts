import { useMemo, useState } from 'react';

/** The header row's id in RowFocus (its controls: select all, the sort buttons). */
export const HEADER_ROW = '';

/**
 * Which row of the containers list holds its one Tab stop, and which of the row's controls:
 * column 0 is the row itself (Enter opens it, Space selects it), then its checkbox, name and
 * action buttons in order. Kept by container id, so it follows the row through sorting and
 * filtering; a row that goes away hands the stop to the row that took its place.
 */
export interface RowFocus {
  /** The container whose row has the Tab stop (HEADER_ROW for the header); undefined: the first row. */
  focusedId: string | undefined;
  column: number;
  setFocus(id: string, column: number): void;
}

/** Held by the view, so keys the list does not handle itself (F2: rename) can act on the focused row. */
export function useRowFocus(): RowFocus {
  const [focus, setFocusState] = useState<{ id: string | undefined; column: number }>({ id: undefined, column: 0 });
  return useMemo(() => ({ focusedId: focus.id, column: focus.column, setFocus: (id: string, column: number) => setFocusState({ id, column }) }), [focus]);
}
