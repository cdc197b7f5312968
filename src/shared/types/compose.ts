import type { ContainerState } from './containers';
import type { LogLine } from './logs';

/** A compose project's state as a whole, read from its containers. */
export type ComposeProjectState = 'running' | 'partial' | 'paused' | 'stopped';

export interface ComposeContainer {
  id: string;
  name: string;
  state: ContainerState;
  /** The engine's human status, e.g. "Up 5 minutes". */
  status: string;
  /** `com.docker.compose.container-number`, when compose wrote it. */
  number?: number;
  /** A `docker compose run` container (`com.docker.compose.oneoff=True`). */
  oneoff: boolean;
}

export interface ComposeService {
  name: string;
  containers: ComposeContainer[];
}

/** What `docker compose ls` shows, with each service's containers; read from the labels compose writes. */
export interface ComposeProject {
  name: string;
  /** `com.docker.compose.project.working_dir`. */
  workingDir?: string;
  /** `com.docker.compose.project.config_files`, split at commas. */
  configFiles: string[];
  services: ComposeService[];
  state: ComposeProjectState;
  running: number;
  total: number;
}

/** One container (or network, volume) an action on a whole project could not act on, in plain words. */
export interface ComposeFailure {
  kind: 'container' | 'network' | 'volume';
  name: string;
  /** The container's service. */
  service?: string;
  message: string;
}

export interface ComposeActionResult {
  project: string;
  /** The containers acted on, by name, in the order they were. */
  done: string[];
  failures: ComposeFailure[];
}

export interface ComposeRemoveResult extends ComposeActionResult {
  /** The project's networks removed (those labelled with it, as `docker compose down` removes). */
  networks: string[];
  /** The project's volumes removed (only with `volumes`, as `docker compose down --volumes`). */
  volumes: string[];
}

/** One log line with the service (and container) it came from, as `docker compose logs` prefixes it. */
export interface ComposeLogLine extends LogLine {
  service: string;
  container: string;
}

/** What `compose.logs` sends: lines in time order, in batches. */
export interface ComposeLogBatch {
  lines: ComposeLogLine[];
  /** Only on the first message, when every container's log was opened. */
  first?: true;
}
