import { useReportedActions } from '../../components/useReportedActions';
import type { ImageRemoveResult } from '../../../shared/types/images';
import { useClient } from '../../api/ClientContext';
import { imagePruneCommand, imageRemoveCommand } from '../../../shared/cli/images';

export interface ImageReport {
  /** Translation key under `report` and its values. */
  key: 'removed' | 'untagged' | 'pruned' | 'tagged';
  values: Record<string, string | number>;
  cli: string;
}

/** Remove, untag and prune, each reported with its docker command; failures as plain errors. */
export function useImageActions(refresh: () => void) {
  const client = useClient();
  const { run, ...state } = useReportedActions<ImageReport>(refresh);
  const describe = (result: ImageRemoveResult) => ({ untagged: result.untagged.length, deleted: result.deleted.length });
  return {
    ...state,
    remove: (id: string, label: string, force: boolean) =>
      run(id, async () => {
        const result = await client.invoke('images.remove', { ref: id, force });
        return { key: 'removed', values: { name: label, ...describe(result) }, cli: imageRemoveCommand([label], force) };
      }),
    untag: (id: string, repoTag: string) =>
      run(id, async () => {
        const result = await client.invoke('images.untag', { ref: repoTag });
        return { key: 'untagged', values: { name: repoTag, ...describe(result) }, cli: imageRemoveCommand([repoTag], false) };
      }),
    prune: (all: boolean) =>
      run('prune', async () => {
        const result = await client.invoke('images.prune', { all });
        return { key: 'pruned', values: { count: result.deleted.length, bytes: result.spaceReclaimedBytes }, cli: imagePruneCommand({ all }) };
      }),
  };
}
