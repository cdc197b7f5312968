import { useId, type ReactNode } from 'react';
import '../styles/resource-lists.css';

/** What a field's control gets from its row: marked invalid while there is a problem, described by the note. */
interface FieldControlProps {
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}

interface FormFieldProps {
  label: string;
  /** What is wrong with the value: said as an alert under the control, in place of the hint. */
  problem?: string;
  /** A note under the control while there is no problem. */
  hint?: string;
  /** The control is described by a note outside this row (one note for several fields)… */
  describedBy?: string;
  /** …which says the problem that marks it invalid. */
  invalid?: boolean;
  className?: string;
  /** The control, given its aria attributes. */
  children(control: FieldControlProps): ReactNode;
}

/** A labelled form row: the label, the control, and its problem or hint under it. */
export function FormField({ label, problem, hint, describedBy, invalid, className, children }: FormFieldProps) {
  const id = useId();
  const noteId = `${id}-note`;
  const note = problem ?? hint;
  return (
    <label className={className}>
      {label}
      {children({ 'aria-invalid': invalid ?? problem !== undefined, 'aria-describedby': describedBy ?? (note === undefined ? undefined : noteId) })}
      {note !== undefined && (
        <span id={noteId} className={problem === undefined ? 'muted small-print' : 'field-problem'} role={problem === undefined ? undefined : 'alert'}>
          {note}
        </span>
      )}
    </label>
  );
}
