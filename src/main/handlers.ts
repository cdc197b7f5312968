import { createDispatcher, type Dispatcher, type StreamLimits } from './dispatch';
import type { Engine } from './engine/engine';
import { webHost, type HostServices } from './host';
import type { CommandHandlers, StreamHandlers } from './handler-types';
import * as containers from './engine/containers';
import { watchEvents } from './engine/events';
import { eventMatches } from './engine/event-filter';
import { SharedStreams } from './engine/shared-stream';
import type { EngineEvent } from '../shared/types/events';
import type { StatsSample } from '../shared/types/stats';
import { listImages } from './engine/images';
import { engineInfo, pingEngine } from './engine/info';
import { topContainer } from './engine/top';
import { containerPorts } from './engine/ports';
import { inspectContainer, inspectImage } from './engine/inspect';
import { containerIsolation } from './engine/isolation';
import { openPublishedPort } from './port-opener';
import { settingsStreamHandlers, settingsCommandHandlers } from './settings/handlers';
import { containerStats, watchStats } from './engine/stats';
import { logCommandHandlers, logStreamHandlers } from './logs-handlers';
import { imageCommandHandlers } from './images/handlers';
import { transferHub } from './transfers/hub';
import { transferCommandHandlers, transferStreamHandlers } from './transfers/handlers';
import { terminalCommandHandlers, terminalStreamHandlers } from './terminal-handlers';
import { fileCommandHandlers, fileStreamHandlers } from './files-handlers';
import { registryCommandHandlers, registryStreamHandlers } from './registries/handlers';
import { RegistryTaskHub } from './registries/task-hub';
import { imagePuller } from './engine/registries/ensure-image';
import { containerRunCommand, listNetworks } from './engine/run-command';
import { parseRunLine } from '../shared/cli/run-parse';
import { BerthError } from '../shared/errors';

/** The one table: contract channel -> engine function. Both transports serve exactly this. */
function createCommandHandlers(
  { docker, host, monitor }: Engine,
  hostServices: HostServices,
  registryTasks: RegistryTaskHub,
): CommandHandlers {
  const pullMissing = imagePuller(docker, registryTasks);
  return {
    'engine.info': () => engineInfo(docker, host),
    'engine.ping': () => pingEngine(docker),
    'engine.state': async () => monitor.state,
    'images.list': ({ all }) => listImages(docker, all),
    'containers.list': ({ all }) => containers.listContainers(docker, all),
    'containers.create': (spec) => containers.createContainer(docker, spec, pullMissing),
    'containers.run': (spec) => containers.runContainer(docker, spec, pullMissing),
    'containers.start': ({ id }) => containers.startContainer(docker, id),
    'containers.stop': ({ id, timeout }) => containers.stopContainer(docker, id, timeout),
    'containers.restart': ({ id, timeout }) => containers.restartContainer(docker, id, timeout),
    'containers.kill': ({ id, signal }) => containers.killContainer(docker, id, signal),
    'containers.pause': ({ id }) => containers.pauseContainer(docker, id),
    'containers.unpause': ({ id }) => containers.unpauseContainer(docker, id),
    'containers.remove': ({ id, force, volumes }) => containers.removeContainer(docker, id, { force, volumes }),
    'containers.parseRun': async ({ commandLine }) => {
      const parsed = parseRunLine(commandLine);
      if (!parsed.ok) throw new BerthError('INVALID_INPUT', parsed.error);
      return parsed.parsed;
    },
    'containers.runCommand': ({ id }) => containerRunCommand(docker, id),
    'networks.list': () => listNetworks(docker),
    'containers.top': ({ id, psArgs }) => topContainer(docker, id, psArgs),
    'containers.ports': ({ id }) => containerPorts(docker, id),
    'containers.openPort': (input) => openPublishedPort(docker, input, hostServices),
    'containers.inspect': ({ id }) => inspectContainer(docker, id),
    'images.inspect': ({ id }) => inspectImage(docker, id),
    'containers.isolation': ({ id }) => containerIsolation(docker, id),
    ...settingsCommandHandlers(hostServices),
    'containers.stats': ({ id }) => containerStats(docker, id),
    ...logCommandHandlers(docker, hostServices),
    ...imageCommandHandlers(docker, transferHub, hostServices),
    ...transferCommandHandlers(transferHub, hostServices),
    ...terminalCommandHandlers(hostServices),
    ...fileCommandHandlers(docker, transferHub, hostServices),
    ...registryCommandHandlers(docker, registryTasks),
  };
}

function createStreamHandlers(
  { docker, monitor }: Engine,
  hostServices: HostServices,
  registryTasks: RegistryTaskHub,
): StreamHandlers {
  // Live events: one engine stream for all subscribers, each filtered here as the engine would.
  const liveEvents = new SharedStreams<'live', EngineEvent>((_key, sink) => watchEvents(docker, monitor, {}, sink));
  // Stats: one engine stream per container; a subscriber joining late gets the current reading at once.
  const liveStats = new SharedStreams<string, StatsSample>(
    (id, sink) => watchStats(docker, id, sink, { onUnreachable: () => void monitor.check() }),
    { replayLatest: true },
  );
  return {
    ...settingsStreamHandlers(hostServices),
    'engine.watch': (_input, sink) => {
      sink.data(monitor.state);
      const onState = (state: typeof monitor.state): void => void sink.data(state);
      monitor.on('state', onState);
      return () => monitor.off('state', onState);
    },
    'events.watch': (filter, sink) => {
      // A replay (since/until) asks the engine for its own span; a live one joins the shared stream from now on.
      if (filter.since !== undefined || filter.until !== undefined) return watchEvents(docker, monitor, filter, sink);
      const from = BigInt(Date.now()) * 1_000_000n;
      return liveEvents.subscribe('live', sink, (event) => BigInt(event.timeNano) >= from && eventMatches(filter, event));
    },
    'stats.watch': ({ id }, sink) => liveStats.subscribe(id, sink),
    ...logStreamHandlers(docker, monitor),
    ...transferStreamHandlers(transferHub),
    ...terminalStreamHandlers(docker),
    ...fileStreamHandlers(docker),
    ...registryStreamHandlers(registryTasks),
  };
}

/**
 * What every transport serves: both tables over one engine and one host, with a command that
 * found the engine unreachable asking the monitor to re-check at once (views then say so).
 */
export function createEngineDispatcher(
  engine: Engine,
  hostServices: HostServices = webHost,
  log?: (message: string, err: unknown) => void,
  limits?: Partial<StreamLimits>,
): Dispatcher {
  // One hub for both tables: a pull started by a command shows on the stream.
  const registryTasks = new RegistryTaskHub({
    onFinished: (task) =>
      hostServices.taskFinished({ kind: task.kind, subject: task.reference, ok: task.phase === 'done', startedAt: task.startedAt }),
  });
  return createDispatcher(createCommandHandlers(engine, hostServices, registryTasks), createStreamHandlers(engine, hostServices, registryTasks), {
    onEngineUnreachable: () => void engine.monitor.check(),
    ...(log ? { log } : {}),
    ...(limits ? { limits } : {}),
  });
}
