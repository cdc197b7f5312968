export interface ImageSummary {
  id: string;
  /** `repo:tag` names; empty for a dangling image. */
  repoTags: string[];
  repoDigests: string[];
  /** Epoch seconds. */
  created: number;
  sizeBytes: number;
  /** How many containers (any state) use it; counted from the container list. */
  containers: number;
  labels: Record<string, string>;
  /** No tag and not a parent of a tagged image: what `docker image prune` removes. */
  dangling: boolean;
}

export interface ImageRemoveResult {
  /** `repo:tag` names removed. */
  untagged: string[];
  /** Image (and parent layer) ids deleted. */
  deleted: string[];
}

export interface PrunableImage {
  id: string;
  repoTags: string[];
  /** Epoch seconds. */
  created: number;
  sizeBytes: number;
  /** What removing it alone frees (its size less layers other images share); -1 when unknown. */
  uniqueSizeBytes: number;
}

export interface ImagePrunePreview {
  images: PrunableImage[];
  /** The sum of their unique sizes: at least what the prune frees (layers shared only among them go too). */
  spaceReclaimable: number;
  all: boolean;
  labels: string[];
}

export interface ImagePruneResult {
  deleted: string[];
  spaceReclaimedBytes: number;
}

export interface CommitResult {
  imageId: string;
  /** `repo:tag` when one was given. */
  reference?: string;
}
