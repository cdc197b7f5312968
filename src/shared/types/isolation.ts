const NAMESPACE_KINDS = ['pid', 'network', 'ipc', 'uts', 'user', 'cgroup'] as const;
export type NamespaceKind = (typeof NAMESPACE_KINDS)[number];

/**
 * private: a namespace of its own; shareable: its own, and other containers may join it (IPC);
 * host: the host's namespace; container: another container's; none: its own and empty (no
 * network but loopback, no /dev/shm); remapped: its own user namespace (daemon userns-remap).
 */
export type NamespaceMode = 'private' | 'shareable' | 'host' | 'container' | 'none' | 'remapped';

export interface NamespaceIsolation {
  kind: NamespaceKind;
  mode: NamespaceMode;
  /** The mode string in HostConfig ('' when the engine's default applies). */
  raw: string;
  /** For mode 'container': the container whose namespace this one joins. */
  sharedWith?: { id: string; name?: string };
  /** For a private network namespace: the networks it is attached to. */
  networks?: string[];
}

interface RootFilesystem {
  storageDriver: string;
  readOnly: boolean;
}

/** Cgroup limits; null means unlimited (or the engine's default share, for weights). */
export type CgroupLimit =
  | { id: 'memory'; bytes: number | null }
  /** Memory plus swap; `fromDefault`: not set, so twice the memory limit applies. */
  | { id: 'memorySwap'; bytes: number | null; fromDefault: boolean }
  /** How many CPUs' worth of time, from NanoCpus or from quota/period. */
  | { id: 'cpus'; cpus: number | null; source: 'nanoCpus' | 'quota' | null; quotaMicros?: number; periodMicros?: number }
  /** Relative CPU weight; null: the default (1024). */
  | { id: 'cpuShares'; shares: number | null }
  /** CPUs it may run on (e.g. "0-1"); null: all. */
  | { id: 'cpusetCpus'; cpus: string | null }
  /** Memory nodes it may use; null: all. */
  | { id: 'cpusetMems'; mems: string | null }
  | { id: 'pidsLimit'; limit: number | null }
  /** Relative block IO weight (10-1000); null: the default. */
  | { id: 'blkioWeight'; weight: number | null };

/** How one container is isolated, from its inspect data (`containers.isolation`). */
export interface ContainerIsolation {
  id: string;
  name: string;
  running: boolean;
  namespaces: NamespaceIsolation[];
  rootFilesystem: RootFilesystem;
  limits: CgroupLimit[];
}
