import { useTranslation } from 'react-i18next';
import { FormField } from './FormField';
import { labelFilters } from './label-filters';

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

/** A prune's `--filter label=…` words, said wrong while one is not `key` or `key=value` (see labelFilters). */
export function LabelFilterField({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { t } = useTranslation();
  return (
    <FilterField
      label={t('prunePreview.labels')}
      placeholder={t('prunePreview.labelsPlaceholder')}
      problem={labelFilters(value) ? undefined : t('prunePreview.labelsProblem')}
      value={value}
      onChange={onChange}
    />
  );
}
