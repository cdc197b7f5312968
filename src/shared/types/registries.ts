import type { BerthErrorShape } from '../errors';

/** Where a layer of a pull or push is, as the engine reports it, in words a user can read. */
export type LayerPhase = 'waiting' | 'downloading' | 'verifying' | 'extracting' | 'done' | 'exists' | 'preparing' | 'pushing' | 'pushed' | 'mounted';

export interface LayerProgress {
  /** The short layer id the engine names (12 hex digits). */
  id: string;
  phase: LayerPhase;
  /** Bytes moved in the current phase (downloading, extracting or pushing). */
  currentBytes: number;
  /** The layer's size when the engine says it; absent until known. */
  totalBytes?: number;
}

type RegistryTaskPhase = 'running' | 'done' | 'failed' | 'cancelled';

/** A pull or push: a background task that keeps going when the user leaves the page. */
export interface RegistryTask {
  taskId: string;
  kind: 'pull' | 'push';
  /** As the user gave it (`nginx`, `127.0.0.1:5000/app:1`). */
  reference: string;
  platform?: string;
  /** Why it runs: asked for in the images view, or a missing image for run/create. */
  origin: 'user' | 'run';
  phase: RegistryTaskPhase;
  /** Epoch milliseconds. */
  startedAt: number;
  endedAt?: number;
  layers: LayerProgress[];
  /** Sum over the layers whose size is known: download bytes for a pull, upload bytes for a push. */
  bytes: number;
  totalBytes?: number;
  bytesPerSecond: number;
  /** Estimated from the recent rate; absent while it cannot be told. */
  secondsLeft?: number;
  /** When done. */
  result?: { imageId?: string; sizeBytes?: number; digest?: string };
  /** When failed or cancelled. */
  error?: BerthErrorShape;
  /** The equivalent `docker pull REF` / `docker push REF` line. */
  commandLine: string;
}

export interface RegistryTaskStart {
  taskId: string;
}

/** One registry the user is logged in to (never a secret). */
export interface RegistryLogin {
  /** As the docker CLI keys it: `https://index.docker.io/v1/` for Docker Hub, else `host[:port]`. */
  server: string;
  username?: string;
  /** Where the credentials live: the config file itself, its `credsStore`, or a `credHelpers` entry. */
  store: 'file' | 'credsStore' | 'credHelper';
  /** The helper's name (`docker-credential-NAME`) for the two helper stores. */
  helper?: string;
}

export interface LoginResult {
  server: string;
  username: string;
  /** The engine's status line (e.g. "Login Succeeded"). */
  status: string;
  /** The equivalent CLI line: `docker login -u USER SERVER` (password on stdin, never in the line). */
  commandLine: string;
}

export interface LogoutResult {
  server: string;
  /** False when there was nothing stored for the server. */
  removed: boolean;
  commandLine: string;
}

export interface TagSuggestions {
  repository: string;
  /** The registry's tags for the repository; empty where it did not answer. */
  tags: string[];
  /** Why there are none, when the registry did not answer (said, never an error). */
  unavailable?: string;
}

export interface ImageHistoryEntry {
  /** The layer's image id, or `<missing>` as the CLI shows it for layers built elsewhere. */
  id: string;
  /** Epoch seconds. */
  created: number;
  createdBy: string;
  sizeBytes: number;
  tags: string[];
  comment: string;
}

export interface TagResult {
  /** `repository:tag` as created. */
  reference: string;
  commandLine: string;
}
