import type { PortProtocol } from './containers';

/** One port mapping: container port/protocol -> host IP:port. */
export interface PortMapping {
  containerPort: number;
  protocol: PortProtocol;
  /** As the engine reports it; '' in a requested binding means every interface. */
  hostIp: string;
  /** Absent in a requested binding that lets the engine pick a free port. */
  hostPort?: number;
}

/** `docker port`, plus what the container asks for when it is not running. */
export interface ContainerPorts {
  id: string;
  name: string;
  running: boolean;
  /** Live bindings (`docker port`): empty unless the container is running. */
  published: PortMapping[];
  /** What the container was created with (HostConfig.PortBindings): applied at every start. */
  requested: PortMapping[];
  /** Exposed ports that are not published at all. */
  exposedOnly: Array<{ containerPort: number; protocol: PortProtocol }>;
}

export interface OpenedPort {
  /** The http(s) URL built from the published binding. */
  url: string;
  /** True when main opened it (desktop app); false: the caller opens it (browser mode). */
  opened: boolean;
}
