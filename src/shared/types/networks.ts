/** One subnet of a network's IPAM config (`docker network create --subnet … --gateway … --ip-range …`). */
export interface NetworkSubnet {
  subnet: string;
  gateway?: string;
  ipRange?: string;
}

/** A container that names a network: with an endpoint on it while running, only in its config while stopped. */
export interface NetworkMember {
  id: string;
  name: string;
  /** The container's state (`running`, `exited`, `created`, …). */
  state: string;
  /** Its address on the network, CIDR as inspect shows it (`10.1.2.3/24`); empty while it has no endpoint. */
  ipv4Address: string;
  ipv6Address: string;
}

export interface NetworkSummary {
  id: string;
  name: string;
  driver: string;
  /** `local`, `swarm` or `global`. */
  scope: string;
  subnets: NetworkSubnet[];
  /** `--internal`: no route out of the network. */
  internal: boolean;
  /** `--attachable`: standalone containers may join a swarm network. */
  attachable: boolean;
  ipv6: boolean;
  labels: Record<string, string>;
  /** `-o`: the driver's options. */
  options: Record<string, string>;
  /** Epoch seconds; 0 when the engine does not say. */
  created: number;
  /** bridge, host and none: the engine's own, which cannot be removed. */
  predefined: boolean;
  /** The containers that name it, by name; running ones have an endpoint on it. */
  containers: NetworkMember[];
}

export interface NetworkCreateResult {
  id: string;
  name: string;
}

export interface NetworkRemoveResult {
  name: string;
}

export interface NetworkConnectResult {
  network: string;
  container: string;
}

/** The filters a preview resolved (a relative `until` as a Unix time), passed back to `networks.prune`. */
export interface NetworkPruneFilters {
  label: string[];
  until?: string;
}

export interface PrunableNetwork {
  id: string;
  name: string;
  driver: string;
  created: number;
  labels: Record<string, string>;
  /** Stopped containers that still name it: they will not start once it is gone. */
  stoppedMembers: string[];
}

export interface NetworkPrunePreview {
  networks: PrunableNetwork[];
  filters: NetworkPruneFilters;
}

export interface NetworkPruneResult {
  /** Names of the networks removed. */
  removed: string[];
}
