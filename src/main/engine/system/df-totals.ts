import type { DiskUsage, DiskUsageTotals } from '../../../shared/types/system';

/** A container the CLI counts as active: running, paused or restarting. */
const isActiveContainer = (state: string): boolean => state === 'running' || state === 'paused' || state === 'restarting';

function totals(count: number, active: number, sizeBytes: number, reclaimableBytes: number): DiskUsageTotals {
  // Go's integer division, as the CLI prints it: 99.9 % is 99 %.
  const reclaimablePercent = sizeBytes > 0 ? Math.floor((reclaimableBytes * 100) / sizeBytes) : 0;
  return { count, active, sizeBytes, reclaimableBytes, reclaimablePercent };
}

/**
 * The summary rows of `docker system df`, computed as the docker CLI (before API 1.52, where the
 * engine began to send them) computes them from the verbose lists:
 * - images: the size is the engine's `LayersSize`; reclaimable is that less the unique size of
 *   each image a container uses (an image whose sizes are unknown counts as nothing used);
 * - containers: the writable layers; reclaimable those of containers not running, paused or restarting;
 * - volumes: known sizes; reclaimable those of volumes no container mounts;
 * - build cache: records that are not shared; reclaimable all but those in use and not shared.
 */
export function diskUsageTotals(lists: Omit<DiskUsage, 'totals'>, layersSize: number): DiskUsage['totals'] {
  const { images, containers, volumes, buildCache } = lists;
  const usedImages = images.filter((image) => image.containers > 0);
  const imageBytesInUse = images
    .filter((image) => image.containers !== 0 && image.sizeBytes !== -1 && image.sharedSizeBytes !== -1)
    .reduce((sum, image) => sum + image.sizeBytes - image.sharedSizeBytes, 0);

  const containerBytes = containers.reduce((sum, c) => sum + c.sizeRw, 0);
  const idleContainerBytes = containers.filter((c) => !isActiveContainer(c.state)).reduce((sum, c) => sum + c.sizeRw, 0);

  const sizedVolumes = volumes.filter((volume) => volume.sizeBytes !== -1);
  const volumeBytes = sizedVolumes.reduce((sum, volume) => sum + volume.sizeBytes, 0);
  const unusedVolumeBytes = sizedVolumes.filter((volume) => volume.links === 0).reduce((sum, volume) => sum + volume.sizeBytes, 0);

  const builderBytes = buildCache.filter((item) => !item.shared).reduce((sum, item) => sum + item.sizeBytes, 0);
  const cacheInUse = buildCache.filter((item) => item.inUse && !item.shared).reduce((sum, item) => sum + item.sizeBytes, 0);

  return {
    images: totals(images.length, usedImages.length, layersSize, layersSize - imageBytesInUse),
    containers: totals(containers.length, containers.filter((c) => isActiveContainer(c.state)).length, containerBytes, idleContainerBytes),
    volumes: totals(volumes.length, volumes.filter((volume) => volume.links > 0).length, volumeBytes, unusedVolumeBytes),
    buildCache: totals(buildCache.length, buildCache.filter((item) => item.inUse).length, builderBytes, builderBytes - cacheInUse),
  };
}
