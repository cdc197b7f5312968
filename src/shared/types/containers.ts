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
