import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renameCommand } from '../../../../shared/cli/containers';
import { BerthError } from '../../../../shared/errors';
import { useClient } from '../../../api/ClientContext';
import { CliCommand } from '../../../components/CliCommand';
import { Modal } from '../../../components/Modal';
import { nameProblem, normalizeName } from './name-rule';

interface RenameDialogProps {
  id: string;
  name: string;
  onClose(): void;
  onRenamed(newName: string): void;
}

/** `docker rename`: the name checked as it is typed; the engine's refusal (a name in use) shown here, the dialog kept open. */
export function RenameDialog({ id, name, onClose, onRenamed }: RenameDialogProps) {
  const { t } = useTranslation('manage');
  const client = useClient();
  const [text, setText] = useState(name);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  // After the dialog's own effect has shown it (showModal focuses its first control): the name, selected, so typing replaces it.
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const problem = nameProblem(text, name);
  const newName = normalizeName(text);
  // "Same as now" is no error to announce while the field still holds the name it opened with.
  const shownProblem = problem && !(problem.kind === 'same' && text === name) ? problem : undefined;

  const submit = async (): Promise<void> => {
    if (problem || busy) return;
    setBusy(true);
    setRefusal(undefined);
    try {
      await client.invoke('containers.rename', { id, name: newName });
      onRenamed(newName);
    } catch (err) {
      setRefusal(renameRefusal(err, newName, t));
      setBusy(false);
    }
  };

  return (
    <Modal kind="rename" title={t('rename.title', { name })} onClose={onClose}>
      <form
        className="manage-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label className="manage-field">
          <span>{t('rename.label')}</span>
          <input
            ref={input}
            className="mono"
            value={text}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={shownProblem !== undefined}
            aria-describedby="rename-hint rename-problem"
            onChange={(event) => {
              setText(event.target.value);
              setRefusal(undefined);
            }}
          />
        </label>
        <p id="rename-hint" className="muted small-print">
          {t('rename.hint')}
        </p>
        <p id="rename-problem" className="field-problem" role="status">
          {shownProblem ? t(`rename.problems.${shownProblem.kind}`, 'char' in shownProblem ? { char: shownProblem.char } : {}) : ''}
        </p>
        {refusal && (
          <div className="banner banner-error" role="alert">
            {refusal}
          </div>
        )}
        <CliCommand command={renameCommand(name, problem ? newName || 'NEW_NAME' : newName)} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('common:actions.cancel')}
          </button>
          <button type="submit" className="primary" disabled={problem !== undefined || busy}>
            {busy ? t('rename.busy') : t('rename.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

type Translate = (key: string, values?: Record<string, string>) => string;

function renameRefusal(err: unknown, newName: string, t: Translate): string {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof BerthError && err.code === 'CONFLICT' && /already in use/i.test(message)) return t('manage:rename.errors.taken', { name: newName });
  if (err instanceof BerthError && err.code === 'NOT_FOUND') return t('manage:rename.errors.gone');
  return t('manage:rename.errors.other', { message });
}
