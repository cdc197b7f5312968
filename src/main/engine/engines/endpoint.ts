import type http from 'node:http';
import https from 'node:https';
import Docker from 'dockerode';
import { BerthError } from '../../../shared/errors';
import type { EngineIdentity } from '../../../shared/types/engines';
import { endpointFailure } from './endpoint-errors';
import { DEFAULT_SSH_COMMAND, parseSshHost, SshDialAgent, type SshCommand } from './ssh-dial';

/** Where an engine is and how to trust it: what a docker context's docker endpoint holds. */
export interface EngineEndpoint {
  /** `unix:///path`, `tcp://host:port`, `ssh://user@host[:port][/socket]`. */
  host: string;
  /** PEM texts: the CA that signed the engine's certificate, and the client's certificate and key. */
  tls?: { ca?: string; cert?: string; key?: string };
  /** TLS without checking the engine's certificate (`--tlsverify=false` / the context's SkipTLSVerify). */
  skipTlsVerify?: boolean;
}

/** docker-modem passes `agent` to every request; its typings leave it out. */
type OptionsWithAgent = Docker.DockerOptions & { agent?: http.Agent };

export interface ConnectOptions {
  sshCommand?: SshCommand;
}

/** The scheme of an engine address, or a plain refusal of one Berth cannot reach. */
function endpointScheme(host: string): 'unix' | 'tcp' | 'ssh' | 'npipe' {
  const scheme = /^([a-z]+):\/\//.exec(host)?.[1];
  if (scheme === 'unix' || scheme === 'tcp' || scheme === 'ssh' || scheme === 'npipe') return scheme;
  throw new BerthError('INVALID_INPUT', `${host} is not an engine address: use unix:///path/docker.sock, tcp://host:port or ssh://user@host.`);
}

/**
 * A dockerode client for the endpoint, configured as the docker CLI would connect: TLS for tcp
 * when the endpoint has TLS material or skips verification, plain HTTP otherwise; ssh through
 * the system's ssh (ssh-dial.ts).
 */
export function dockerForEndpoint(endpoint: EngineEndpoint, { sshCommand = DEFAULT_SSH_COMMAND }: ConnectOptions = {}): Docker {
  const scheme = endpointScheme(endpoint.host);
  if (scheme === 'unix' || scheme === 'npipe') {
    const socketPath = endpoint.host.slice(`${scheme}://`.length);
    if (!socketPath) throw new BerthError('INVALID_INPUT', `${endpoint.host} names no socket.`);
    return new Docker({ socketPath });
  }
  if (scheme === 'ssh') {
    const options: OptionsWithAgent = { protocol: 'http', host: 'docker', port: 80, agent: new SshDialAgent(parseSshHost(endpoint.host), sshCommand) };
    return new Docker(options);
  }
  const url = new URL(endpoint.host.replace(/^tcp:/, 'http:'));
  const port = url.port || undefined;
  const tls = endpoint.tls ?? {};
  if (!endpointUsesTls(endpoint)) return new Docker({ protocol: 'http', host: url.hostname, ...(port ? { port } : {}) });
  const options: OptionsWithAgent = {
    protocol: 'https',
    host: url.hostname,
    ...(port ? { port } : {}),
    ...(tls.ca ? { ca: tls.ca } : {}),
    ...(tls.cert ? { cert: tls.cert } : {}),
    ...(tls.key ? { key: tls.key } : {}),
    ...(endpoint.skipTlsVerify
      ? { agent: new https.Agent({ rejectUnauthorized: false, ...(tls.cert ? { cert: tls.cert } : {}), ...(tls.key ? { key: tls.key } : {}) }) }
      : {}),
  };
  return new Docker(options);
}

/** Whether the docker CLI would speak TLS to this endpoint: tcp with TLS material or skip-verify. */
function endpointUsesTls(endpoint: EngineEndpoint): boolean {
  const tls = endpoint.tls ?? {};
  return endpoint.host.startsWith('tcp://') && Boolean(tls.ca || tls.cert || tls.key || endpoint.skipTlsVerify);
}

/**
 * Asks the engine `docker` reaches at `host` its version within `timeoutMs`; a failure becomes a
 * BerthError saying in plain words what went wrong (certificate, ssh, socket permission, ...).
 */
export async function probeDocker(docker: Docker, { host, tls }: { host: string; tls: boolean }, timeoutMs: number): Promise<EngineIdentity> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    // dockerode's typings omit the options argument its version() takes.
    const askVersion = docker.version.bind(docker) as (options: { abortSignal: AbortSignal }) => Promise<Docker.DockerVersion>;
    const version = await askVersion({ abortSignal: signal });
    return { serverVersion: version.Version, apiVersion: version.ApiVersion, os: version.Os, arch: version.Arch };
  } catch (err) {
    if (signal.aborted) throw new BerthError('ENGINE_UNAVAILABLE', `${host} did not answer within ${Math.round(timeoutMs / 1000)} s.`);
    throw endpointFailure(err, host, { tls });
  }
}

/** Connections of a client made for one probe: closed after it (an ssh one is a process). */
function closeConnections(docker: Docker): void {
  (docker.modem as unknown as { agent?: { destroy?: () => void } }).agent?.destroy?.();
}

/** probeDocker on a client made for the endpoint, closed afterwards. */
export async function probeEndpoint(endpoint: EngineEndpoint, options: ConnectOptions & { timeoutMs: number }): Promise<EngineIdentity> {
  const docker = dockerForEndpoint(endpoint, options);
  try {
    return await probeDocker(docker, { host: endpoint.host, tls: endpointUsesTls(endpoint) }, options.timeoutMs);
  } finally {
    closeConnections(docker);
  }
}
