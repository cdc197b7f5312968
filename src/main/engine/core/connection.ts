import { readFileSync } from 'node:fs';
import path from 'node:path';
import Docker from 'dockerode';

/** The default socket docker-modem uses when DOCKER_HOST is unset. */
function defaultHost(): string {
  return process.platform === 'win32' ? 'npipe:////./pipe/docker_engine' : 'unix:///var/run/docker.sock';
}

/**
 * docker-modem only ever reads `process.env`; for any other environment the same conventions are
 * applied here, with every connection field set so nothing leaks in from `process.env`.
 */
function optionsFor(env: NodeJS.ProcessEnv, host: string): Docker.DockerOptions {
  const blank: Docker.DockerOptions = { host: undefined, port: undefined, protocol: undefined, ca: undefined, cert: undefined, key: undefined };
  if (host.startsWith('unix://')) return { ...blank, socketPath: host.slice('unix://'.length) || '/var/run/docker.sock' };
  if (host.startsWith('npipe://')) return { ...blank, socketPath: host.slice('npipe://'.length) || '//./pipe/docker_engine' };
  const url = new URL(host.includes('//') ? host : `tcp://${host}`);
  if (url.protocol === 'ssh:') {
    return { ...blank, protocol: 'ssh', host: url.hostname, port: url.port || undefined, username: url.username, sshOptions: { agent: env.SSH_AUTH_SOCK } };
  }
  const certPath = env.DOCKER_CERT_PATH;
  const tls = env.DOCKER_TLS_VERIFY === '1' || url.port === '2376';
  return {
    ...blank,
    protocol: tls ? 'https' : 'http',
    host: url.hostname,
    port: url.port || undefined,
    ...(certPath
      ? {
          ca: readFileSync(path.join(certPath, 'ca.pem')),
          cert: readFileSync(path.join(certPath, 'cert.pem')),
          key: readFileSync(path.join(certPath, 'key.pem')),
        }
      : {}),
  };
}

/**
 * dockerode (docker-modem) reads DOCKER_HOST itself: unix://, tcp:// with DOCKER_TLS_VERIFY and
 * DOCKER_CERT_PATH, ssh://, npipe://; else the platform's default socket. An explicit `env` other
 * than `process.env` is honoured too (docker-modem alone would ignore it).
 */
export function connectEngine(env: NodeJS.ProcessEnv = process.env): { docker: Docker; host: string } {
  const host = env.DOCKER_HOST?.trim() || defaultHost();
  const docker = env === process.env ? new Docker() : new Docker(optionsFor(env, host));
  return { docker, host };
}

/** What docker-modem keeps of its connection (its typings leave these out). */
interface ModemConnection {
  socketPath?: unknown;
  getSocketPath?: () => Promise<unknown>;
  version?: unknown;
}

/**
 * The unix socket `docker` talks to, and the API version prefix its requests carry (`/v1.41`, or
 * none): for a reader that speaks HTTP on the socket itself. Undefined for TCP, TLS and ssh
 * engines and for Windows named pipes.
 */
export async function engineUnixSocket(docker: Docker): Promise<{ socketPath: string; pathPrefix: string } | undefined> {
  if (process.platform === 'win32') return undefined;
  const modem = docker.modem as unknown as ModemConnection;
  if (modem.socketPath === undefined || modem.socketPath === null) return undefined;
  const socketPath = typeof modem.getSocketPath === 'function' ? await modem.getSocketPath() : modem.socketPath;
  if (typeof socketPath !== 'string' || socketPath === '') return undefined;
  return { socketPath, pathPrefix: typeof modem.version === 'string' && modem.version ? `/${modem.version}` : '' };
}
