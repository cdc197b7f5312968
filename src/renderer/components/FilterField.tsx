import { FormField } from './FormField';

interface FilterFieldProps {
  label: string;
  placeholder: string;
  /** What is wrong with the typed filter; undefined while it reads. */
  problem: string | undefined;
  value: string;
  onChange(value: string): void;
}

/** One `--filter` of a prune, typed as the CLI takes it (labels, until). */
export function FilterField({ label, placeholder, problem, value, onChange }: FilterFieldProps) {
  return (
    <FormField label={label} problem={problem}>
      {(control) => (
        <input className="mono" value={value} onChange={(event) => onChange(event.target.value)} placeholder={placeholder} spellCheck={false} {...control} />
      )}
    </FormField>
  );
}
