import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { networkRemoveCommand, networkRemoveWithDisconnectCommand } from '../../../shared/cli/networks';
import type { NetworkSummary } from '../../../shared/types/networks';
import { CliCommand } from '../../components/CliCommand';
import { ConfirmDialog } from '../../components/ConfirmDialog';

/**
 * `docker network rm`. The engine refuses a network a running container is on: the dialog names
 * those containers and removes it only when the user also chooses to disconnect them. Stopped
 * containers that name it do not stop the removal, but will not start afterwards: it says so.
 */
export function RemoveNetworkDialog({ network, onCancel, onConfirm }: { network: NetworkSummary; onCancel(): void; onConfirm(disconnect: string[]): void }) {
  const { t } = useTranslation('networks');
  const [disconnect, setDisconnect] = useState(false);
  const connected = network.containers.filter((member) => member.state === 'running' || member.ipv4Address !== '').map((member) => member.name);
  const stopped = network.containers.map((member) => member.name).filter((name) => !connected.includes(name));
  const blocked = connected.length > 0 && !disconnect;
  const chosen = connected.length && disconnect ? connected : [];
  return (
    <ConfirmDialog
      title={t('remove.title', { name: network.name })}
      confirmLabel={connected.length ? t('remove.confirmWithDisconnect', { count: connected.length }) : t('actions.remove')}
      danger
      confirmDisabled={blocked}
      onCancel={onCancel}
      onConfirm={() => onConfirm(chosen)}
    >
      {connected.length > 0 && (
        <div className="networks-warning" role="note">
          <p>{t('remove.connected', { count: connected.length })}</p>
          <ul>
            {connected.map((name) => (
              <li key={name} className="mono">
                {name}
              </li>
            ))}
          </ul>
          <p>{t('remove.connectedRule')}</p>
        </div>
      )}
      {stopped.length > 0 && (
        <div className="networks-warning" role="note">
          <p>{t('remove.stopped', { count: stopped.length, names: stopped.join(', ') })}</p>
        </div>
      )}
      {connected.length === 0 && stopped.length === 0 && <p>{t('remove.explain')}</p>}
      {connected.length > 0 && (
        <label className="check">
          <input type="checkbox" checked={disconnect} onChange={(event) => setDisconnect(event.target.checked)} />
          {t('remove.disconnect', { count: connected.length })}
        </label>
      )}
      <CliCommand command={chosen.length ? networkRemoveWithDisconnectCommand(network.name, chosen) : networkRemoveCommand([network.name])} />
    </ConfirmDialog>
  );
}
