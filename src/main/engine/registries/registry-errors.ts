import { BerthError } from '../../../shared/errors';

/** What the task was doing, for messages a user can read. */
export interface TaskContext {
  kind: 'pull' | 'push';
  reference: string;
  /** `host[:port]`, or docker.io. */
  registry: string;
  /** Whether a stored login was sent. */
  loggedIn: boolean;
}

const UNAUTHORIZED = /unauthorized|authentication required|no basic auth credentials|access.+denied|denied: |incorrect username or password|401 Unauthorized/i;
const NOT_FOUND = /manifest unknown|not found|name unknown|repository does not exist|no such image|does not exist|no matching manifest/i;
const UNREACHABLE =
  /connection refused|no such host|dial tcp|i\/o timeout|TLS handshake|server gave HTTP response to HTTPS|connection reset|EOF$|unexpected EOF|network is unreachable|context deadline exceeded|Client\.Timeout/i;
const DISK_FULL = /no space left on device/i;

/** Whether the engine's words say it could not reach the registry at all. */
export function isRegistryUnreachable(text: string): boolean {
  return UNREACHABLE.test(text);
}

/** The engine's words about a failed pull or push, as a BerthError with a plain message. */
export function registryError(text: string, context: TaskContext): BerthError {
  const said = text.trim().slice(0, 400);
  const where = context.registry === 'docker.io' ? 'Docker Hub' : `The registry ${context.registry}`;
  if (DISK_FULL.test(said)) return new BerthError('INTERNAL', `The engine's disk is full: ${context.reference} could not be stored (${said}).`);
  const platform = /no matching manifest for (\S+)|wanted ([^,\s]+)/.exec(said);
  if (context.kind === 'pull' && platform && /no matching manifest for|does not match the specified platform/i.test(said)) {
    return new BerthError('NOT_FOUND', `${context.reference} has no image for ${platform[1] ?? platform[2]} (${said}).`);
  }
  // Docker Hub answers an unknown repository as it answers a private one.
  if (context.kind === 'pull' && /repository does not exist or may require/i.test(said)) {
    return new BerthError(
      'NOT_FOUND',
      `${context.reference} is not in ${context.registry === 'docker.io' ? 'Docker Hub' : `the registry ${context.registry}`}, or it needs you to log in.`,
    );
  }
  if (UNAUTHORIZED.test(said)) {
    if (context.loggedIn) {
      return new BerthError(
        'UNAUTHORIZED',
        `${where} refused the stored login for ${context.reference}: log in again with a user allowed to ${context.kind} it.`,
      );
    }
    return new BerthError('UNAUTHORIZED', `${where} needs you to log in to ${context.kind} ${context.reference}.`);
  }
  // Not ENGINE_UNAVAILABLE: the engine is fine, and that code would mark it down.
  if (UNREACHABLE.test(said)) return new BerthError('REGISTRY_UNAVAILABLE', `${where} is not reachable from the engine (${said}).`);
  if (context.kind === 'pull' && NOT_FOUND.test(said)) {
    return new BerthError(
      'NOT_FOUND',
      `${context.reference} is not in ${context.registry === 'docker.io' ? 'Docker Hub' : `the registry ${context.registry}`}: unknown repository or tag.`,
    );
  }
  return new BerthError('INTERNAL', `Could not ${context.kind} ${context.reference}: ${said}`);
}
