/**
 * One reading of a container's resource use, computed in main from the engine's stats JSON the
 * way the docker CLI computes `docker stats` (see src/main/engine/stats/compute.ts).
 */
export interface StatsSample {
  /** The container's full id. */
  id: string;
  /** Its name, without the leading slash. */
  name: string;
  /** When the engine read the counters (epoch ms). */
  time: number;
  /** CPU use in percent of one CPU (200 = two CPUs busy); null when there is no earlier reading to compare with. */
  cpuPercent: number | null;
  /** CPUs the container can see (the CLI's multiplier). */
  onlineCpus: number;
  /** Memory in use without the reclaimable page cache (usage minus inactive_file / total_inactive_file). */
  memoryUsedBytes: number;
  /** The memory limit: the --memory value, or the host's memory when there is none. */
  memoryLimitBytes: number;
  memoryPercent: number;
  /** Bytes received / sent on all interfaces since the container started. */
  networkRxBytes: number;
  networkTxBytes: number;
  /** Bytes per second since the previous reading of the same stream; null on its first reading. */
  networkRxRate: number | null;
  networkTxRate: number | null;
  /** Bytes read from / written to block devices since the container started. */
  blockReadBytes: number;
  blockWriteBytes: number;
  blockReadRate: number | null;
  blockWriteRate: number | null;
  /** Processes and threads in the container. */
  pids: number;
  /** The --pids-limit, when there is one. */
  pidsLimit?: number;
}
