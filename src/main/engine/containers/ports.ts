import { isIP } from 'node:net';
import type Docker from 'dockerode';
import { BerthError } from '../../../shared/errors';
import type { PortProtocol } from '../../../shared/types/containers';
import type { ContainerPorts, PortMapping } from '../../../shared/types/ports';
import { engineCall } from '../core/errors';

type Bindings = Record<string, Array<{ HostIp?: string; HostPort?: string }> | null | undefined> | null | undefined;

/** "80/tcp" -> [80, 'tcp']; undefined for anything else. */
function parsePortKey(key: string): { containerPort: number; protocol: PortProtocol } | undefined {
  const match = /^(\d{1,5})\/(tcp|udp|sctp)$/.exec(key);
  if (!match) return undefined;
  const containerPort = Number(match[1]);
  if (containerPort < 1 || containerPort > 65535) return undefined;
  return { containerPort, protocol: match[2] as PortProtocol };
}

function hostPortOf(value: string | undefined): number | undefined {
  const port = Number(value);
  return value && Number.isInteger(port) && port > 0 && port <= 65535 ? port : undefined;
}

function toMappings(bindings: Bindings): PortMapping[] {
  const mappings: PortMapping[] = [];
  for (const [key, list] of Object.entries(bindings ?? {})) {
    const port = parsePortKey(key);
    if (!port || !list) continue;
    for (const binding of list) {
      const hostPort = hostPortOf(binding.HostPort);
      mappings.push({ ...port, hostIp: binding.HostIp ?? '', ...(hostPort ? { hostPort } : {}) });
    }
  }
  return mappings.sort((a, b) => a.containerPort - b.containerPort || a.protocol.localeCompare(b.protocol) || a.hostIp.localeCompare(b.hostIp));
}

/** `docker port CONTAINER`, and the bindings it asks for (HostConfig.PortBindings). */
export async function containerPorts(docker: Docker, id: string): Promise<ContainerPorts> {
  const info = await engineCall(() => docker.getContainer(id).inspect(), { action: `read the ports of ${id}` });
  const running = info.State?.Running === true;
  const published = running ? toMappings(info.NetworkSettings?.Ports as Bindings) : [];
  const requested = toMappings(info.HostConfig?.PortBindings as Bindings);
  const bound = new Set([...published, ...requested].map((m) => `${m.containerPort}/${m.protocol}`));
  const exposed = Object.keys(info.Config?.ExposedPorts ?? {})
    .map(parsePortKey)
    .filter((port): port is NonNullable<typeof port> => port !== undefined && !bound.has(`${port.containerPort}/${port.protocol}`))
    .sort((a, b) => a.containerPort - b.containerPort);
  return { id: info.Id, name: info.Name.replace(/^\//, ''), running, published, requested, exposedOnly: exposed };
}

/**
 * The address a browser on this machine reaches a published binding at: an any-address binding
 * (0.0.0.0, ::, or '') opens as loopback, a specific one as itself.
 */
export function browserHostFor(hostIp: string): string {
  if (hostIp === '' || hostIp === '0.0.0.0') return '127.0.0.1';
  if (hostIp === '::') return '[::1]';
  return hostIp.includes(':') ? `[${hostIp}]` : hostIp;
}

/** The http(s) URL of a published TCP port, built only from the engine's own binding. */
export function urlForBinding(mapping: PortMapping): URL {
  const { hostPort, hostIp } = mapping;
  if (hostPort === undefined || !Number.isInteger(hostPort) || hostPort < 1 || hostPort > 65535) {
    throw new BerthError('NOT_FOUND', `Port ${mapping.containerPort}/${mapping.protocol} has no host port.`);
  }
  if (hostIp !== '' && isIP(hostIp) === 0) throw new BerthError('INTERNAL', `The engine reported a host address that is not an IP: ${hostIp.slice(0, 64)}`);
  const scheme = mapping.containerPort === 443 || mapping.containerPort === 8443 ? 'https' : 'http';
  return new URL(`${scheme}://${browserHostFor(hostIp)}:${hostPort}/`);
}

/** Finds the published binding of containerPort/tcp and returns its URL (IPv4 first). */
export async function publishedPortUrl(docker: Docker, id: string, containerPort: number): Promise<URL> {
  const ports = await containerPorts(docker, id);
  if (!ports.running) throw new BerthError('CONFLICT', `Container ${ports.name} is not running: its ports are not published.`);
  const candidates = ports.published.filter((m) => m.containerPort === containerPort && m.protocol === 'tcp' && m.hostPort !== undefined);
  const mapping = candidates.find((m) => !m.hostIp.includes(':')) ?? candidates[0];
  if (!mapping) throw new BerthError('NOT_FOUND', `Port ${containerPort}/tcp of ${ports.name} is not published.`);
  return urlForBinding(mapping);
}
