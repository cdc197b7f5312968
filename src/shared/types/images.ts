export interface ImageSummary {
  id: string;
  repoTags: string[];
  /** Epoch seconds. */
  created: number;
  sizeBytes: number;
  /** How many containers use it; -1 when the engine did not count. */
  containers: number;
  labels: Record<string, string>;
}
