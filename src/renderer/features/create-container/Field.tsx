import { createContext, useContext, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldMessage } from './toSpec';

/** What every field needs from the form: its visible error, and ways to say it was edited and left. */
export interface FieldsApi {
  errorFor(field: string): FieldMessage | undefined;
  /** The user changed the field's value. */
  change(field: string): void;
  /** The user left the field (its error shows from then on, if it was changed). */
  touch(field: string): void;
}

export const FieldsContext = createContext<FieldsApi>({
  errorFor: () => undefined,
  change: () => undefined,
  touch: () => undefined,
});

/** For buttons near fields: a press must not blur the field first, or the error that blur reveals
 * moves the button away before the click lands. Keyboard use is unaffected. */
export function keepFocus(event: { preventDefault(): void }): void {
  event.preventDefault();
}

/** A DOM id for a field key such as `ports.row3.hostPort`. */
function fieldId(field: string): string {
  return `create-${field.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

export function useFieldMessage(): (message: FieldMessage) => string {
  const { t } = useTranslation('create');
  return (message) => (message.key ? t(`issues.${message.key}`, { ...message.values, defaultValue: message.raw }) : message.raw);
}

interface FieldShellProps {
  field: string;
  label: string;
  hint?: string;
  className?: string;
  /** The control, given its id and ARIA attributes. */
  children(control: ControlProps): ReactNode;
}

interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
  onBlur(): void;
}

/** A label above its control, then a hint and the field's error (both tied to the control). */
function FieldShell({ field, label, hint, className, children }: FieldShellProps) {
  const { errorFor, touch } = useContext(FieldsContext);
  const describe = useFieldMessage();
  const id = fieldId(field);
  const error = errorFor(field);
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`cf-field${className ? ` ${className}` : ''}${error ? ' cf-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': described || undefined, onBlur: () => touch(field) })}
      {hint && (
        <small id={`${id}-hint`} className="cf-hint">
          {hint}
        </small>
      )}
      {error && (
        <span id={`${id}-error`} className="cf-error">
          {describe(error)}
        </span>
      )}
    </div>
  );
}

interface TextFieldProps {
  field: string;
  label: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  hint?: string;
  className?: string;
  inputMode?: 'text' | 'numeric' | 'decimal';
  list?: string;
  required?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

export function TextField({ field, label, value, onChange, placeholder, hint, className, inputMode, list, required, inputRef }: TextFieldProps) {
  const { change } = useContext(FieldsContext);
  return (
    <FieldShell field={field} label={label} hint={hint} className={className}>
      {(control) => (
        <input
          {...control}
          ref={inputRef}
          type="text"
          value={value}
          placeholder={placeholder}
          inputMode={inputMode}
          list={list}
          required={required}
          aria-required={required || undefined}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => {
            change(field);
            onChange(event.target.value);
          }}
        />
      )}
    </FieldShell>
  );
}

interface SelectFieldProps<V extends string> {
  field: string;
  label: string;
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  onChange(value: V): void;
  className?: string;
}

export function SelectField<V extends string>({ field, label, value, options, onChange, className }: SelectFieldProps<V>) {
  const { change } = useContext(FieldsContext);
  return (
    <FieldShell field={field} label={label} className={className}>
      {(control) => (
        <select
          {...control}
          value={value}
          onChange={(event) => {
            change(field);
            onChange(event.target.value as V);
          }}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

interface CheckFieldProps {
  field: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
}

export function CheckField({ field, label, checked, onChange }: CheckFieldProps) {
  const id = fieldId(field);
  return (
    <label className="check cf-check" htmlFor={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      {label}
    </label>
  );
}
