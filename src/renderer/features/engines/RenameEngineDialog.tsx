import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contextNameProblem } from '../../../shared/engines/engine-address';
import type { EngineEntry } from '../../../shared/types/engines';
import { useClient } from '../../api/ClientContext';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormField } from '../../components/FormField';
import { Modal } from '../../components/Modal';

/** engines.rename: a stored context under a new name (the selection and colour follow it). */
export function RenameEngineDialog({ engine, onClose, onRenamed }: { engine: EngineEntry; onClose(): void; onRenamed(entry: EngineEntry): void }) {
  const { t } = useTranslation('engines');
  const client = useClient();
  const [name, setName] = useState(engine.name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);
  const trimmed = name.trim();
  const problem = trimmed && trimmed !== engine.id ? contextNameProblem(trimmed) : undefined;
  const valid = trimmed !== '' && trimmed !== engine.id && !problem;

  const rename = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      onRenamed(await client.invoke('engines.rename', { id: engine.id, name: trimmed }));
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal kind="engines" title={t('rename.title', { name: engine.name })} onClose={onClose} locked={busy}>
      <form
        className="engines-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) void rename();
        }}
      >
        <FormField label={t('rename.name')} problem={problem || undefined}>
          {(control) => <input ref={input} value={name} onChange={(event) => setName(event.target.value)} spellCheck={false} {...control} />}
        </FormField>
        {error && <ErrorMessage error={error} onDismiss={() => setError(undefined)} />}
        <div className="dialog-actions">
          <button type="button" onClick={onClose} disabled={busy}>
            {t('add.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !valid}>
            {t('rename.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
