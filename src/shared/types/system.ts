/** `docker system df -v`: what each kind of object takes on the engine's disk. */

export interface DiskUsageImage {
  id: string;
  /** `repo:tag` names; empty for a dangling image. */
  repoTags: string[];
  /** Epoch seconds. */
  created: number;
  sizeBytes: number;
  /** Bytes in layers other images also use; -1 when the engine does not say. */
  sharedSizeBytes: number;
  /** `sizeBytes - sharedSizeBytes` (as the CLI's UNIQUE SIZE); -1 when the shared size is unknown. */
  uniqueSizeBytes: number;
  /** Containers (any state) using it; -1 when the engine does not say. */
  containers: number;
}

export interface DiskUsageContainer {
  id: string;
  name: string;
  image: string;
  command: string;
  state: string;
  status: string;
  /** Epoch seconds. */
  created: number;
  /** The writable layer (the CLI's SIZE). */
  sizeRw: number;
  /** The writable layer and the image under it (the CLI's virtual size). */
  sizeRootFs: number;
  /** How many volumes it mounts (the CLI's LOCAL VOLUMES). */
  localVolumes: number;
}

export interface DiskUsageVolume {
  name: string;
  driver: string;
  /** -1 when the driver does not report it. */
  sizeBytes: number;
  /** Containers (any state) mounting it (the CLI's LINKS); -1 when unknown. */
  links: number;
}

export interface DiskUsageBuildCacheItem {
  id: string;
  /** `regular`, `source.local`, `exec.cachemount`, `frontend`, `internal`, … */
  type: string;
  description: string;
  sizeBytes: number;
  /** Epoch seconds; 0 when unknown. */
  created: number;
  /** Epoch seconds; 0 when never used. */
  lastUsed: number;
  usageCount: number;
  inUse: boolean;
  shared: boolean;
}

/** One row of `docker system df`, computed as the docker CLI computes it. */
export interface DiskUsageTotals {
  count: number;
  active: number;
  sizeBytes: number;
  reclaimableBytes: number;
  /** `reclaimable * 100 / size`, rounded down as the CLI does; 0 when the size is 0. */
  reclaimablePercent: number;
}

export type DiskUsageCategory = 'images' | 'containers' | 'volumes' | 'buildCache';

export interface DiskUsage {
  images: DiskUsageImage[];
  containers: DiskUsageContainer[];
  volumes: DiskUsageVolume[];
  buildCache: DiskUsageBuildCacheItem[];
  totals: Record<DiskUsageCategory, DiskUsageTotals>;
}

export interface BuildCachePrunePreview {
  items: DiskUsageBuildCacheItem[];
  /** The sum of their sizes (shared records count once, where they are listed). */
  spaceReclaimable: number;
  all: boolean;
  until?: string;
}

export interface BuildCachePruneResult {
  /** Ids of the cache records removed. */
  removed: string[];
  spaceReclaimed: number;
}
