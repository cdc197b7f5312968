import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { composeActionCommand } from '../../../shared/cli/compose';
import { CliCommand } from '../../components/CliCommand';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { ProjectGroup } from './grouping';

/** `docker compose down` confirmed: what goes (containers, the project's networks) and, if chosen, its volumes. */
interface RemoveProjectDialogProps {
  project: ProjectGroup;
  /** The stop timeout the remove will use, so the line shown is the one that does the same. */
  timeout: number;
  onConfirm(volumes: boolean): void;
  onCancel(): void;
}

export function RemoveProjectDialog({ project, timeout, onConfirm, onCancel }: RemoveProjectDialogProps) {
  const { t } = useTranslation('compose');
  const [volumes, setVolumes] = useState(false);
  return (
    <ConfirmDialog
      title={t('remove.title', { name: project.name })}
      confirmLabel={t('remove.confirm')}
      danger
      onConfirm={() => onConfirm(volumes)}
      onCancel={onCancel}
    >
      <p>{t('remove.what', { count: project.containers.length })}</p>
      <ul className="compose-remove-list">
        {project.containers.map((container) => (
          <li key={container.id}>{container.name}</li>
        ))}
      </ul>
      <label className="check">
        <input type="checkbox" checked={volumes} onChange={(event) => setVolumes(event.target.checked)} />
        {t('remove.volumes')}
      </label>
      <CliCommand command={composeActionCommand(project.name, 'remove', { volumes, timeout })} />
    </ConfirmDialog>
  );
}
