import { z } from 'zod';
import type { InspectDocument } from '../types/inspect';
import type { DownloadStart, UploadStart } from '../types/transfers';
import { uploadSource } from './transfers';
import type { VolumeCreateResult, VolumePrunePreview, VolumePruneResult, VolumeRemoveResult, VolumeSummary } from '../types/volumes';
import { command, returns } from './define';
import { driverName, driverOptions, labelMap, pruneFilterSchema } from './schemas';

const NAME_RULE = 'A volume name must start with a letter or digit and use only letters, digits, _ . - (at least 2 characters).';

/** A new volume's name as the engine's `local` driver takes it: `[a-zA-Z0-9][a-zA-Z0-9_.-]+`, one path segment. */
const volumeName = z
  .string()
  .trim()
  .max(255, 'A volume name can be at most 255 characters.')
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/, NAME_RULE);

/** An existing volume, by name (anonymous ones are named by 64 hex digits). */
export const volumeRef = z
  .string()
  .trim()
  .min(1, 'A volume name is required.')
  .max(255)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'Not a valid volume name.');

const pruneFilters = pruneFilterSchema({
  /** `docker volume prune --all`: named volumes too, not only anonymous ones. */
  all: z.boolean().default(false),
});

export const volumeCommands = {
  /** `docker volume ls`, with the containers using each one; with `size`, each one's size from `docker system df -v`. */
  'volumes.list': command(z.object({ size: z.boolean().default(false) }).strict(), returns<VolumeSummary[]>()),
  /** `docker volume create [--driver D] [-o k=v] [--label k=v] [NAME]`; a name already taken is refused. */
  'volumes.create': command(
    z
      .object({
        name: volumeName.optional(),
        driver: driverName.default('local'),
        driverOptions: driverOptions.default({}),
        labels: labelMap.default({}),
      })
      .strict(),
    returns<VolumeCreateResult>(),
  ),
  /** `docker volume rm [-f] NAME`: refused, with the containers named, while any container uses it (`-f` does not change that). */
  'volumes.remove': command(z.object({ name: volumeRef, force: z.boolean().default(false) }).strict(), returns<VolumeRemoveResult>()),
  /** What `docker volume prune [--all] --filter label=…` would remove now, with its sizes. */
  'volumes.prunePreview': command(z.object({ filters: pruneFilters }).strict(), returns<VolumePrunePreview>()),
  /** `docker volume prune --force [--all] --filter label=…`. */
  'volumes.prune': command(z.object({ filters: pruneFilters }).strict(), returns<VolumePruneResult>()),
  /** `docker volume inspect NAME`. */
  'volumes.inspect': command(z.object({ name: volumeRef }).strict(), returns<InspectDocument>()),
  /**
   * The volume's whole content as a tar (entries `./…`, as `tar -cf - -C /data .` makes it): a
   * download like `containers.export` (save dialog, or a browser download; progress and cancel
   * through `transfers.*`; written to a temporary file, renamed when complete).
   */
  'volumes.backup': command(z.object({ name: volumeRef }).strict(), returns<DownloadStart>()),
  /**
   * A backup tar (or .tar.gz) into the volume: an upload like `images.import`. The whole archive is
   * checked before anything changes (nothing absolute, no `..`, nothing through a link, no devices).
   * `merge` keeps what is there (same names are replaced); `replace` empties the volume first (an
   * unused `local` volume without driver options only). Result: `{ volume, mode }`.
   */
  'volumes.restore': command(
    z.object({ name: volumeRef, source: uploadSource, mode: z.enum(['merge', 'replace'], { message: 'Choose merge or replace.' }) }).strict(),
    returns<UploadStart>(),
  ),
} as const;
