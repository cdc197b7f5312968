export interface VolumeSummary {
  name: string;
  driver: string;
  /** Where the engine keeps it on its host (`/var/lib/docker/volumes/NAME/_data` for `local`). */
  mountpoint: string;
  scope: string;
  /** Epoch seconds; 0 when the engine does not say. */
  created: number;
  labels: Record<string, string>;
  /** The driver options it was created with (`docker volume create -o`). */
  options: Record<string, string>;
  /** Names of the containers (any state) that mount it. */
  usedBy: string[];
  /** Made for one container without a name (`-v /data`): what `docker volume prune` takes without `--all`. */
  anonymous: boolean;
  /** Only when asked (`size`): bytes from the engine's disk usage; -1 when the driver does not report it. */
  sizeBytes?: number;
}

export interface VolumeCreateResult {
  name: string;
}

export interface VolumeRemoveResult {
  name: string;
}

/** The filters a preview resolved, passed back to `volumes.prune` so it removes exactly that set's kind. */
export interface VolumePruneFilters {
  label: string[];
  all: boolean;
}

export interface PrunableVolume {
  name: string;
  driver: string;
  created: number;
  /** -1 when the driver does not report it. */
  sizeBytes: number;
  labels: Record<string, string>;
}

export interface VolumePrunePreview {
  volumes: PrunableVolume[];
  /** The sum of their sizes (unknown sizes count as 0). */
  spaceReclaimable: number;
  filters: VolumePruneFilters;
}

export interface VolumePruneResult {
  /** Names of the volumes removed. */
  removed: string[];
  spaceReclaimed: number;
}
