import { useReportedActions } from '../../components/useReportedActions';
import type { VolumePruneFilters } from '../../../shared/types/volumes';
import { useClient } from '../../api/ClientContext';
import { volumePruneCommand, volumeRemoveCommand, volumeRemoveWithUsersCommand } from '../../../shared/cli/volumes';

export interface VolumeReport {
  /** Translation key under `report` and its values. */
  key: 'created' | 'removed' | 'removedWithUsers' | 'pruned';
  values: Record<string, string | number>;
  cli: string;
}

export interface RemoveChoice {
  force: boolean;
  /** The containers to remove first (`docker rm -f`): the user chose to remove them with it. */
  users: string[];
}

/** Remove and prune, each reported with its docker command; failures as plain errors. */
export function useVolumeActions(refresh: () => void) {
  const client = useClient();
  const { run, ...state } = useReportedActions<VolumeReport>(refresh);
  return {
    ...state,
    remove: (name: string, { force, users }: RemoveChoice) =>
      run(name, async (): Promise<VolumeReport> => {
        for (const user of users) await client.invoke('containers.remove', { id: user, force: true });
        await client.invoke('volumes.remove', { name, force });
        return users.length
          ? { key: 'removedWithUsers', values: { name, users: users.join(', ') }, cli: volumeRemoveWithUsersCommand(name, users, force) }
          : { key: 'removed', values: { name }, cli: volumeRemoveCommand([name], force) };
      }),
    prune: (filters: VolumePruneFilters) =>
      run('prune', async () => {
        const result = await client.invoke('volumes.prune', { filters });
        return { key: 'pruned', values: { count: result.removed.length, bytes: result.spaceReclaimed }, cli: volumePruneCommand(filters) };
      }),
  };
}
