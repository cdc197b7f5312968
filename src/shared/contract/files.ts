import { z } from 'zod';
import type { CopiedOut, CopyConflicts, DirectoryListing, FileContent, FileDiff, FileEntry, ListingUpdate, PickedItem } from '../types/files';
import type { DownloadStart, UploadStart } from '../types/transfers';
import { command, returns, stream } from './define';
import { absoluteContainerPath, containerRef } from './schemas';
import { volumeRef } from './volumes';

/** One name inside a folder: no separators, not `.` or `..`. */
const entryName = z
  .string()
  .min(1, 'A name is required.')
  .max(255)
  .refine((value) => !/[/\0]/.test(value), 'A name cannot contain / or a NUL byte.')
  .refine((value) => value !== '.' && value !== '..', 'A name cannot be . or ..');

const onePath = z.object({ id: containerRef, path: absoluteContainerPath });

/**
 * A path in a container (`id`) or in a volume (`volume`; `/` is the volume's root, read through a
 * short-lived helper container that is never started): exactly one of the two.
 */
const containerOrVolumePath = z.object({ id: containerRef.optional(), volume: volumeRef.optional(), path: absoluteContainerPath });
const oneTarget = (input: { id?: string | undefined; volume?: string | undefined }): boolean => (input.id === undefined) !== (input.volume === undefined);
const oneTargetMessage = 'Name either a container (id) or a volume, not both.';

const itemHandle = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'Not a file handle (choose the files again).');
const replaceToken = z.string().regex(/^[A-Za-z0-9_-]{40,64}$/, 'Not a replace token (start the download again).');

/**
 * What `files.copyIn` sends. Desktop: files and folders the user chose or dropped, by handle
 * (`files.pickItems`, or the preload's `pathsForFiles` for a drop). Browser mode: a tar the page
 * builds from the dropped or chosen files (names = its top-level names), POSTed to the returned
 * `uploadUrl`.
 */
const copyInSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('items'), handles: z.array(itemHandle).min(1, 'Choose at least one file or folder.').max(1000) }).strict(),
  z
    .object({
      kind: z.literal('upload'),
      names: z.array(entryName).min(1, 'Choose at least one file or folder.').max(10_000),
      // A tar is at least its two end blocks.
      sizeBytes: z.number().int().min(1024, 'Not a tar archive.').max(Number.MAX_SAFE_INTEGER),
      /** The sum of the sizes of the files in it: progress counts these (the user's bytes), not the tar's. Without it the progress has no total. */
      fileBytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    })
    .strict(),
]);

/**
 * `files.copyOut`'s answer: a started download (with what is being copied, for its CLI line), a
 * dismissed dialog, or a destination that exists already.
 */
export type CopyOutStart =
  | (Extract<DownloadStart, { status: 'started' }> & { copied: CopiedOut })
  | { status: 'dismissed' }
  | { status: 'exists'; name: string; folder: string; replaceToken: string };

export const fileCommands = {
  /** A folder's direct children, read from the archive API (works on stopped, shell-less containers). */
  'files.list': command(containerOrVolumePath.extend({ full: z.boolean().default(false) }).refine(oneTarget, oneTargetMessage), returns<DirectoryListing>()),
  /** One path's metadata (`HEAD /containers/{id}/archive`). */
  'files.stat': command(containerOrVolumePath.refine(oneTarget, oneTargetMessage), returns<FileEntry>()),
  /** A file's content for the read-only viewer: capped, binary detected and not returned. */
  'files.read': command(
    containerOrVolumePath
      .extend({
        maxBytes: z
          .number()
          .int()
          .min(1)
          .max(8 * 1024 * 1024)
          .default(1024 * 1024),
      })
      .refine(oneTarget, oneTargetMessage),
    returns<FileContent>(),
  ),
  /** Which of `names` already exist in the destination folder (asked before copying in). */
  'files.conflicts': command(
    z
      .object({ id: containerRef.optional(), volume: volumeRef.optional(), destination: absoluteContainerPath, names: z.array(entryName).min(1).max(10_000) })
      .refine(oneTarget, oneTargetMessage),
    returns<CopyConflicts>(),
  ),
  /** Desktop app: a native dialog for several files, or folders, to copy in. Browser mode: INVALID_INPUT (the page uploads). */
  'files.pickItems': command(z.object({ folders: z.boolean().default(false) }).strict(), returns<PickedItem[]>()),
  /** `docker cp HOST... CONTAINER:DEST/`: a transfer (progress and cancel through `transfers.*`); into a volume through a helper container that lives as long as the copy. */
  'files.copyIn': command(
    z
      .object({
        id: containerRef.optional(),
        volume: volumeRef.optional(),
        destination: absoluteContainerPath,
        overwrite: z.boolean().default(false),
        source: copyInSource,
      })
      .refine(oneTarget, oneTargetMessage),
    returns<UploadStart>(),
  ),
  /**
   * `docker cp CONTAINER:PATH HOST`: a file through a save dialog, a folder through a folder picker
   * (extracted safely), or with `format: 'tar'` (and always for a folder in browser mode) the
   * archive itself. When the folder's copy exists on the host, the answer is `exists`; calling again
   * with its `replaceToken` replaces it. From a volume (`volume` instead of `id`) through a helper
   * container that lives as long as the copy; the volume's root is refused (that is `volumes.backup`).
   */
  'files.copyOut': command(
    containerOrVolumePath.extend({ format: z.enum(['auto', 'tar']).default('auto'), replace: replaceToken.optional() }).refine(oneTarget, oneTargetMessage),
    returns<CopyOutStart>(),
  ),
  /** A changed file against the image's version, read from a temporary never-started container. */
  'files.diffWithImage': command(onePath, returns<FileDiff>()),
} as const;

export const fileStreams = {
  /**
   * A folder's direct children in batches while its archive is read, then `done`. The engine
   * streams the folder's whole subtree: unsubscribing stops reading it. A volume's folder is read
   * through a helper container that lives as long as the stream.
   */
  'files.listing': stream(containerOrVolumePath.refine(oneTarget, oneTargetMessage), returns<ListingUpdate>(), { resumable: true }),
} as const;
