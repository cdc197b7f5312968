// The summary of `docker system df` as the docker CLI computes it from the verbose lists: the edge
// cases a real engine rarely shows (sizes it does not know, rounding of the share).
import { describe, expect, it } from 'vitest';
import { diskUsageTotals } from '../../src/main/engine/system/df-totals';
import type { DiskUsageBuildCacheItem, DiskUsageContainer, DiskUsageImage, DiskUsageVolume } from '../../src/shared/types/system';

const image = (over: Partial<DiskUsageImage>): DiskUsageImage => ({
  id: 'sha256:a',
  repoTags: [],
  created: 0,
  sizeBytes: 100,
  sharedSizeBytes: 0,
  uniqueSizeBytes: 100,
  containers: 0,
  ...over,
});
const container = (state: string, sizeRw: number): DiskUsageContainer => ({
  id: state,
  name: state,
  image: 'x',
  command: '',
  state,
  status: '',
  created: 0,
  sizeRw,
  sizeRootFs: sizeRw,
  localVolumes: 0,
});
const volume = (sizeBytes: number, links: number): DiskUsageVolume => ({ name: `v${sizeBytes}`, driver: 'local', sizeBytes, links });
const cache = (sizeBytes: number, inUse: boolean, shared: boolean): DiskUsageBuildCacheItem => ({
  id: `c${sizeBytes}`,
  type: 'regular',
  description: '',
  sizeBytes,
  created: 0,
  lastUsed: 0,
  usageCount: 1,
  inUse,
  shared,
});

describe('diskUsageTotals', () => {
  it('takes the unique size of used images off the layers size, and skips a used image whose sizes are unknown', () => {
    const totals = diskUsageTotals(
      {
        images: [image({ containers: 2, sizeBytes: 300, sharedSizeBytes: 100 }), image({ containers: 1, sharedSizeBytes: -1 }), image({})],
        containers: [],
        volumes: [],
        buildCache: [],
      },
      1000,
    );
    expect(totals.images).toEqual({ count: 3, active: 2, sizeBytes: 1000, reclaimableBytes: 800, reclaimablePercent: 80 });
  });

  it('counts running, paused and restarting containers as active and the others as reclaimable; the share rounds down', () => {
    const totals = diskUsageTotals(
      {
        images: [],
        containers: [container('running', 1), container('paused', 1), container('restarting', 1), container('exited', 2), container('created', 0)],
        volumes: [],
        buildCache: [],
      },
      0,
    );
    expect(totals.containers).toEqual({ count: 5, active: 3, sizeBytes: 5, reclaimableBytes: 2, reclaimablePercent: 40 });
    const third = diskUsageTotals({ images: [], containers: [container('running', 2), container('exited', 1)], volumes: [], buildCache: [] }, 0);
    expect(third.containers.reclaimablePercent).toBe(33);
  });

  it('leaves volumes of unknown size out of size and reclaimable, but counts them', () => {
    const totals = diskUsageTotals({ images: [], containers: [], volumes: [volume(100, 0), volume(-1, 0), volume(50, 1)], buildCache: [] }, 0);
    expect(totals.volumes).toEqual({ count: 3, active: 1, sizeBytes: 150, reclaimableBytes: 100, reclaimablePercent: 66 });
  });

  it('sizes the build cache without shared records, and keeps only records in use and not shared from the reclaimable', () => {
    const totals = diskUsageTotals(
      { images: [], containers: [], volumes: [], buildCache: [cache(10, true, false), cache(20, true, true), cache(40, false, false)] },
      0,
    );
    expect(totals.buildCache).toEqual({ count: 3, active: 2, sizeBytes: 50, reclaimableBytes: 40, reclaimablePercent: 80 });
  });

  it('says 0 % of nothing', () => {
    expect(diskUsageTotals({ images: [], containers: [], volumes: [], buildCache: [] }, 0).images.reclaimablePercent).toBe(0);
  });
});
