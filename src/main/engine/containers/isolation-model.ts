import type { CgroupLimit, ContainerIsolation, NamespaceIsolation, NamespaceKind, NamespaceMode } from '../../../shared/types/isolation';

/** The parts of `docker inspect` the isolation model reads; everything optional, as engines differ. */
export interface IsolationInspect {
  Id?: string;
  Name?: string;
  Driver?: string;
  State?: { Running?: boolean } | null;
  GraphDriver?: { Name?: string } | null;
  NetworkSettings?: { Networks?: Record<string, unknown> | null } | null;
  HostConfig?: {
    PidMode?: string;
    NetworkMode?: string;
    IpcMode?: string;
    UTSMode?: string;
    UsernsMode?: string;
    CgroupnsMode?: string;
    ReadonlyRootfs?: boolean;
    Memory?: number;
    MemorySwap?: number;
    NanoCpus?: number;
    CpuQuota?: number;
    CpuPeriod?: number;
    CpuShares?: number;
    CpusetCpus?: string;
    CpusetMems?: string;
    PidsLimit?: number | null;
    BlkioWeight?: number;
  } | null;
}

/** What the engine decides when a container leaves a mode unset. */
export interface EngineDefaults {
  /** The daemon remaps users (userns-remap): containers get their own user namespace by default. */
  usernsRemap: boolean;
  /** '1' or '2': the default cgroup namespace is private on cgroup v2, the host's on v1. */
  cgroupVersion: string;
}

const DEFAULT_CPU_PERIOD_MICROS = 100_000;

function sharedWith(raw: string): { id: string } | undefined {
  return raw.startsWith('container:') ? { id: raw.slice('container:'.length) } : undefined;
}

function namespace(kind: NamespaceKind, raw: string, mode: NamespaceMode, extra: Partial<NamespaceIsolation> = {}): NamespaceIsolation {
  const shared = mode === 'container' ? sharedWith(raw) : undefined;
  return { kind, mode, raw, ...(shared ? { sharedWith: shared } : {}), ...extra };
}

/** Modes every namespace understands: host, container:<id>; anything else is decided per kind. */
function commonMode(raw: string): NamespaceMode | undefined {
  if (raw === 'host') return 'host';
  if (raw.startsWith('container:')) return 'container';
  return undefined;
}

function networkNamespace(inspect: IsolationInspect): NamespaceIsolation {
  const raw = inspect.HostConfig?.NetworkMode ?? '';
  const common = commonMode(raw);
  if (common) return namespace('network', raw, common);
  if (raw === 'none') return namespace('network', raw, 'none');
  const attached = Object.keys(inspect.NetworkSettings?.Networks ?? {});
  const networks = attached.length ? attached : [raw === '' || raw === 'default' ? 'bridge' : raw];
  return namespace('network', raw, 'private', { networks: networks.sort() });
}

function ipcNamespace(raw: string): NamespaceIsolation {
  const common = commonMode(raw);
  if (common) return namespace('ipc', raw, common);
  if (raw === 'none') return namespace('ipc', raw, 'none');
  if (raw === 'shareable') return namespace('ipc', raw, 'shareable');
  return namespace('ipc', raw, 'private');
}

function namespaces(inspect: IsolationInspect, defaults: EngineDefaults): NamespaceIsolation[] {
  const host = inspect.HostConfig ?? {};
  const pid = host.PidMode ?? '';
  const uts = host.UTSMode ?? '';
  const user = host.UsernsMode ?? '';
  const cgroup = host.CgroupnsMode ?? '';
  return [
    namespace('pid', pid, commonMode(pid) ?? 'private'),
    networkNamespace(inspect),
    ipcNamespace(host.IpcMode ?? ''),
    namespace('uts', uts, commonMode(uts) ?? 'private'),
    namespace('user', user, commonMode(user) ?? (defaults.usernsRemap ? 'remapped' : 'host')),
    namespace('cgroup', cgroup, cgroup === 'private' ? 'private' : cgroup === 'host' ? 'host' : defaults.cgroupVersion === '2' ? 'private' : 'host'),
  ];
}

const positive = (value: number | null | undefined): number | null => (typeof value === 'number' && value > 0 ? value : null);
const nonEmpty = (value: string | undefined): string | null => (value && value.trim() ? value.trim() : null);

function cpuLimit(host: NonNullable<IsolationInspect['HostConfig']>): CgroupLimit {
  const nano = positive(host.NanoCpus);
  if (nano !== null) return { id: 'cpus', cpus: nano / 1e9, source: 'nanoCpus' };
  const quota = positive(host.CpuQuota);
  if (quota !== null) {
    const period = positive(host.CpuPeriod) ?? DEFAULT_CPU_PERIOD_MICROS;
    return { id: 'cpus', cpus: quota / period, source: 'quota', quotaMicros: quota, periodMicros: period };
  }
  return { id: 'cpus', cpus: null, source: null };
}

function memorySwapLimit(memory: number | null, swap: number | undefined): CgroupLimit {
  if (swap === -1) return { id: 'memorySwap', bytes: null, fromDefault: false };
  if (typeof swap === 'number' && swap > 0) return { id: 'memorySwap', bytes: swap, fromDefault: false };
  // Unset: as much swap as memory (twice the memory limit in all), or unlimited without a memory limit.
  return { id: 'memorySwap', bytes: memory === null ? null : memory * 2, fromDefault: true };
}

function limits(inspect: IsolationInspect): CgroupLimit[] {
  const host = inspect.HostConfig ?? {};
  const memory = positive(host.Memory);
  return [
    { id: 'memory', bytes: memory },
    memorySwapLimit(memory, host.MemorySwap),
    cpuLimit(host),
    { id: 'cpuShares', shares: positive(host.CpuShares) },
    { id: 'cpusetCpus', cpus: nonEmpty(host.CpusetCpus) },
    { id: 'cpusetMems', mems: nonEmpty(host.CpusetMems) },
    { id: 'pidsLimit', limit: positive(host.PidsLimit) },
    { id: 'blkioWeight', weight: positive(host.BlkioWeight) },
  ];
}

/** How a container is isolated, from its inspect document. Pure: the engine is not asked anything. */
export function isolationModel(inspect: IsolationInspect, defaults: EngineDefaults): ContainerIsolation {
  return {
    id: inspect.Id ?? '',
    name: (inspect.Name ?? '').replace(/^\//, ''),
    running: inspect.State?.Running === true,
    namespaces: namespaces(inspect, defaults),
    rootFilesystem: {
      storageDriver: inspect.GraphDriver?.Name || inspect.Driver || '',
      readOnly: inspect.HostConfig?.ReadonlyRootfs === true,
    },
    limits: limits(inspect),
  };
}
