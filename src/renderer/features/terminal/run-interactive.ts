import type { CreateContainerSpec } from '../../../shared/contract';
import type { CreatedContainer } from '../../../shared/types/containers';
import type { BerthClient } from '../../api/client';
import { openTerminalSession } from './store';
import { interactiveCreateSpec } from '../../../shared/cli/terminal';

/**
 * `docker run -it`: creates the container with a TTY and open stdin, then opens an attach session
 * that attaches first and starts it after, so nothing it prints at start is missed (a new
 * container has no earlier output: nothing is replayed). The session is in the store: the
 * container's Terminal tab shows it.
 */
export async function createInteractively(client: BerthClient, spec: CreateContainerSpec): Promise<CreatedContainer> {
  const created = await client.invoke('containers.create', interactiveCreateSpec(spec));
  openTerminalSession(client, { kind: 'attach', containerId: created.id, containerName: created.name, logs: false, start: true });
  return created;
}
