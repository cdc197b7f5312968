import type Docker from 'dockerode';
import type { DiskUsage, DiskUsageBuildCacheItem, DiskUsageContainer, DiskUsageImage, DiskUsageVolume } from '../../../shared/types/system';
import { engineCall } from '../core/errors';
import { diskUsageTotals } from './df-totals';

/** The parts of `GET /system/df` Berth reads (API 1.25 and later; build cache from 1.31). */
interface RawImage {
  Id: string;
  RepoTags?: string[] | null;
  Created?: number;
  Size?: number;
  SharedSize?: number;
  Containers?: number;
  Labels?: Record<string, string> | null;
}

interface RawContainer {
  Id: string;
  Names?: string[] | null;
  Image?: string;
  Command?: string;
  State?: string;
  Status?: string;
  Created?: number;
  SizeRw?: number;
  SizeRootFs?: number;
  Mounts?: Array<{ Type?: string }> | null;
}

interface RawVolume {
  Name: string;
  Driver?: string;
  UsageData?: { Size?: number; RefCount?: number } | null;
}

interface RawCacheRecord {
  ID: string;
  Type?: string;
  Description?: string;
  InUse?: boolean;
  Shared?: boolean;
  Size?: number;
  CreatedAt?: string;
  LastUsedAt?: string | null;
  UsageCount?: number;
}

interface RawDiskUsage {
  LayersSize?: number;
  Images?: RawImage[] | null;
  Containers?: RawContainer[] | null;
  Volumes?: RawVolume[] | null;
  BuildCache?: RawCacheRecord[] | null;
}

/** An image as `docker system df -v` shows it, with its labels (for prune's label filter). */
export interface LabelledDiskUsageImage extends DiskUsageImage {
  labels: Record<string, string>;
}

const seconds = (rfc3339: string | null | undefined): number => {
  const ms = rfc3339 ? Date.parse(rfc3339) : NaN;
  return Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
};

function image(raw: RawImage): LabelledDiskUsageImage {
  const sizeBytes = raw.Size ?? -1;
  const sharedSizeBytes = raw.SharedSize ?? -1;
  return {
    id: raw.Id,
    repoTags: (raw.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>'),
    created: raw.Created ?? 0,
    sizeBytes,
    sharedSizeBytes,
    uniqueSizeBytes: sizeBytes === -1 || sharedSizeBytes === -1 ? -1 : sizeBytes - sharedSizeBytes,
    containers: raw.Containers ?? -1,
    labels: raw.Labels ?? {},
  };
}

const container = (raw: RawContainer): DiskUsageContainer => ({
  id: raw.Id,
  name: (raw.Names?.[0] ?? raw.Id.slice(0, 12)).replace(/^\//, ''),
  image: raw.Image ?? '',
  command: raw.Command ?? '',
  state: raw.State ?? '',
  status: raw.Status ?? '',
  created: raw.Created ?? 0,
  sizeRw: raw.SizeRw ?? 0,
  sizeRootFs: raw.SizeRootFs ?? 0,
  localVolumes: (raw.Mounts ?? []).filter((mount) => mount.Type === 'volume').length,
});

const volume = (raw: RawVolume): DiskUsageVolume => ({
  name: raw.Name,
  driver: raw.Driver ?? '',
  sizeBytes: raw.UsageData?.Size ?? -1,
  links: raw.UsageData?.RefCount ?? -1,
});

const cacheRecord = (raw: RawCacheRecord): DiskUsageBuildCacheItem => ({
  id: raw.ID,
  type: raw.Type ?? '',
  description: raw.Description ?? '',
  sizeBytes: raw.Size ?? 0,
  created: seconds(raw.CreatedAt),
  lastUsed: seconds(raw.LastUsedAt),
  usageCount: raw.UsageCount ?? 0,
  inUse: raw.InUse ?? false,
  shared: raw.Shared ?? false,
});

/** One `GET /system/df`, mapped; images keep their labels. */
export async function readDiskUsage(docker: Docker): Promise<Omit<DiskUsage, 'images'> & { images: LabelledDiskUsageImage[] }> {
  const raw = (await engineCall(() => docker.df(), { action: 'read the engine’s disk usage' })) as RawDiskUsage;
  const lists = {
    images: (raw.Images ?? []).map(image),
    containers: (raw.Containers ?? []).map(container),
    volumes: (raw.Volumes ?? []).map(volume),
    buildCache: (raw.BuildCache ?? []).map(cacheRecord),
  };
  return { ...lists, totals: diskUsageTotals(lists, raw.LayersSize ?? 0) };
}

/** `docker system df -v`. */
export async function diskUsage(docker: Docker): Promise<DiskUsage> {
  const { images, ...rest } = await readDiskUsage(docker);
  return { ...rest, images: images.map(({ labels: _labels, ...shown }) => shown) };
}
