import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolumeSummary } from '../../../shared/types/volumes';
import { CliCommand } from '../../components/CliCommand';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { volumeRemoveCommand, volumeRemoveWithUsersCommand } from '../../../shared/cli/volumes';
import type { RemoveChoice } from './useVolumeActions';
import { volumeLabel } from './VolumeTable';

/**
 * `docker volume rm [-f]`. A volume a container uses cannot be removed (not even with -f): the
 * dialog names those containers and removes it only when the user also chooses to remove them.
 */
export function RemoveVolumeDialog({ volume, onCancel, onConfirm }: { volume: VolumeSummary; onCancel(): void; onConfirm(choice: RemoveChoice): void }) {
  const { t } = useTranslation('volumes');
  const [force, setForce] = useState(false);
  const [removeUsers, setRemoveUsers] = useState(false);
  const users = volume.usedBy;
  const inUse = users.length > 0;
  const blocked = inUse && !removeUsers;
  const choice: RemoveChoice = { force, users: inUse && removeUsers ? users : [] };
  return (
    <ConfirmDialog
      title={t('remove.title', { name: volumeLabel(volume) })}
      confirmLabel={inUse ? t('remove.confirmWithUsers', { count: users.length }) : t('actions.remove')}
      danger
      confirmDisabled={blocked}
      onCancel={onCancel}
      onConfirm={() => onConfirm(choice)}
    >
      <p>{t('remove.explain')}</p>
      {inUse && (
        <div className="volumes-warning" role="note">
          <p>{t('remove.inUse', { count: users.length })}</p>
          <ul className="volume-user-list">
            {users.map((user) => (
              <li key={user} className="mono">
                {user}
              </li>
            ))}
          </ul>
          <p>{t('remove.inUseForce')}</p>
        </div>
      )}
      {inUse && (
        <label className="check">
          <input type="checkbox" checked={removeUsers} onChange={(event) => setRemoveUsers(event.target.checked)} />
          {t('remove.removeUsers', { count: users.length })}
        </label>
      )}
      <label className="check">
        <input type="checkbox" checked={force} onChange={(event) => setForce(event.target.checked)} />
        {t('remove.force')}
      </label>
      <CliCommand command={choice.users.length ? volumeRemoveWithUsersCommand(volume.name, choice.users, force) : volumeRemoveCommand([volume.name], force)} />
    </ConfirmDialog>
  );
}
