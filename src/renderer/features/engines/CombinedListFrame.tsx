import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CombinedFilters } from './EngineFilter';
import { EnginePartNotes, RowActionReportView } from './EngineParts';
import { useEngineSelection } from './EngineSelection';
import { EngineTag } from './EngineTag';
import type { EnginePart } from './useEachEngine';
import type { RowActionReport } from './useRowAction';

interface CombinedListFrameProps<T> {
  titleId: string;
  title: string;
  /** The engine filter ('' for all) and the text filter, with the text filter's accessible name. */
  engineFilter: string;
  onEngineFilter(engine: string): void;
  text: string;
  onText(text: string): void;
  textLabel: string;
  /** Each engine's part, for the notes on engines that did not answer or still list. */
  parts: readonly EnginePart<T>[];
  /** The last row action's report (useRowAction). */
  rowAction: { report: RowActionReport | undefined; clearReport(): void };
  /** Said under the table when no row is left and every engine has answered. */
  emptyText: string;
  rowCount: number;
  /** The table's accessible name and its column heads after Engine. */
  table: { label: string; columns: readonly string[] };
  /** The table's rows (each starting with an EngineCell). */
  children: ReactNode;
  /** Dialogs the rows open. */
  dialogs?: ReactNode;
}

/** The first cell of a combined list's row: the engine it is on. */
export function EngineCell({ engine }: { engine: string }) {
  return (
    <td>
      <EngineTag engine={engine} />
    </td>
  );
}

/** A row of a combined list: an item and the engine it is on. */
export type OnEngine<Item> = Item & { engine: string };

interface CombinedRowsOptions<Items, Row> {
  /** One engine's answer as rows (an image with three tags is three rows). */
  toRows(items: Items, engine: string): Row[];
  /** The text the text filter looks in. */
  searchText(row: Row): string;
  compare(a: Row, b: Row): number;
}

/** The rows of every engine's part, narrowed by the engine and text filters the frame shows, in order. */
export function useCombinedRows<Items, Row>(parts: readonly EnginePart<Items>[], { toRows, searchText, compare }: CombinedRowsOptions<Items, Row>) {
  const [engineFilter, setEngineFilter] = useState('');
  const [text, setText] = useState('');
  const rows = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return parts
      .filter((part) => !engineFilter || part.engine === engineFilter)
      .flatMap((part) => (part.items === undefined ? [] : toRows(part.items, part.engine)))
      .filter((row) => !needle || searchText(row).toLowerCase().includes(needle))
      .sort(compare);
    // The options are the view's constants.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [parts, engineFilter, text]);
  return { rows, filters: { engineFilter, onEngineFilter: setEngineFilter, text, onText: setText } };
}

/** A list across engines (containers, images): its title, filters, per-engine notes and the last row action's report around the view's own table. */
export function CombinedListFrame<T>(props: CombinedListFrameProps<T>) {
  const { t } = useTranslation('engines');
  const { engines } = useEngineSelection();
  const { engineFilter, parts } = props;
  return (
    <section className="view combined-view" aria-labelledby={props.titleId}>
      <header className="view-header">
        <h1 id={props.titleId}>{props.title}</h1>
      </header>
      <CombinedFilters
        engines={engines}
        engine={engineFilter}
        onEngine={props.onEngineFilter}
        text={props.text}
        onText={props.onText}
        textLabel={props.textLabel}
      />
      <EnginePartNotes parts={parts.filter((part) => !engineFilter || part.engine === engineFilter)} engines={engines} />
      <RowActionReportView report={props.rowAction.report} onDismiss={props.rowAction.clearReport} />
      <table className="combined-table" aria-label={props.table.label}>
        <thead>
          <tr>
            <th scope="col">{t('combined.engine')}</th>
            {props.table.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
      {props.rowCount === 0 && parts.every((part) => part.items !== undefined || part.error) && <p className="muted">{props.emptyText}</p>}
      {props.dialogs}
    </section>
  );
}
