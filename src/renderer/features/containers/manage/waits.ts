import type { ContainerExit } from '../../../../shared/types/containers';
import type { BerthClient } from '../../../api/client';

/**
 * `containers.wait` calls on their way, one per container and client. A call cannot be aborted
 * (BerthClient.invoke takes no signal, and the engine's wait holds its request until the container
 * stops), so "Cancel" only stops the UI waiting; the request ends when the container stops. A new
 * "Wait for exit" while it is still out joins it instead of sending another, so clicking again
 * never piles up requests (in browser mode each would hold one of the page's few connections).
 */
const pending = new WeakMap<BerthClient, Map<string, Promise<ContainerExit>>>();

export function waitForExit(client: BerthClient, id: string): Promise<ContainerExit> {
  let forClient = pending.get(client);
  if (!forClient) {
    forClient = new Map();
    pending.set(client, forClient);
  }
  const existing = forClient.get(id);
  if (existing) return existing;
  const waiting = client.invoke('containers.wait', { id }).finally(() => forClient.delete(id));
  forClient.set(id, waiting);
  return waiting;
}
