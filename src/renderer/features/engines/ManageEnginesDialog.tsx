import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contextRemoveCommand } from '../../../shared/cli/engines';
import type { EngineEntry } from '../../../shared/types/engines';
import { useClient } from '../../api/ClientContext';
import { CliCommand, CliEngineFlagProvider } from '../../components/CliCommand';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Modal } from '../../components/Modal';
import { AddEngineDialog } from './AddEngineDialog';
import { useEngineSelection } from './EngineSelection';
import { EngineRow } from './EngineRow';
import { RenameEngineDialog } from './RenameEngineDialog';

/** The user's engines: colour, test, remove; and adding one. */
export function ManageEnginesDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('engines');
  const client = useClient();
  const selection = useEngineSelection();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<EngineEntry>();
  const [renaming, setRenaming] = useState<EngineEntry>();
  const [error, setError] = useState<Error>();
  const [report, setReport] = useState<{ text: string; cli?: string }>();

  const remove = async (engine: EngineEntry): Promise<void> => {
    setRemoving(undefined);
    setError(undefined);
    try {
      await client.invoke('engines.remove', { id: engine.id });
      selection.setColour(engine.id, undefined);
      setReport({ text: t('manage.removed', { name: engine.name }), cli: contextRemoveCommand(engine.id) });
      await selection.refresh();
    } catch (err) {
      setError(err as Error);
    }
  };

  return (
    // Lines here are about contexts themselves, never run against one.
    <CliEngineFlagProvider value="">
      <Modal kind="engines" title={t('manage.title')} onClose={onClose} wide>
        <div className="engines-manage">
          {selection.problems.map((problem) => (
            <p key={problem} className="banner banner-warn">
              {problem}
            </p>
          ))}
          {selection.listError && <ErrorMessage error={selection.listError} />}
          <table className="engines-table">
            <thead>
              <tr>
                <th scope="col">{t('columns.colour')}</th>
                <th scope="col">{t('columns.name')}</th>
                <th scope="col">{t('columns.endpoint')}</th>
                <th scope="col">{t('columns.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {selection.engines?.map((engine) => (
                <EngineRow key={engine.id} engine={engine} onRemove={() => setRemoving(engine)} onRename={() => setRenaming(engine)} />
              ))}
            </tbody>
          </table>
          {report && (
            <div className="action-report" role="status">
              <span>{report.text}</span>
              {report.cli && <CliCommand command={report.cli} />}
            </div>
          )}
          {error && <ErrorMessage error={error} onDismiss={() => setError(undefined)} />}
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={() => setAdding(true)}>
              {t('manage.add')}
            </button>
          </div>
        </div>
        {adding && (
          <AddEngineDialog
            onClose={() => setAdding(false)}
            onAdded={(entry) => {
              setAdding(false);
              setReport({ text: t('manage.added', { name: entry.name }) });
              void selection.refresh();
            }}
          />
        )}
        {renaming && (
          <RenameEngineDialog
            engine={renaming}
            onClose={() => setRenaming(undefined)}
            onRenamed={(entry) => {
              setRenaming(undefined);
              selection.renamed(renaming.id, entry.id);
              setReport({ text: t('manage.renamed', { from: renaming.name, to: entry.name }) });
              void selection.refresh();
            }}
          />
        )}
        {removing && (
          <ConfirmDialog
            title={t('manage.removeTitle', { name: removing.name })}
            confirmLabel={t('manage.remove')}
            danger
            onCancel={() => setRemoving(undefined)}
            onConfirm={() => void remove(removing)}
          >
            <p>{t('manage.removeBody', { name: removing.name })}</p>
          </ConfirmDialog>
        )}
      </Modal>
    </CliEngineFlagProvider>
  );
}
