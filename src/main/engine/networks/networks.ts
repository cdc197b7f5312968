import type Docker from 'dockerode';
import type { NetworkCreateSpec } from '../../../shared/contract/networks';
import { BerthError } from '../../../shared/errors';
import { subnetsOverlap } from '../../../shared/networks/ip';
import type { InspectDocument } from '../../../shared/types/inspect';
import type { NetworkCreateResult, NetworkRemoveResult, NetworkSubnet, NetworkSummary } from '../../../shared/types/networks';
import { engineCall, engineMessage, toBerthError } from '../core/errors';
import { membersOf, networkMembers, PREDEFINED_NETWORKS } from './members';

interface EngineIpamConfig {
  Subnet?: string;
  Gateway?: string;
  IPRange?: string;
}

/** What the engine's network list and inspect give (dockerode's type lacks some of it). */
export interface EngineNetwork {
  Id: string;
  Name: string;
  Driver: string;
  Scope: string;
  Created?: string;
  EnableIPv6?: boolean;
  Internal?: boolean;
  Attachable?: boolean;
  ConfigOnly?: boolean;
  IPAM?: { Config?: EngineIpamConfig[] | null };
  Labels?: Record<string, string> | null;
  Options?: Record<string, string> | null;
  Containers?: Record<string, { Name?: string }> | null;
}

export const createdSeconds = (created: string | undefined): number => {
  const ms = created ? Date.parse(created) : NaN;
  return Number.isNaN(ms) || ms <= 0 ? 0 : Math.floor(ms / 1000);
};

const subnetsOf = (network: EngineNetwork): NetworkSubnet[] =>
  (network.IPAM?.Config ?? [])
    .filter((config) => config.Subnet)
    .map((config) => ({
      subnet: config.Subnet ?? '',
      ...(config.Gateway ? { gateway: config.Gateway } : {}),
      ...(config.IPRange ? { ipRange: config.IPRange } : {}),
    }));

async function engineNetworks(docker: Docker): Promise<EngineNetwork[]> {
  return (await engineCall(() => docker.listNetworks(), { action: 'list networks' })) as unknown as EngineNetwork[];
}

/** `docker network ls`, with what `docker network inspect` adds: subnets, flags, labels, the containers that name each one. */
export async function listNetworks(docker: Docker): Promise<NetworkSummary[]> {
  const [networks, members] = await Promise.all([engineNetworks(docker), networkMembers(docker)]);
  return networks
    .map((network) => ({
      id: network.Id,
      name: network.Name,
      driver: network.Driver,
      scope: network.Scope,
      subnets: subnetsOf(network),
      internal: network.Internal === true,
      attachable: network.Attachable === true,
      ipv6: network.EnableIPv6 === true,
      labels: network.Labels ?? {},
      options: network.Options ?? {},
      created: createdSeconds(network.Created),
      predefined: PREDEFINED_NETWORKS.has(network.Name),
      containers: membersOf(members, network),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The engine's inspect of one network, or NOT_FOUND in plain words. */
export async function inspectEngineNetwork(docker: Docker, ref: string): Promise<EngineNetwork> {
  try {
    return (await docker.getNetwork(ref).inspect()) as EngineNetwork;
  } catch (err) {
    const mapped = toBerthError(err, { action: `inspect network ${ref}` });
    if (mapped.code === 'NOT_FOUND') throw new BerthError('NOT_FOUND', `There is no network named ${ref} on this engine.`);
    throw mapped;
  }
}

/** `docker network inspect NAME`. */
export async function inspectNetwork(docker: Docker, ref: string): Promise<InspectDocument> {
  return (await inspectEngineNetwork(docker, ref)) as unknown as InspectDocument;
}

/** Says which network a refused subnet overlaps, when the engine only says "Pool overlaps". */
async function overlapMessage(docker: Docker, subnet: string): Promise<string> {
  const taken = (await engineNetworks(docker).catch(() => [])).find((network) => subnetsOf(network).some((known) => subnetsOverlap(known.subnet, subnet)));
  return taken
    ? `The subnet ${subnet} overlaps network ${taken.Name} (${subnetsOf(taken)
        .map((known) => known.subnet)
        .join(', ')}). Choose another subnet.`
    : `The subnet ${subnet} overlaps a network this engine already has. Choose another subnet.`;
}

/**
 * `docker network create`. The engine is asked to refuse a taken name (older engines would make a
 * second network of the same name otherwise); its refusals come back in plain words.
 */
export async function createNetwork(docker: Docker, spec: NetworkCreateSpec): Promise<NetworkCreateResult> {
  const ipam = spec.subnet
    ? {
        Driver: 'default',
        Config: [
          {
            Subnet: spec.subnet,
            ...(spec.gateway ? { Gateway: spec.gateway } : {}),
            ...(spec.ipRange ? { IPRange: spec.ipRange } : {}),
          },
        ],
      }
    : undefined;
  try {
    const created = await docker.createNetwork({
      Name: spec.name,
      CheckDuplicate: true,
      Driver: spec.driver,
      Internal: spec.internal,
      Attachable: spec.attachable,
      EnableIPv6: spec.ipv6,
      Labels: spec.labels,
      Options: spec.driverOptions,
      ...(ipam ? { IPAM: ipam } : {}),
    });
    return { id: created.id, name: spec.name };
  } catch (err) {
    const mapped = toBerthError(err, { action: `create network ${spec.name}` });
    const said = engineMessage(err as object);
    if (/already exists/i.test(said)) throw new BerthError('CONFLICT', `A network named ${spec.name} already exists.`);
    if (/plugin .* not found/i.test(said))
      throw new BerthError('INVALID_INPUT', `Could not create network ${spec.name}: there is no network driver named ${spec.driver} on this engine.`);
    if (/overlaps/i.test(said) && spec.subnet) throw new BerthError('CONFLICT', await overlapMessage(docker, spec.subnet));
    if (mapped.code === 'INTERNAL' || mapped.code === 'NOT_FOUND') throw new BerthError('INVALID_INPUT', `Could not create network ${spec.name}: ${said}`);
    throw mapped;
  }
}

const endpointsMessage = (name: string, containers: string[]): string =>
  `Network ${name} has ${containers.length === 1 ? 'container' : 'containers'} ${containers.join(', ')} connected. Disconnect ${
    containers.length === 1 ? 'it' : 'them'
  } (or stop ${containers.length === 1 ? 'it' : 'them'}) first.`;

const predefinedMessage = (name: string): string => `${name} is one of the engine's own networks (bridge, host, none); it cannot be removed.`;

/** The names of the containers with an endpoint on the network now. */
const endpointNames = (network: EngineNetwork): string[] =>
  Object.entries(network.Containers ?? {})
    .map(([id, endpoint]) => endpoint.Name ?? id.slice(0, 12))
    .sort((a, b) => a.localeCompare(b));

/**
 * `docker network rm NAME`. The engine's own networks are refused, and so is a network any
 * container has an endpoint on, with those containers named. Stopped containers that name it do
 * not stop the removal (as with the CLI); they will not start until connected elsewhere.
 */
export async function removeNetwork(docker: Docker, ref: string): Promise<NetworkRemoveResult> {
  const network = await inspectEngineNetwork(docker, ref);
  if (PREDEFINED_NETWORKS.has(network.Name)) throw new BerthError('CONFLICT', predefinedMessage(network.Name));
  const attached = endpointNames(network);
  if (attached.length) throw new BerthError('CONFLICT', endpointsMessage(network.Name, attached));
  try {
    await docker.getNetwork(network.Id).remove();
    return { name: network.Name };
  } catch (err) {
    const mapped = toBerthError(err, { action: `remove network ${network.Name}` });
    if (mapped.code === 'NOT_FOUND') throw new BerthError('NOT_FOUND', `There is no network named ${ref} on this engine.`);
    if (/active endpoints/i.test(engineMessage(err as object))) {
      // A container joined between the check and the removal.
      const now = endpointNames(await inspectEngineNetwork(docker, network.Id));
      throw new BerthError(
        'CONFLICT',
        now.length ? endpointsMessage(network.Name, now) : `Network ${network.Name} has a container connected; disconnect it first.`,
      );
    }
    throw mapped;
  }
}
