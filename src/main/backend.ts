import { createDispatcher, type Dispatcher, type StreamLimits } from './dispatch';
import type { Engine } from './engine/core/engine';
import { RegistryTaskHub } from './engine/registries/task-hub';
import { TerminalSessions } from './engine/terminal/session';
import type { CommandHandlers, HandlerContext, StreamHandlers } from './handler-types';
import { composeCommandHandlers, composeStreamHandlers } from './handlers/compose';
import { containerCommandHandlers } from './handlers/containers';
import { desktopStreamHandlers } from './handlers/desktop';
import { engineCommandHandlers, engineStreamHandlers } from './handlers/engine';
import { eventStreamHandlers } from './handlers/events';
import { fileCommandHandlers, fileStreamHandlers } from './handlers/files';
import { imageCommandHandlers } from './handlers/images';
import { logCommandHandlers, logStreamHandlers } from './handlers/logs';
import { networkCommandHandlers } from './handlers/networks';
import { enginesCommandHandlers } from './handlers/engines';
import { EngineDirectory, type EngineDirectoryOptions } from './engine/engines/directory';
import { registryCommandHandlers, registryStreamHandlers } from './handlers/registries';
import { settingsCommandHandlers, settingsStreamHandlers } from './handlers/settings';
import { statsCommandHandlers, statsStreamHandlers } from './handlers/stats';
import { terminalCommandHandlers, terminalStreamHandlers } from './handlers/terminal';
import { transferCommandHandlers, transferStreamHandlers } from './handlers/transfers';
import { volumeCommandHandlers } from './handlers/volumes';
import { systemCommandHandlers } from './handlers/system';
import type { HostServices } from './host';
import { createSettingsStore, type SettingsStore } from './settings/store';
import { createTransferHub, type TransferHub } from './transfers/hub';

export interface BackendOptions {
  readonly engine: Engine;
  readonly host: HostServices;
  /** The settings served; by default a store over `host.settingsDir`. The desktop app passes the one its menu also reads. */
  readonly settings?: SettingsStore;
  readonly log?: (message: string, err: unknown) => void;
  readonly limits?: Partial<StreamLimits>;
  /** Where the user's engines are found (DOCKER_CONFIG, DOCKER_HOST, DOCKER_CONTEXT); by default this process's environment. */
  readonly engines?: EngineDirectoryOptions;
  /** State the backends of several engines share (backends.ts); by default this backend's own. */
  readonly shared?: SharedState;
  /** This engine's id in engines.list, when it is one of several: transfers begun here carry it. */
  readonly engineId?: string;
}

/** What is the host's rather than one engine's: transfers (and browser-mode tickets), terminal sessions by id, the engine directory. */
export interface SharedState {
  readonly transfers: TransferHub;
  readonly terminals: TerminalSessions;
  readonly engines: EngineDirectory;
}

export function createSharedState(engines: EngineDirectoryOptions): SharedState {
  return { transfers: createTransferHub(), terminals: new TerminalSessions(), engines: new EngineDirectory(engines) };
}

/** One engine served to one host: the dispatcher both transports use, and the state behind it. */
export interface Backend {
  readonly dispatcher: Dispatcher;
  readonly engine: Engine;
  /** Running transfers and browser-mode tickets (the web server's download and upload routes use them). */
  readonly transfers: TransferHub;
  /** Open exec and attach sessions. */
  readonly terminals: TerminalSessions;
  readonly settings: SettingsStore;
}

/** The one table: contract channel -> engine function, one domain's handlers at a time. */
function commandHandlers(context: HandlerContext): CommandHandlers {
  return {
    ...engineCommandHandlers(context),
    ...containerCommandHandlers(context),
    ...networkCommandHandlers(context),
    ...volumeCommandHandlers(context),
    ...composeCommandHandlers(context),
    ...enginesCommandHandlers(context),
    ...statsCommandHandlers(context),
    ...logCommandHandlers(context),
    ...fileCommandHandlers(context),
    ...imageCommandHandlers(context),
    ...systemCommandHandlers(context),
    ...registryCommandHandlers(context),
    ...terminalCommandHandlers(context),
    ...transferCommandHandlers(context),
    ...settingsCommandHandlers(context),
  };
}

function streamHandlers(context: HandlerContext): StreamHandlers {
  return {
    ...engineStreamHandlers(context),
    ...eventStreamHandlers(context),
    ...statsStreamHandlers(context),
    ...logStreamHandlers(context),
    ...composeStreamHandlers(context),
    ...fileStreamHandlers(context),
    ...registryStreamHandlers(context),
    ...terminalStreamHandlers(context),
    ...transferStreamHandlers(context),
    ...settingsStreamHandlers(context),
    ...desktopStreamHandlers(context),
  };
}

/**
 * The composition root: builds everything with state for one engine and one host, and the
 * dispatcher over both tables. A command that found the engine unreachable asks the monitor to
 * re-check at once (views then say so). Several engines are several backends sharing one
 * SharedState (backends.ts).
 */
export function createBackend({
  engine,
  host,
  settings = createSettingsStore(host.settingsDir),
  log,
  limits,
  engines = { env: process.env },
  shared = createSharedState(engines),
  engineId,
}: BackendOptions): Backend {
  // One hub for both tables: a pull started by a command shows on the stream.
  const registryTasks = new RegistryTaskHub({
    onFinished: (task) => host.taskFinished({ kind: task.kind, subject: task.reference, ok: task.phase === 'done', startedAt: task.startedAt }),
  });
  const context: HandlerContext = {
    engine,
    host,
    settings,
    transfers: engineId === undefined ? shared.transfers : { ...shared.transfers, registry: shared.transfers.registry.forEngine(engineId) },
    terminals: shared.terminals,
    registryTasks,
    engines: shared.engines,
  };
  const dispatcher = createDispatcher(commandHandlers(context), streamHandlers(context), {
    onEngineUnreachable: () => void engine.monitor.check(),
    ...(log ? { log } : {}),
    ...(limits ? { limits } : {}),
  });
  return { dispatcher, engine, transfers: context.transfers, terminals: context.terminals, settings };
}
