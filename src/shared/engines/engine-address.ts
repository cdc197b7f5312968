/**
 * Engine addresses and context names as the docker CLI accepts them, checked in the form before
 * anything is sent and again in main (the contract's schemas use these).
 */

/** docker/cli's ValidateContextName pattern. */
const CONTEXT_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$/;

/** The name the CLI gives the engine of DOCKER_HOST (or its built-in default); never stored. */
export const DEFAULT_CONTEXT = 'default';

/** Why `name` cannot name a context, in the CLI's terms; undefined when it can. */
export function contextNameProblem(name: string): string | undefined {
  if (name === '') return 'A context name cannot be empty.';
  if (name === DEFAULT_CONTEXT) return '"default" is reserved for the engine DOCKER_HOST names.';
  if (!CONTEXT_NAME.test(name)) return 'A context name starts with a letter or digit and has only letters, digits and _ . + - (at least 2 characters).';
  return undefined;
}

/** Why `host` is not an engine address Berth can reach; undefined when it is one. */
export function engineAddressProblem(host: string): string | undefined {
  const scheme = /^([a-z]+):\/\/(.*)$/.exec(host);
  if (!scheme) return 'An engine address starts with unix://, tcp:// or ssh://.';
  const [, kind, rest] = scheme;
  if (kind === 'unix' || kind === 'npipe') return rest ? undefined : 'A socket address names the socket, e.g. unix:///var/run/docker.sock.';
  if (kind === 'tcp' || kind === 'ssh') {
    let url: URL;
    try {
      url = new URL(host.replace(/^tcp:/, 'http:'));
    } catch {
      return `${host} is not a valid address.`;
    }
    if (!url.hostname) return 'The address names no host.';
    if (kind === 'ssh' && url.password) return 'An ssh address cannot carry a password: use a key or the ssh agent, as the docker CLI does.';
    if (kind === 'tcp' && url.pathname.replace(/\//g, '')) return 'A tcp address is tcp://host:port, without a path.';
    return undefined;
  }
  return `${kind}:// is not an engine address Berth can reach: use unix://, tcp:// or ssh://.`;
}
