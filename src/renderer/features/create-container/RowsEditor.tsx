import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { keepFocus } from './Field';

interface RowsEditorProps<R extends { id: string }> {
  legend: string;
  rows: R[];
  onChange(rows: R[]): void;
  create(): R;
  addLabel: string;
  /** The accessible name of row n (1-based), e.g. "Port 2". */
  rowLabel(n: number): string;
  /** The remove button's accessible name for row n, e.g. "Remove port 2". */
  removeLabel(n: number): string;
  emptyText?: string;
  hint?: string;
  /** The row's fields; `update` changes only this row. */
  children(row: R, update: (patch: Partial<R>) => void, index: number): ReactNode;
}

/** A fieldset of add/remove rows. A new row takes the focus; removing one gives it to "add". */
export function RowsEditor<R extends { id: string }>(props: RowsEditorProps<R>) {
  const { legend, rows, onChange, create, addLabel, rowLabel, removeLabel, emptyText, hint, children } = props;
  const { t } = useTranslation('create');
  const listRef = useRef<HTMLDivElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const [focusRow, setFocusRow] = useState<string | 'add'>();

  useEffect(() => {
    if (!focusRow) return;
    if (focusRow === 'add') addRef.current?.focus();
    else listRef.current?.querySelector<HTMLElement>(`[data-row-id="${focusRow}"] :is(input, select)`)?.focus();
    setFocusRow(undefined);
  }, [focusRow]);

  const add = (): void => {
    const row = create();
    onChange([...rows, row]);
    setFocusRow(row.id);
  };
  const remove = (id: string): void => {
    onChange(rows.filter((row) => row.id !== id));
    setFocusRow('add');
  };
  const updater = (id: string) => (patch: Partial<R>) => onChange(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)));

  return (
    <fieldset className="cf-section cf-rows">
      <legend>{legend}</legend>
      {hint && <p className="cf-hint">{hint}</p>}
      <div ref={listRef} className="cf-row-list">
        {rows.length === 0 && emptyText && <p className="muted cf-empty">{emptyText}</p>}
        {rows.map((row, index) => (
          <div key={row.id} className="cf-row" role="group" aria-label={rowLabel(index + 1)} data-row-id={row.id}>
            {children(row, updater(row.id), index)}
            <button
              type="button"
              className="ghost small cf-remove"
              aria-label={removeLabel(index + 1)}
              title={removeLabel(index + 1)}
              onMouseDown={keepFocus}
              onClick={() => remove(row.id)}
            >
              {t('rows.remove')}
            </button>
          </div>
        ))}
      </div>
      <button ref={addRef} type="button" className="small cf-add" onMouseDown={keepFocus} onClick={add}>
        {addLabel}
      </button>
    </fieldset>
  );
}
