import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useEngineGate } from '../engine';
import { EMPTY_DRAFT, specFromDraft, type DraftIssue, type NewSessionDraft, type NewSessionKind } from './new-session';
import type { SessionSpec } from '../../../shared/terminal/session-spec';

interface NewSessionFormProps {
  container: { id: string; name: string; running: boolean };
  onOpen(spec: SessionSpec): void;
  onCancel(): void;
}

const KINDS: readonly NewSessionKind[] = ['shell', 'command', 'attach'];

/** Options for a new session: a shell or command with user, directory and environment; or attach. */
export function NewSessionForm({ container, onOpen, onCancel }: NewSessionFormProps) {
  const { t } = useTranslation('terminal');
  const { gate } = useEngineGate();
  const [draft, setDraft] = useState<NewSessionDraft>(EMPTY_DRAFT);
  const [issues, setIssues] = useState<DraftIssue[]>([]);
  const update = (patch: Partial<NewSessionDraft>): void => setDraft((current) => ({ ...current, ...patch }));
  const issueFor = (field: DraftIssue['field']) => issues.find((issue) => issue.field === field);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const result = specFromDraft(draft, container);
    if (!result.ok) {
      setIssues(result.issues);
      return;
    }
    onOpen(result.spec.kind === 'attach' && !container.running ? { ...result.spec, start: true } : result.spec);
  };

  const field = (name: DraftIssue['field'], label: string, input: ReactElement, hint?: string) => {
    const issue = issueFor(name);
    return (
      <div className={`term-field term-field-${name}${issue ? ' invalid' : ''}`}>
        <label htmlFor={`term-${name}`}>{label}</label>
        {input}
        {hint && <p className="term-hint">{hint}</p>}
        {issue && (
          <p className="term-issue" id={`term-${name}-issue`} role="alert">
            {t(`form.issues.${issue.key}`, issue.values)}
          </p>
        )}
      </div>
    );
  };
  const described = (name: DraftIssue['field']) => (issueFor(name) ? { 'aria-invalid': true, 'aria-describedby': `term-${name}-issue` } : {});

  return (
    <form className="term-new" onSubmit={submit} onKeyDown={(event) => event.key === 'Escape' && onCancel()} aria-labelledby="term-new-title">
      <h2 id="term-new-title">{t('form.title')}</h2>
      <fieldset className="term-kinds">
        <legend className="visually-hidden">{t('form.kind')}</legend>
        {KINDS.map((kind) => (
          <label key={kind} className="check">
            <input
              type="radio"
              name="term-kind"
              value={kind}
              checked={draft.kind === kind}
              disabled={kind !== 'attach' && !container.running}
              onChange={() => update({ kind })}
            />
            {t(`form.kinds.${kind}`)}
          </label>
        ))}
      </fieldset>
      {draft.kind !== 'attach' && (
        <div className="term-fields">
          {field(
            'command',
            t('form.command'),
            <input
              id="term-command"
              className="mono"
              value={draft.command}
              placeholder={draft.kind === 'shell' ? t('form.shellPlaceholder') : t('form.commandPlaceholder')}
              onChange={(event) => update({ command: event.target.value })}
              {...described('command')}
            />,
            draft.kind === 'shell' ? t('form.shellHint') : t('form.commandHint'),
          )}
          {field(
            'user',
            t('form.user'),
            <input
              id="term-user"
              value={draft.user}
              placeholder={t('form.userPlaceholder')}
              onChange={(event) => update({ user: event.target.value })}
              {...described('user')}
            />,
          )}
          {field(
            'workingDir',
            t('form.workingDir'),
            <input
              id="term-workingDir"
              className="mono"
              value={draft.workingDir}
              placeholder={t('form.workingDirPlaceholder')}
              onChange={(event) => update({ workingDir: event.target.value })}
              {...described('workingDir')}
            />,
          )}
          {field(
            'env',
            t('form.env'),
            <textarea
              id="term-env"
              className="mono"
              rows={2}
              value={draft.env}
              onChange={(event) => update({ env: event.target.value })}
              {...described('env')}
            />,
            t('form.envHint'),
          )}
        </div>
      )}
      {draft.kind === 'attach' && (
        <div className="term-fields">
          {field(
            'detachKeys',
            t('form.detachKeys'),
            <input
              id="term-detachKeys"
              className="mono"
              value={draft.detachKeys}
              onChange={(event) => update({ detachKeys: event.target.value })}
              {...described('detachKeys')}
            />,
            t('form.detachKeysHint'),
          )}
          <label className="check">
            <input type="checkbox" checked={draft.logs} onChange={(event) => update({ logs: event.target.checked })} />
            {t('form.logs')}
          </label>
          {!container.running && <p className="term-hint">{t('form.startsContainer')}</p>}
        </div>
      )}
      <div className="term-new-actions">
        <button type="button" className="ghost" onClick={onCancel}>
          {t('form.cancel')}
        </button>
        <button type="submit" className="primary" {...gate}>
          {draft.kind === 'attach' && !container.running ? t('toolbar.startAttach') : t('form.open')}
        </button>
      </div>
    </form>
  );
}
