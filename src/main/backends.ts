import type { Dispatcher } from './dispatch';
import { createBackend, createSharedState, type Backend, type BackendOptions } from './backend';
import type { Engine } from './engine/core/engine';
import { EngineMonitor } from './engine/core/monitor';
import { dockerConfigDir, readContextSync } from './engine/engines/context-store';
import type { EngineDirectoryOptions } from './engine/engines/directory';
import { dockerForEndpoint } from './engine/engines/endpoint';
import { DEFAULT_CONTEXT } from '../shared/engines/engine-address';
import { BerthError, type BerthErrorShape } from '../shared/errors';

/** The longest engine id a call may name (a context name). */
const MAX_ENGINE_ID = 200;

export interface BackendsOptions extends Omit<BackendOptions, 'shared' | 'engines' | 'engineId'> {
  /** Where the user's engines are found; by default this process's environment. */
  readonly engines?: EngineDirectoryOptions;
}

type Routed = { backend: Backend; input: unknown; id: string } | { error: BerthError };

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Several engines behind one dispatcher: a call's optional `engine` (an id from engines.list, a
 * docker context's name) picks the backend it runs on; without one it runs on the docker CLI's
 * current context as it was when Berth started (with DOCKER_HOST set, or no context chosen, that
 * is `engine`, keyed `default`). A context's backend is made at its first call, with its
 * own engine connection and monitor, so an engine that does not answer only fails its own calls.
 * Transfers, terminal sessions, settings and the engine directory are shared by all.
 */
export function createBackends({ engine, engines: directoryOptions = { env: process.env }, ...rest }: BackendsOptions): Backend & { dispose(): void } {
  const shared = createSharedState(directoryOptions);
  const options = { ...rest, engines: directoryOptions, shared };
  const current = createBackend({ ...options, engine, engineId: DEFAULT_CONTEXT });
  const settings = current.settings;
  const byId = new Map<string, Backend>([[DEFAULT_CONTEXT, current]]);

  const backendFor = (id: string): Backend | undefined => {
    const known = byId.get(id);
    if (known) return known;
    const endpoint = readContextSync(dockerConfigDir(directoryOptions.env), id);
    if (!endpoint) return undefined;
    const docker = dockerForEndpoint(endpoint, directoryOptions.sshCommand ? { sshCommand: directoryOptions.sshCommand } : {});
    const contextEngine: Engine = { docker, host: endpoint.host, monitor: new EngineMonitor(docker, endpoint.host) };
    contextEngine.monitor.start();
    const backend = createBackend({ ...options, settings, engine: contextEngine, engineId: id });
    byId.set(id, backend);
    return backend;
  };

  /** Drops a context's backend; the one calls without `engine` use stays until `dispose`. */
  const forget = (id: string, { evenStartedOn = false } = {}): void => {
    const backend = byId.get(id);
    if (!backend || backend === current || (backend === startedOn.backend && !evenStartedOn)) return;
    backend.engine.monitor.stop();
    byId.delete(id);
  };

  // As the CLI does at each run (engines.list says which it is as `startedOn`).
  const startedOnId = shared.engines.startedOn;
  const startedOnBackend = startedOnId === DEFAULT_CONTEXT ? undefined : backendFor(startedOnId);
  let startedOn = startedOnBackend ? { backend: startedOnBackend, id: startedOnId } : { backend: current, id: DEFAULT_CONTEXT };
  /** Backends replaced by a rename: their open streams run on, and are counted, until they end. */
  const retired: Backend[] = [];

  /** A context renamed: the next call makes its backend under the new name; the started-on one keeps its connection. */
  const renamed = (from: string, to: string): void => {
    if (from !== startedOn.id) return forget(from);
    const backend = createBackend({ ...options, settings, engine: startedOn.backend.engine, engineId: to });
    retired.push(startedOn.backend);
    byId.delete(from);
    byId.set(to, backend);
    startedOn = { backend, id: to };
  };

  const route = (rawInput: unknown): Routed => {
    if (!isPlainObject(rawInput) || !('engine' in rawInput)) return { ...startedOn, input: rawInput };
    const { engine: id, ...input } = rawInput;
    if (id === undefined) return { ...startedOn, input };
    if (typeof id !== 'string' || id === '' || id.length > MAX_ENGINE_ID)
      return { error: new BerthError('INVALID_INPUT', 'engine: an engine id from engines.list.') };
    const backend = backendFor(id);
    if (!backend) return { error: new BerthError('NOT_FOUND', `There is no engine named ${id.slice(0, 80)} (engines.list names them).`) };
    return { backend, input, id };
  };

  const failed = (error: BerthError): { ok: false; error: BerthErrorShape } => ({ ok: false, error: error.toShape() });

  const dispatcher: Dispatcher = {
    async invoke(channel, rawInput) {
      const routed = route(rawInput);
      if ('error' in routed) return failed(routed.error);
      const outcome = await routed.backend.dispatcher.invoke(channel, routed.input);
      // A removed context's connection and monitor go with it.
      if (outcome.ok && channel === 'engines.remove') forget((outcome.result as { removed: string }).removed);
      // A renamed one is made again under its new name at its next call.
      if (outcome.ok && channel === 'engines.rename') {
        const { id, name } = routed.input as { id: string; name: string };
        renamed(id, name);
      }
      return outcome;
    },
    subscribe(topic, rawInput, onFrame, subscribeOptions) {
      const routed = route(rawInput);
      if ('error' in routed) return failed(routed.error);
      return routed.backend.dispatcher.subscribe(topic, routed.input, onFrame, subscribeOptions);
    },
    openStreamCount: () => [...byId.values(), ...retired].reduce((sum, backend) => sum + backend.dispatcher.openStreamCount(), 0),
    limits: current.dispatcher.limits,
  };

  return {
    ...startedOn.backend,
    dispatcher,
    dispose() {
      for (const id of [...byId.keys()]) forget(id, { evenStartedOn: true });
    },
  };
}
