import type { ReactNode } from 'react';
import { CombinedFilters } from './EngineFilter';
import { EnginePartNotes, RowActionReportView } from './EngineParts';
import { useEngineSelection } from './EngineSelection';
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
  report: RowActionReport | undefined;
  onDismissReport(): void;
  /** The table and its dialogs. */
  children: ReactNode;
}

/** A list across engines (containers, images): its title, filters, per-engine notes and the last row action's report around the view's own table. */
export function CombinedListFrame<T>(props: CombinedListFrameProps<T>) {
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
      <RowActionReportView report={props.report} onDismiss={props.onDismissReport} />
      {props.children}
    </section>
  );
}
