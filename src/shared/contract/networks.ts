import { z } from 'zod';
import { isCidr, isIpv4, isIpv6, subnetContains } from '../networks/ip';
import type { InspectDocument } from '../types/inspect';
import type {
  NetworkConnectResult,
  NetworkCreateResult,
  NetworkPrunePreview,
  NetworkPruneResult,
  NetworkRemoveResult,
  NetworkSummary,
} from '../types/networks';
import { command, returns } from './define';
import { containerRef, driverName, driverOptions, labelMap, pruneFilterSchema, pruneUntil } from './schemas';

const NAME_RULE = 'A network name must start with a letter or digit and use only letters, digits, _ . - .';

/** A new network's name: one word the CLI, compose and the engine's DNS all take. */
const networkName = z
  .string()
  .trim()
  .min(1, 'A network name is required.')
  .max(255, 'A network name can be at most 255 characters.')
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, NAME_RULE);

/** An existing network, by name or (short) id. */
const networkRef = z
  .string()
  .trim()
  .min(1, 'A network name or id is required.')
  .max(255)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'Not a valid network name or id.');

const cidr = z.string().trim().refine(isCidr, 'A subnet is an address and a prefix length, such as 10.20.0.0/16 or fd00:1::/64.');
const ipv4 = z.string().trim().refine(isIpv4, 'Not an IPv4 address (such as 10.20.0.5).');
const ipv6 = z.string().trim().refine(isIpv6, 'Not an IPv6 address (such as fd00:1::5).');
const anyIp = z
  .string()
  .trim()
  .refine((value) => isIpv4(value) || isIpv6(value), 'Not an IP address.');

/** `--alias`: a name other containers on the network resolve to this one. */
const alias = z
  .string()
  .trim()
  .min(1)
  .max(253, 'An alias can be at most 253 characters.')
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'An alias starts with a letter or digit and uses only letters, digits, _ . - .');

const pruneFilters = pruneFilterSchema({ until: pruneUntil.optional() }).default({ label: [] });

const createSpec = z
  .object({
    name: networkName,
    driver: driverName.default('bridge'),
    subnet: cidr.optional(),
    gateway: anyIp.optional(),
    ipRange: cidr.optional(),
    internal: z.boolean().default(false),
    attachable: z.boolean().default(false),
    ipv6: z.boolean().default(false),
    labels: labelMap.default({}),
    driverOptions: driverOptions.default({}),
  })
  .strict()
  .refine((spec) => spec.gateway === undefined || spec.subnet !== undefined, { message: 'A gateway needs a subnet.', path: ['gateway'] })
  .refine((spec) => spec.ipRange === undefined || spec.subnet !== undefined, { message: 'An IP range needs a subnet.', path: ['ipRange'] })
  .refine((spec) => !(spec.subnet && spec.gateway && subnetContains(spec.subnet, spec.gateway) === false), {
    message: 'The gateway must be an address inside the subnet.',
    path: ['gateway'],
  })
  .refine((spec) => !(spec.subnet && spec.ipRange && subnetContains(spec.subnet, spec.ipRange.split('/')[0] ?? '') === false), {
    message: 'The IP range must lie inside the subnet.',
    path: ['ipRange'],
  });

export type NetworkCreateSpec = z.output<typeof createSpec>;

export const networkCommands = {
  /** `docker network ls`, with each network's subnets, flags, labels and the containers that name it. */
  'networks.list': command(z.object({}), returns<NetworkSummary[]>()),
  /** `docker network create [--driver D] [--subnet S --gateway G --ip-range R] [--internal] [--attachable] [--ipv6] [--label k=v] [-o k=v] NAME`; a taken name is refused. */
  'networks.create': command(createSpec, returns<NetworkCreateResult>()),
  /** `docker network rm NAME`: refused, with the containers named, while any has an endpoint on it; bridge, host and none are refused. */
  'networks.remove': command(z.object({ name: networkRef }).strict(), returns<NetworkRemoveResult>()),
  /** What `docker network prune --filter …` would remove now, and the filters resolved (a relative `until` as a time). */
  'networks.prunePreview': command(z.object({ filters: pruneFilters }).strict(), returns<NetworkPrunePreview>()),
  /** `docker network prune --force --filter …`. */
  'networks.prune': command(z.object({ filters: pruneFilters }).strict(), returns<NetworkPruneResult>()),
  /** `docker network inspect NAME`. */
  'networks.inspect': command(z.object({ name: networkRef }).strict(), returns<InspectDocument>()),
  /** `docker network connect [--alias A] [--ip IP] [--ip6 IP] NETWORK CONTAINER`. */
  'networks.connect': command(
    z
      .object({
        network: networkRef,
        container: containerRef,
        aliases: z.array(alias).max(20, 'At most 20 aliases.').default([]),
        ipv4Address: ipv4.optional(),
        ipv6Address: ipv6.optional(),
      })
      .strict(),
    returns<NetworkConnectResult>(),
  ),
  /** `docker network disconnect [-f] NETWORK CONTAINER`. */
  'networks.disconnect': command(
    z.object({ network: networkRef, container: containerRef, force: z.boolean().default(false) }).strict(),
    returns<NetworkConnectResult>(),
  ),
} as const;
