import type Docker from 'dockerode';
import type { NetworkSummary } from '../../../shared/types/containers';
import { engineCall } from '../core/errors';

/** `docker network ls`: what the create form offers for `--network`. */
export async function listNetworks(docker: Docker): Promise<NetworkSummary[]> {
  const networks = await engineCall(() => docker.listNetworks(), { action: 'list networks' });
  return networks.map((network) => ({ id: network.Id, name: network.Name, driver: network.Driver })).sort((a, b) => a.name.localeCompare(b.name));
}
