import type Docker from 'dockerode';
import type { ImagePrunePreview, PrunableImage } from '../../../shared/types/images';
import { readDiskUsage, type LabelledDiskUsageImage } from '../system/disk-usage';

/** The engine's `label=` test: every filter (`key` or `key=value`) holds. */
function hasLabels(labels: Record<string, string>, filters: readonly string[]): boolean {
  return filters.every((filter) => {
    const at = filter.indexOf('=');
    const key = at < 0 ? filter : filter.slice(0, at);
    return Object.hasOwn(labels, key) && (at < 0 || labels[key] === filter.slice(at + 1));
  });
}

/** What the engine's image prune takes: no container (any state) uses it, it has the labels, and without `all` it has no tag. */
function prunable(image: LabelledDiskUsageImage, all: boolean, labels: readonly string[]): boolean {
  return image.containers === 0 && (all || image.repoTags.length === 0) && hasLabels(image.labels, labels);
}

/** What `docker image prune [-a] --filter label=…` would remove now, from the engine's disk usage. */
export async function previewImagePrune(docker: Docker, all: boolean, labels: string[]): Promise<ImagePrunePreview> {
  const { images } = await readDiskUsage(docker);
  const listed: PrunableImage[] = images
    .filter((image) => prunable(image, all, labels))
    .map(({ id, repoTags, created, sizeBytes, uniqueSizeBytes }) => ({ id, repoTags, created, sizeBytes, uniqueSizeBytes }))
    .sort((a, b) => b.sizeBytes - a.sizeBytes || a.id.localeCompare(b.id));
  return { images: listed, spaceReclaimable: listed.reduce((sum, image) => sum + Math.max(0, image.uniqueSizeBytes), 0), all, labels };
}
