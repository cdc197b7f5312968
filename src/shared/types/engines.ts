/** Where Berth found an engine: a docker CLI context, DOCKER_HOST, the platform's default socket, or a context added in Berth. */
type EngineSource = 'context' | 'env' | 'default' | 'added';

/** What `docker version` says of a server Berth reached. */
export interface EngineIdentity {
  serverVersion: string;
  apiVersion: string;
  os: string;
  arch: string;
}

export interface EngineEntry {
  /** The context's name (`default` for DOCKER_HOST or the default socket): what `docker --context` takes. */
  id: string;
  name: string;
  description: string;
  /** unix://…, tcp://…, ssh://… */
  endpoint: string;
  source: EngineSource;
  /** The engine the docker CLI would use now (DOCKER_HOST, DOCKER_CONTEXT, then config.json). */
  current: boolean;
  /** TLS material or skip-verify is configured for it. */
  tls: boolean;
  state: 'connected' | 'unreachable';
  /** Why it is unreachable, in plain words. */
  reason?: string;
  identity?: EngineIdentity;
}

export interface EngineList {
  engines: EngineEntry[];
  /** Context files that could not be read (the others are listed). */
  problems: string[];
  /** The engine a call without `engine` runs on: the CLI's current context when Berth started. */
  startedOn: string;
}

/** An ssh server's host key as ssh would check it. */
export interface HostKey {
  /** The name it is filed under in known_hosts (`[host]:port` off port 22). */
  host: string;
  keyType: string;
  /** `SHA256:…`, as ssh prints it. */
  fingerprint: string;
  /** Already in the user's known_hosts. */
  known: boolean;
}
