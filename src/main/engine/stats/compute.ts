import type { StatsSample } from '../../../shared/types/stats';

/** The parts of the engine's stats JSON (GET /containers/{id}/stats) that `docker stats` reads. */
interface RawCpuStats {
  cpu_usage?: { total_usage?: number; percpu_usage?: number[] | null };
  system_cpu_usage?: number;
  online_cpus?: number;
}

export interface RawStats {
  id?: string;
  name?: string;
  read?: string;
  preread?: string;
  cpu_stats?: RawCpuStats;
  precpu_stats?: RawCpuStats;
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }> | null;
  blkio_stats?: { io_service_bytes_recursive?: Array<{ op?: string; value?: number }> | null };
  pids_stats?: { current?: number; limit?: number };
}

/** The engine's zero time: a stats frame read at it describes a container that is not running. */
const ZERO_TIME = /^0001-01-01T/;

/** True for the all-zero frames the engine keeps sending once a container has stopped. */
export function isStoppedFrame(raw: RawStats): boolean {
  return !raw.read || ZERO_TIME.test(raw.read);
}

/**
 * The CLI's calculateCPUPercentUnix: the container's CPU time over the host's, between this
 * reading and the engine's previous one, times the online CPUs. Null when there is no previous
 * reading (the first frame of a stream), where the CLI would show a since-boot average.
 */
export function cpuPercent(raw: RawStats): number | null {
  const previousSystem = raw.precpu_stats?.system_cpu_usage ?? 0;
  if (previousSystem === 0) return null;
  const cpuDelta = (raw.cpu_stats?.cpu_usage?.total_usage ?? 0) - (raw.precpu_stats?.cpu_usage?.total_usage ?? 0);
  const systemDelta = (raw.cpu_stats?.system_cpu_usage ?? 0) - previousSystem;
  if (systemDelta > 0 && cpuDelta > 0) return (cpuDelta / systemDelta) * onlineCpus(raw) * 100;
  return 0;
}

function onlineCpus(raw: RawStats): number {
  return raw.cpu_stats?.online_cpus || raw.cpu_stats?.cpu_usage?.percpu_usage?.length || 0;
}

/**
 * The CLI's calculateMemUsageUnixNoCache: usage minus the inactive page cache, which the kernel
 * can reclaim at once. cgroup v1 reports it as total_inactive_file, cgroup v2 as inactive_file.
 */
export function memoryUsed(raw: RawStats): number {
  const usage = raw.memory_stats?.usage ?? 0;
  const stats = raw.memory_stats?.stats ?? {};
  const v1 = stats.total_inactive_file;
  if (v1 !== undefined && v1 < usage) return usage - v1;
  const v2 = stats.inactive_file ?? 0;
  if (v2 < usage) return usage - v2;
  return usage;
}

/** The CLI's calculateBlockIO: bytes of the "read"/"write" ops (v1: Read/Write) over every device. */
export function blockIo(raw: RawStats): { read: number; write: number } {
  let read = 0;
  let write = 0;
  for (const entry of raw.blkio_stats?.io_service_bytes_recursive ?? []) {
    const op = entry.op?.[0];
    if (op === 'r' || op === 'R') read += entry.value ?? 0;
    else if (op === 'w' || op === 'W') write += entry.value ?? 0;
  }
  return { read, write };
}

/** The CLI's calculateNetwork: received and sent bytes summed over the container's interfaces. */
export function networkIo(raw: RawStats): { rx: number; tx: number } {
  let rx = 0;
  let tx = 0;
  for (const network of Object.values(raw.networks ?? {})) {
    rx += network.rx_bytes ?? 0;
    tx += network.tx_bytes ?? 0;
  }
  return { rx, tx };
}

function readTime(raw: RawStats, fallback: number): number {
  const parsed = raw.read ? Date.parse(raw.read) : Number.NaN;
  return Number.isFinite(parsed) && !isStoppedFrame(raw) ? parsed : fallback;
}

/** A per-second rate between two cumulative counters; null without an earlier reading. */
function rate(current: number, previous: number | undefined, seconds: number): number | null {
  if (previous === undefined || seconds <= 0) return null;
  // A counter that went down was reset (e.g. an interface came back): no rate for this step.
  return current >= previous ? (current - previous) / seconds : null;
}

/** Turns one frame into a sample; `previous` (same stream, earlier frame) gives the I/O rates. */
export function computeSample(raw: RawStats, previous?: StatsSample, now: number = Date.now()): StatsSample {
  const used = memoryUsed(raw);
  const limit = raw.memory_stats?.limit ?? 0;
  const network = networkIo(raw);
  const block = blockIo(raw);
  const time = readTime(raw, now);
  const seconds = previous ? (time - previous.time) / 1000 : 0;
  const pidsLimit = raw.pids_stats?.limit;
  return {
    id: raw.id ?? '',
    name: (raw.name ?? '').replace(/^\//, ''),
    time,
    // A stopped container's frame has no readings at all: the CLI shows 0.00% for it.
    cpuPercent: isStoppedFrame(raw) ? 0 : cpuPercent(raw),
    onlineCpus: onlineCpus(raw),
    memoryUsedBytes: used,
    memoryLimitBytes: limit,
    memoryPercent: limit !== 0 ? (used / limit) * 100 : 0,
    networkRxBytes: network.rx,
    networkTxBytes: network.tx,
    networkRxRate: rate(network.rx, previous?.networkRxBytes, seconds),
    networkTxRate: rate(network.tx, previous?.networkTxBytes, seconds),
    blockReadBytes: block.read,
    blockWriteBytes: block.write,
    blockReadRate: rate(block.read, previous?.blockReadBytes, seconds),
    blockWriteRate: rate(block.write, previous?.blockWriteBytes, seconds),
    pids: raw.pids_stats?.current ?? 0,
    // The engine reports "no limit" as 0 or as the max uint64.
    ...(pidsLimit && pidsLimit < Number.MAX_SAFE_INTEGER ? { pidsLimit } : {}),
  };
}
