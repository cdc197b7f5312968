import type { Channel, Topic } from '../../shared/contract';
import { DEFAULT_CONTEXT } from '../../shared/engines/engine-address';
import type { BerthClient } from './client';

/** Channels and topics of the host, not of an engine: settings, the engine directory, transfers, the desktop menu. */
const HOST_SCOPED = /^(settings|engines|transfers|menu)\./;

const scoped = new WeakMap<BerthClient, Map<string, BerthClient>>();

const withEngine = (name: Channel | Topic, input: unknown, engine: string): unknown =>
  HOST_SCOPED.test(name) || typeof input !== 'object' || input === null ? input : { ...input, engine };

/**
 * The client whose every engine call runs on `engine` (an engines.list id; `default` too, which
 * is DOCKER_HOST or the default socket, not always where calls without `engine` go). One object
 * per base client and engine, so what features keep per client (last lists, stats stores, pending
 * waits) is kept per engine and never mixed.
 */
export function clientForEngine(base: BerthClient, engine: string): BerthClient {
  let byEngine = scoped.get(base);
  if (!byEngine) scoped.set(base, (byEngine = new Map()));
  let client = byEngine.get(engine);
  if (!client) {
    client = {
      transport: base.transport,
      engine,
      invoke: (channel, input) => base.invoke(channel, withEngine(channel, input, engine) as typeof input),
      subscribe: (topic, input, handlers) => base.subscribe(topic, withEngine(topic, input, engine) as typeof input, handlers),
    };
    byEngine.set(engine, client);
  }
  return client;
}

/** The engine a client's calls run on. */
export const engineOf = (client: BerthClient): string => client.engine ?? DEFAULT_CONTEXT;
