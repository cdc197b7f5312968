export interface EngineInfo {
  /** The DOCKER_HOST (or default socket) this app talks to. */
  host: string;
  name: string;
  serverVersion: string;
  apiVersion: string;
  os: string;
  osType: string;
  kernelVersion: string;
  architecture: string;
  cgroupVersion: string;
  cgroupDriver: string;
  loggingDriver: string;
  storageDriver: string;
  cpus: number;
  memoryBytes: number;
  containers: { total: number; running: number; paused: number; stopped: number };
  images: number;
}

type EngineStatus = 'connecting' | 'connected' | 'disconnected';

/** Why the engine could not be reached, when the socket said (the UI words it in its own language). */
export const UNREACHABLE_CODES = ['ECONNREFUSED', 'ENOENT', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'EACCES'] as const;
export type UnreachableCode = (typeof UNREACHABLE_CODES)[number];

/** Why the engine could not be reached, in words: the user sees this, not the errno (main's message; the renderer has them in its catalogs). */
export const UNREACHABLE_REASONS: Readonly<Record<UnreachableCode, string>> = {
  ECONNREFUSED: 'nothing answers on its socket',
  ENOENT: 'its socket does not exist',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed',
  ETIMEDOUT: 'it did not answer in time',
  EHOSTUNREACH: 'its host cannot be reached',
  EACCES: 'permission denied on the engine socket',
};

export interface EngineState {
  status: EngineStatus;
  host: string;
  /** Epoch milliseconds of the last status change. */
  since: number;
  apiVersion?: string;
  /** A plain message when disconnected. */
  error?: string;
  /** When disconnected because the socket failed: which way (see UNREACHABLE_CODES). */
  reasonCode?: UnreachableCode;
}

export interface PingResult {
  ok: true;
  apiVersion: string;
  latencyMs: number;
}
