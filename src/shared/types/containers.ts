export const CONTAINER_STATES = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'] as const;
export type ContainerState = (typeof CONTAINER_STATES)[number];

export type PortProtocol = 'tcp' | 'udp' | 'sctp';

export interface PublishedPort {
  containerPort: number;
  protocol: PortProtocol;
  hostIp?: string;
  hostPort?: number;
}

export interface ContainerSummary {
  id: string;
  /** The primary name, without the leading slash. */
  name: string;
  image: string;
  imageId: string;
  command: string;
  /** Epoch seconds. */
  created: number;
  state: ContainerState;
  /** The engine's human status, e.g. "Up 5 minutes" or "Exited (0) 2 hours ago". */
  status: string;
  ports: PublishedPort[];
  labels: Record<string, string>;
  /** Only when listed with `size` (the engine's size query is slow). */
  sizes?: ContainerSizes;
}

export interface CreatedContainer {
  id: string;
  name: string;
  warnings: string[];
  /** Set when the image was pulled first (`--pull missing` found it missing, or `--pull always`). */
  pulled?: { taskId: string; imageId?: string };
}

export interface ContainerActionResult {
  id: string;
}

/** A flag of a pasted `docker run` line that Berth has no field for: named, with its value, never dropped. */
export interface UnsupportedFlag {
  /** As written, e.g. `--cap-add` or `-v`. */
  flag: string;
  value?: string;
  /** Why it was not taken when the flag is known but its value is not (e.g. a relative bind source). */
  reason?: string;
}

export interface RunCommandLine {
  commandLine: string;
}

/** `docker ps --size`: the writable layer and the whole filesystem (image included), in bytes. */
export interface ContainerSizes {
  sizeRw: number;
  sizeRootFs: number;
}

/** `docker wait`: how the container's main process ended. */
export interface ContainerExit {
  exitCode: number;
}

/** `docker update`: what the engine said beside applying it (e.g. limits the kernel cannot enforce). */
export interface ContainerUpdateResult {
  id: string;
  warnings: string[];
}

/** One container `docker container prune` would remove. */
interface PrunableContainer {
  id: string;
  name: string;
  image: string;
  state: ContainerState;
  /** The engine's words for it, e.g. "Exited (0) 2 hours ago". */
  status: string;
  /** Epoch seconds. */
  created: number;
  /** The writable layer, freed with it. */
  sizeRw: number;
}

export interface ContainerPrunePreview {
  containers: PrunableContainer[];
  /** The sum of their writable layers: what the prune frees (the engine reports the same). */
  spaceReclaimable: number;
}

export interface ContainerPruneResult {
  /** Ids of the containers removed. */
  removed: string[];
  spaceReclaimed: number;
}
