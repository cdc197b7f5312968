/** The docker CLI lines of networks (ls, create, rm, prune, inspect, connect, disconnect), quoted for POSIX sh. */
import { joinShellWords, positionalWords } from './shell-quote';

export const networkListCommand = (): string => joinShellWords(['docker', 'network', 'ls']);

export interface NetworkCreateLine {
  name: string;
  driver?: string | undefined;
  subnet?: string | undefined;
  gateway?: string | undefined;
  ipRange?: string | undefined;
  internal?: boolean | undefined;
  attachable?: boolean | undefined;
  ipv6?: boolean | undefined;
  labels?: Readonly<Record<string, string>>;
  driverOptions?: Readonly<Record<string, string>>;
}

export function networkCreateCommand(spec: NetworkCreateLine): string {
  return joinShellWords([
    'docker',
    'network',
    'create',
    ...(spec.driver && spec.driver !== 'bridge' ? ['--driver', spec.driver] : []),
    ...(spec.subnet ? ['--subnet', spec.subnet] : []),
    ...(spec.gateway ? ['--gateway', spec.gateway] : []),
    ...(spec.ipRange ? ['--ip-range', spec.ipRange] : []),
    ...(spec.internal ? ['--internal'] : []),
    ...(spec.attachable ? ['--attachable'] : []),
    ...(spec.ipv6 ? ['--ipv6'] : []),
    ...Object.entries(spec.labels ?? {}).flatMap(([key, value]) => ['--label', `${key}=${value}`]),
    ...Object.entries(spec.driverOptions ?? {}).flatMap(([key, value]) => ['--opt', `${key}=${value}`]),
    ...positionalWords(spec.name),
  ]);
}

export const networkRemoveCommand = (names: readonly string[]): string => joinShellWords(['docker', 'network', 'rm', ...names.flatMap(positionalWords)]);

export const networkInspectCommand = (name: string): string => joinShellWords(['docker', 'network', 'inspect', ...positionalWords(name)]);

/** `docker network prune`: the filters as typed (a relative `until` such as 24h stays relative). */
export function networkPruneCommand(filters: { label: readonly string[]; until?: string | undefined }): string {
  return joinShellWords([
    'docker',
    'network',
    'prune',
    '--force',
    ...filters.label.flatMap((label) => ['--filter', `label=${label}`]),
    ...(filters.until ? ['--filter', `until=${filters.until}`] : []),
  ]);
}

/** NETWORK CONTAINER, after one `--` when either would read as a flag. */
const positionalPair = (network: string, container: string): string[] =>
  network.startsWith('-') || container.startsWith('-') ? ['--', network, container] : [network, container];

export interface NetworkConnectLine {
  network: string;
  container: string;
  aliases?: readonly string[];
  ipv4Address?: string | undefined;
  ipv6Address?: string | undefined;
}

export function networkConnectCommand({ network, container, aliases = [], ipv4Address, ipv6Address }: NetworkConnectLine): string {
  return joinShellWords([
    'docker',
    'network',
    'connect',
    ...aliases.flatMap((alias) => ['--alias', alias]),
    ...(ipv4Address ? ['--ip', ipv4Address] : []),
    ...(ipv6Address ? ['--ip6', ipv6Address] : []),
    ...positionalPair(network, container),
  ]);
}

export const networkDisconnectCommand = (network: string, container: string, force = false): string =>
  joinShellWords(['docker', 'network', 'disconnect', ...(force ? ['--force'] : []), ...positionalPair(network, container)]);

/** The containers disconnected first (each `docker network disconnect`), then the network removed. */
export const networkRemoveWithDisconnectCommand = (name: string, containers: readonly string[]): string =>
  [...containers.map((container) => networkDisconnectCommand(name, container, true)), networkRemoveCommand([name])].join(' && ');
