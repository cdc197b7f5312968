import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyValue } from '../../../shared/images/change-lines';
import { draftProblems, type ChangeField, type ChangesDraft } from './changes-draft';

interface ChangesFormProps {
  draft: ChangesDraft;
  onChange(draft: ChangesDraft): void;
  /** Show problems (after a submit, or once the user has typed). */
  showProblems: boolean;
}

function KeyValueRows({
  rows,
  onChange,
  field,
  describedBy,
}: {
  rows: KeyValue[];
  onChange(rows: KeyValue[]): void;
  field: 'env' | 'labels';
  describedBy?: string;
}) {
  const { t } = useTranslation('images');
  const set = (index: number, patch: Partial<KeyValue>): void => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <div className="kv-rows">
      {rows.map((row, index) => (
        <div className="kv-row" key={index}>
          <input
            className="mono"
            value={row.key}
            onChange={(event) => set(index, { key: event.target.value })}
            aria-label={t(`changes.${field}KeyLabel`, { index: index + 1 })}
            aria-describedby={describedBy}
            placeholder={t(`changes.${field}KeyPlaceholder`)}
          />
          <span aria-hidden="true">=</span>
          <input
            className="mono"
            value={row.value}
            onChange={(event) => set(index, { value: event.target.value })}
            aria-label={t(`changes.${field}ValueLabel`, { index: index + 1 })}
            placeholder={t('changes.valuePlaceholder')}
          />
          <button
            type="button"
            className="ghost small"
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
            aria-label={t('changes.removeRow', { index: index + 1 })}
          >
            ✕
          </button>
        </div>
      ))}
      <button type="button" className="small" onClick={() => onChange([...rows, { key: '', value: '' }])}>
        {t(`changes.add.${field}`)}
      </button>
    </div>
  );
}

/**
 * The `--change` lines of docker import / commit as a small form: one field per instruction, each
 * checked with the same rules main applies, so a bad line is caught here and said in plain words.
 */
export function ChangesForm({ draft, onChange, showProblems }: ChangesFormProps) {
  const { t } = useTranslation('images');
  const id = useId();
  const problems = showProblems ? draftProblems(draft) : {};
  const set = <K extends ChangeField>(field: K, value: ChangesDraft[K]): void => onChange({ ...draft, [field]: value });

  const problem = (field: ChangeField) =>
    problems[field] && (
      <span id={`${id}-${field}-problem`} className="field-problem" role="alert">
        {t(`problems.${problems[field]}`)}
      </span>
    );
  const described = (field: ChangeField): string | undefined => (problems[field] ? `${id}-${field}-problem` : undefined);

  const text = (field: 'cmd' | 'entrypoint' | 'expose' | 'workdir' | 'user' | 'volumes') => (
    <div className="change-field">
      <label htmlFor={`${id}-${field}`}>
        <span className="instruction">{t(`changes.instruction.${field}`)}</span> {t(`changes.label.${field}`)}
      </label>
      <input
        id={`${id}-${field}`}
        className="mono"
        value={draft[field]}
        onChange={(event) => set(field, event.target.value)}
        placeholder={t(`changes.placeholder.${field}`)}
        aria-invalid={Boolean(problems[field])}
        aria-describedby={described(field)}
        spellCheck={false}
      />
      {problem(field)}
    </div>
  );

  return (
    <fieldset className="changes-form">
      <legend>{t('changes.legend')}</legend>
      <p className="muted small-print">{t('changes.intro')}</p>
      {text('cmd')}
      {text('entrypoint')}
      <div className="change-field">
        <span className="field-title" id={`${id}-env-title`}>
          <span className="instruction">{t('changes.instruction.env')}</span> {t('changes.label.env')}
        </span>
        <div role="group" aria-labelledby={`${id}-env-title`}>
          <KeyValueRows rows={draft.env} field="env" onChange={(rows) => set('env', rows)} describedBy={described('env')} />
        </div>
        {problem('env')}
      </div>
      {text('expose')}
      {text('workdir')}
      {text('user')}
      {text('volumes')}
      <div className="change-field">
        <span className="field-title" id={`${id}-labels-title`}>
          <span className="instruction">{t('changes.instruction.labels')}</span> {t('changes.label.labels')}
        </span>
        <div role="group" aria-labelledby={`${id}-labels-title`}>
          <KeyValueRows rows={draft.labels} field="labels" onChange={(rows) => set('labels', rows)} describedBy={described('labels')} />
        </div>
        {problem('labels')}
      </div>
      <div className="change-field">
        <label htmlFor={`${id}-onbuild`}>
          <span className="instruction">{t('changes.instruction.onbuild')}</span> {t('changes.label.onbuild')}
        </label>
        <textarea
          id={`${id}-onbuild`}
          className="mono"
          rows={2}
          value={draft.onbuild}
          onChange={(event) => set('onbuild', event.target.value)}
          placeholder={t('changes.placeholder.onbuild')}
          aria-invalid={Boolean(problems.onbuild)}
          aria-describedby={described('onbuild')}
          spellCheck={false}
        />
        {problem('onbuild')}
      </div>
    </fieldset>
  );
}
