import type { CommandHandlers, HandlerContext } from '../handler-types';

type EnginesCommands = Pick<
  CommandHandlers,
  'engines.list' | 'engines.add' | 'engines.remove' | 'engines.rename' | 'engines.test' | 'engines.hostKey' | 'engines.trustHostKey'
>;

/** The user's engines: docker contexts and DOCKER_HOST (engine/engines/). */
export function enginesCommandHandlers({ engines }: HandlerContext): EnginesCommands {
  const endpoint = (input: { host: string; tls?: { ca?: string; cert?: string; key?: string } | undefined; skipVerify?: boolean | undefined }) => ({
    host: input.host,
    ...(input.tls ? { tls: input.tls } : {}),
    ...(input.skipVerify !== undefined ? { skipTlsVerify: input.skipVerify } : {}),
  });
  return {
    'engines.list': () => engines.list(),
    'engines.add': (input) =>
      engines.add({ name: input.name, ...(input.description !== undefined ? { description: input.description } : {}), ...endpoint(input) }),
    'engines.remove': async ({ id }) => {
      await engines.remove(id);
      return { removed: id };
    },
    'engines.rename': ({ id, name }) => engines.rename(id, name),
    'engines.test': (input) => engines.test(endpoint(input)),
    'engines.hostKey': ({ host }) => engines.hostKey(host),
    'engines.trustHostKey': ({ host, fingerprint }) => engines.trustHostKey(host, fingerprint),
  };
}
