import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { networkListCommand } from '../../../shared/cli/networks';
import type { NetworkSummary } from '../../../shared/types/networks';
import { useRegisterCommands } from '../../commands/CommandsProvider';
import type { AppCommand } from '../../commands/registry';
import { ActionReport } from '../../components/ActionReport';
import { CliCommand } from '../../components/CliCommand';
import { ListingToolbar } from '../../components/ListingToolbar';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { ViewProps } from '../../view-types';
import { ListingStatus, useEngineGate } from '../engine';
import { ConnectDialog } from './ConnectDialog';
import { CreateNetworkDialog } from './CreateNetworkDialog';
import { InspectNetworkDialog } from './InspectNetworkDialog';
import { matchesNetwork, nextSort, sortNetworks, type NetworkSort } from './network-sort';
import { NetworkTable } from './NetworkTable';
import { PruneNetworksDialog } from './PruneNetworksDialog';
import { RemoveNetworkDialog } from './RemoveNetworkDialog';
import { useNetworkActions } from './useNetworkActions';
import { useNetworks } from './useNetworks';
import '../../styles/resource-lists.css';
import '../../styles/networks.css';

type Dialog =
  | { kind: 'create' }
  | { kind: 'prune' }
  | { kind: 'remove'; network: NetworkSummary }
  | { kind: 'inspect'; network: NetworkSummary }
  | { kind: 'connect'; network: NetworkSummary };

/** The engine's networks: create, inspect, connect and disconnect containers, remove (never from under a running container), prune with a preview. */
export function NetworksView({ engineState }: ViewProps) {
  const { t } = useTranslation('networks');
  const connected = engineState?.status === 'connected';
  const { networks, listedAt, error, refresh } = useNetworks(connected);
  const { gate } = useEngineGate();
  const actions = useNetworkActions(refresh);
  const [text, setText] = useState('');
  const [sort, setSort] = useState<NetworkSort>({ key: 'name', direction: 'asc' });
  const [dialog, setDialog] = useState<Dialog>();

  const sorted = useMemo(() => sortNetworks(networks ?? [], sort), [networks, sort]);
  const visible = sorted.filter((network) => matchesNetwork(network, text));

  const commands = useMemo<AppCommand[]>(
    () => [
      {
        id: 'networks.create',
        title: t('commands.create'),
        group: t('commands.group'),
        keywords: ['network', 'create', 'docker network create', 'subnet'],
        run: () => setDialog({ kind: 'create' }),
      },
      {
        id: 'networks.prune',
        title: t('commands.prune'),
        group: t('commands.group'),
        keywords: ['network', 'prune', 'unused'],
        run: () => setDialog({ kind: 'prune' }),
      },
    ],
    [t],
  );
  useRegisterCommands(commands);
  const close = () => setDialog(undefined);

  return (
    <section className="view networks-view" aria-labelledby="networks-title">
      <header className="view-header">
        <h1 id="networks-title">{t('title')}</h1>
        <CliCommand command={networkListCommand()} />
      </header>
      <ListingToolbar
        filter={text}
        onFilter={setText}
        filterPlaceholder={t('filterPlaceholder')}
        filterLabel={t('filterLabel')}
        count={t('count', { shown: visible.length, total: sorted.length })}
      >
        <button type="button" className="primary" onClick={() => setDialog({ kind: 'create' })} {...gate}>
          {t('create.open')}
        </button>
        <button type="button" disabled={actions.pending.has('prune')} onClick={() => setDialog({ kind: 'prune' })} {...gate}>
          {t('prune.open')}
        </button>
      </ListingToolbar>
      <ListingStatus error={error} listed={networks !== undefined} listedAt={listedAt} lastKnown={(time) => t('lastKnown', { time })} />
      {actions.error && <ErrorMessage error={actions.error} onDismiss={actions.clear} />}
      {actions.report && (
        <ActionReport
          text={t(`report.${actions.report.key}`, actions.report.values)}
          cli={actions.report.cli}
          dismissLabel={t('dismiss')}
          onDismiss={actions.clear}
        />
      )}
      {networks === undefined && !error && connected && <p className="muted">{t('loading')}</p>}
      {networks !== undefined && visible.length === 0 && <p className="muted">{t('noMatch')}</p>}
      {visible.length > 0 && (
        <NetworkTable
          networks={visible}
          sort={sort}
          pending={actions.pending}
          onSort={(key) => setSort((current) => nextSort(current, key))}
          onInspect={(network) => setDialog({ kind: 'inspect', network })}
          onConnect={(network) => setDialog({ kind: 'connect', network })}
          onDisconnect={(network, member) => void actions.disconnect(network.name, member.name)}
          onRemove={(network) => setDialog({ kind: 'remove', network })}
        />
      )}
      {dialog?.kind === 'create' && (
        <CreateNetworkDialog
          onClose={close}
          onCreated={(result, cli) => {
            close();
            actions.show({ key: 'created', values: { name: result.name }, cli });
          }}
        />
      )}
      {dialog?.kind === 'connect' && (
        <ConnectDialog
          network={dialog.network}
          onClose={close}
          onConnected={(result, cli) => {
            close();
            actions.show({ key: 'connected', values: { ...result }, cli });
          }}
        />
      )}
      {dialog?.kind === 'remove' && (
        <RemoveNetworkDialog
          network={dialog.network}
          onCancel={close}
          onConfirm={(disconnect) => {
            const { network } = dialog;
            close();
            void actions.remove(network.name, disconnect);
          }}
        />
      )}
      {dialog?.kind === 'prune' && (
        <PruneNetworksDialog
          onCancel={close}
          onConfirm={(filters, typed) => {
            close();
            void actions.prune(filters, typed);
          }}
        />
      )}
      {dialog?.kind === 'inspect' && <InspectNetworkDialog network={dialog.network} onClose={close} />}
    </section>
  );
}
