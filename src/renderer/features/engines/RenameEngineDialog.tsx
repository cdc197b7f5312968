import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contextNameProblem } from '../../../shared/engines/engine-address';
import type { EngineEntry } from '../../../shared/types/engines';
import { useClient } from '../../api/ClientContext';
import { FormField } from '../../components/FormField';
import { FormDialog } from '../../components/FormDialog';

/** engines.rename: a stored context under a new name (the selection and colour follow it). */
export function RenameEngineDialog({ engine, onClose, onRenamed }: { engine: EngineEntry; onClose(): void; onRenamed(entry: EngineEntry): void }) {
  const { t } = useTranslation('engines');
  const client = useClient();
  const [name, setName] = useState(engine.name);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);
  const trimmed = name.trim();
  const problem = trimmed && trimmed !== engine.id ? contextNameProblem(trimmed) : undefined;
  const valid = trimmed !== '' && trimmed !== engine.id && !problem;

  return (
    <FormDialog
      kind="engines"
      title={t('rename.title', { name: engine.name })}
      formClassName="engines-form"
      cancelLabel={t('add.cancel')}
      submitLabel={t('rename.submit')}
      valid={valid}
      onClose={onClose}
      onSubmit={async () => {
        onRenamed(await client.invoke('engines.rename', { id: engine.id, name: trimmed }));
      }}
    >
      <FormField label={t('rename.name')} problem={problem || undefined}>
        {(control) => <input ref={input} value={name} onChange={(event) => setName(event.target.value)} spellCheck={false} {...control} />}
      </FormField>
    </FormDialog>
  );
}
