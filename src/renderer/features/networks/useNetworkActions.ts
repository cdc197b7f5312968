import type { NetworkPruneFilters } from '../../../shared/types/networks';
import { useClient } from '../../api/ClientContext';
import { useReportedActions } from '../../components/useReportedActions';
import { networkDisconnectCommand, networkPruneCommand, networkRemoveCommand, networkRemoveWithDisconnectCommand } from '../../../shared/cli/networks';

export interface NetworkReport {
  /** Translation key under `report` and its values. */
  key: 'created' | 'removed' | 'removedWithDisconnect' | 'pruned' | 'connected' | 'disconnected';
  values: Record<string, string | number>;
  cli: string;
}

/** Remove, prune and disconnect, each reported with its docker command; failures as plain errors. */
export function useNetworkActions(refresh: () => void) {
  const client = useClient();
  const { run, ...state } = useReportedActions<NetworkReport>(refresh);
  return {
    ...state,
    /** Removes the network, disconnecting `connected` first when the user chose to. */
    remove: (name: string, connected: string[]) =>
      run(name, async (): Promise<NetworkReport> => {
        for (const container of connected) await client.invoke('networks.disconnect', { network: name, container, force: true });
        await client.invoke('networks.remove', { name });
        return connected.length
          ? { key: 'removedWithDisconnect', values: { name, containers: connected.join(', ') }, cli: networkRemoveWithDisconnectCommand(name, connected) }
          : { key: 'removed', values: { name }, cli: networkRemoveCommand([name]) };
      }),
    prune: (filters: NetworkPruneFilters, typed: { label: string[]; until?: string | undefined }) =>
      run('prune', async () => {
        const result = await client.invoke('networks.prune', { filters });
        return { key: 'pruned', values: { count: result.removed.length, names: result.removed.join(', ') }, cli: networkPruneCommand(typed) };
      }),
    disconnect: (network: string, container: string) =>
      run(`${network}/${container}`, async () => {
        await client.invoke('networks.disconnect', { network, container });
        return { key: 'disconnected', values: { network, container }, cli: networkDisconnectCommand(network, container) };
      }),
  };
}
