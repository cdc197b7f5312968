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

export type EngineStatus = 'connecting' | 'connected' | 'disconnected';

/** Why the engine could not be reached, when the socket said (the UI words it in its own language). */
export const UNREACHABLE_CODES = ['ECONNREFUSED', 'ENOENT', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'EACCES'] as const;
export type UnreachableCode = (typeof UNREACHABLE_CODES)[number];

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
