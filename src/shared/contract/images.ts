import { z } from 'zod';
import { repositoryProblem, splitRepoTag, tagProblem } from '../images/reference';
import type { ImagePrunePreview, ImagePruneResult, ImageRemoveResult, ImageSummary } from '../types/images';
import type { InspectDocument } from '../types/inspect';
import type { UploadStart } from '../types/transfers';
import { command, returns } from './define';
import { labelFilter, imageChanges, imageMessage, imageRef, imageTarget, tagNeedsRepository, tagNeedsRepositoryMessage } from './schemas';
import { uploadSource } from './transfers';

/** `repo:tag`, as `docker image rm` takes a tag to remove. */
const repoTag = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const { repository: repo, tag: tagPart } = splitRepoTag(value);
    const problem = repositoryProblem(repo) ?? (tagPart === undefined ? 'Name the tag to remove: repository:tag.' : tagProblem(tagPart));
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const imagePrune = z
  .object({
    labels: z.array(labelFilter).max(20).default([]),
    /** `-a`: every image no container (in any state) uses, not only dangling ones. */
    all: z.boolean().default(false),
  })
  .strict();

export const imageCommands = {
  'images.list': command(z.object({ all: z.boolean().default(false) }), returns<ImageSummary[]>()),
  /** `docker image rm [--force]` of an id or a name. */
  'images.remove': command(z.object({ ref: imageRef, force: z.boolean().default(false) }).strict(), returns<ImageRemoveResult>()),
  /** `docker image rm repo:tag`: removes one name (and the image with it when it was the last one and unused). */
  'images.untag': command(z.object({ ref: repoTag }).strict(), returns<ImageRemoveResult>()),
  /** `docker image prune [-a]`: dangling images, or with `all` every image no container uses; optionally only those with the given labels. */
  'images.prune': command(imagePrune, returns<ImagePruneResult>()),
  /** What `docker image prune [-a] --filter label=…` would remove now, with the space it frees. */
  'images.prunePreview': command(imagePrune, returns<ImagePrunePreview>()),
  /** `docker image inspect IMAGE` (a name[:tag], name@digest or id). */
  'images.inspect': command(z.object({ id: imageRef }), returns<InspectDocument>()),
  /** `docker import`: starts the upload; progress and the new image id come from `transfers.watch`. */
  'images.import': command(
    z
      .object({ source: uploadSource, ...imageTarget, message: imageMessage, changes: imageChanges })
      .strict()
      .refine(tagNeedsRepository, tagNeedsRepositoryMessage),
    returns<UploadStart>(),
  ),
} as const;
