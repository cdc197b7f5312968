// What a handler table is, apart from the table itself (backend.ts): every domain's handlers and
// the dispatcher depend on these types, and the backend depends on every domain.
import type { Channel, MessageOf, ParsedInputOf, ParsedTopicInputOf, ResultOf, Topic } from '../shared/contract';
import type { Engine } from './engine/core/engine';
import type { EngineDirectory } from './engine/engines/directory';
import type { StreamDisposer, StreamSink } from './engine/core/stream-sink';
import type { RegistryTaskHub } from './engine/registries/task-hub';
import type { TerminalSessions } from './engine/terminal/session';
import type { HostServices } from './host';
import type { SettingsStore } from './settings/store';
import type { TransferHub } from './transfers/hub';

export type CommandHandlers = {
  [C in Channel]: (input: ParsedInputOf<C>) => Promise<ResultOf<C>>;
};

export type StreamHandlers = {
  [T in Topic]: (input: ParsedTopicInputOf<T>, sink: StreamSink<MessageOf<T>>) => StreamDisposer;
};

/**
 * Everything a domain's handlers may use, built once per backend (createBackend): the engine, what
 * the host can do, and the state the backend owns. Handlers keep no state of their own in modules.
 */
export interface HandlerContext {
  readonly engine: Engine;
  readonly host: HostServices;
  readonly settings: SettingsStore;
  readonly transfers: TransferHub;
  readonly terminals: TerminalSessions;
  readonly registryTasks: RegistryTaskHub;
  /** The user's engines (docker contexts, DOCKER_HOST). */
  readonly engines: EngineDirectory;
}
