import type Docker from 'dockerode';
import { BerthError } from '../../../shared/errors';
import type { NetworkConnectResult } from '../../../shared/types/networks';
import { engineMessage, toBerthError } from '../core/errors';
import { inspectEngineNetwork } from './networks';

export interface ConnectSpec {
  network: string;
  container: string;
  aliases: string[];
  ipv4Address?: string | undefined;
  ipv6Address?: string | undefined;
}

/** The container's name as the user knows it, or NOT_FOUND in plain words. */
async function containerName(docker: Docker, ref: string): Promise<string> {
  try {
    return (await docker.getContainer(ref).inspect()).Name.replace(/^\//, '');
  } catch (err) {
    const mapped = toBerthError(err, { action: `look up container ${ref}` });
    if (mapped.code === 'NOT_FOUND') throw new BerthError('NOT_FOUND', `There is no container named ${ref} on this engine.`);
    throw mapped;
  }
}

/** The engine's refusals of a connect or disconnect, in plain words. */
function refusal(err: unknown, what: string, network: string, container: string): BerthError {
  const said = engineMessage(err as object);
  const mapped = toBerthError(err, { action: what });
  if (/already exists in network/i.test(said)) return new BerthError('CONFLICT', `Container ${container} is already connected to network ${network}.`);
  if (/is not connected to/i.test(said)) return new BerthError('CONFLICT', `Container ${container} is not connected to network ${network}.`);
  if (/host network/i.test(said))
    return new BerthError(
      'CONFLICT',
      `A container cannot be connected to or disconnected from the host network; it is chosen when the container is created (--network host).`,
    );
  if (/user configured subnets/i.test(said))
    return new BerthError(
      'INVALID_INPUT',
      `A fixed IP address needs a network created with a subnet; network ${network} has none of its own. Leave the IP address empty.`,
    );
  if (/network-scoped alias/i.test(said))
    return new BerthError('INVALID_INPUT', `Aliases work only on networks you create; network ${network} is the engine's default bridge.`);
  if (/Address already in use/i.test(said)) return new BerthError('CONFLICT', `Could not ${what}: that IP address is already taken on network ${network}.`);
  if (mapped.code === 'INTERNAL' && !/the engine said \(5\d\d\)/.test(mapped.message)) return new BerthError('INVALID_INPUT', `Could not ${what}: ${said}`);
  return mapped;
}

/** `docker network connect [--alias A] [--ip IP] [--ip6 IP] NETWORK CONTAINER`. */
export async function connectNetwork(docker: Docker, spec: ConnectSpec): Promise<NetworkConnectResult> {
  const [network, container] = await Promise.all([inspectEngineNetwork(docker, spec.network), containerName(docker, spec.container)]);
  const ipam = {
    ...(spec.ipv4Address ? { IPv4Address: spec.ipv4Address } : {}),
    ...(spec.ipv6Address ? { IPv6Address: spec.ipv6Address } : {}),
  };
  const what = `connect container ${container} to network ${network.Name}`;
  try {
    await docker.getNetwork(network.Id).connect({
      Container: spec.container,
      EndpointConfig: {
        ...(spec.aliases.length ? { Aliases: spec.aliases } : {}),
        ...(Object.keys(ipam).length ? { IPAMConfig: ipam } : {}),
      },
    });
    return { network: network.Name, container };
  } catch (err) {
    throw refusal(err, what, network.Name, container);
  }
}

/** `docker network disconnect [-f] NETWORK CONTAINER`. */
export async function disconnectNetwork(docker: Docker, spec: { network: string; container: string; force: boolean }): Promise<NetworkConnectResult> {
  const [network, container] = await Promise.all([inspectEngineNetwork(docker, spec.network), containerName(docker, spec.container)]);
  try {
    await docker.getNetwork(network.Id).disconnect({ Container: spec.container, Force: spec.force });
    return { network: network.Name, container };
  } catch (err) {
    throw refusal(err, `disconnect container ${container} from network ${network.Name}`, network.Name, container);
  }
}
