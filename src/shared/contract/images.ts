import { z } from 'zod';
import type { ImageChanges } from '../images/change-lines';
import { changeLineProblem } from '../images/change-lines';
import { repositoryProblem, splitRepoTag, tagProblem } from '../images/reference';
import type { CommitResult, ImagePruneResult, ImageRemoveResult, ImageSummary } from '../types/images';
import type { DownloadStart, UploadStart } from '../types/transfers';
import { command, returns } from './define';
import { containerRef, imageRef, noNul } from './schemas';
import { uploadSource } from './transfers';

const refine = (check: (value: string) => string | undefined) => (value: string, ctx: z.RefinementCtx) => {
  const problem = check(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
};

const repository = z.string().trim().superRefine(refine(repositoryProblem));
const tag = z.string().trim().superRefine(refine(tagProblem));
const changeLine = z.string().max(65536).superRefine(refine(changeLineProblem));
const changes = z.array(changeLine).max(1000).default([]);
const message = noNul(z.string().max(65536), 'A message').optional();

/** `repo:tag`, as `docker image rm` takes a tag to remove. */
const repoTag = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const { repository: repo, tag: tagPart } = splitRepoTag(value);
    const problem = repositoryProblem(repo) ?? (tagPart === undefined ? 'Name the tag to remove: repository:tag.' : tagProblem(tagPart));
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const target = { repository: repository.optional(), tag: tag.optional() };
const tagNeedsRepository = (value: { repository?: string | undefined; tag?: string | undefined }) =>
  value.tag === undefined || value.repository !== undefined;
const tagNeedsRepositoryMessage = { message: 'A tag needs a repository.', path: ['tag'] };

const labelFilter = z.string().regex(/^[^=\s]+(=[^\s]*)?$/, 'A label filter is key or key=value.');

export const imageCommands = {
  'images.list': command(z.object({ all: z.boolean().default(false) }), returns<ImageSummary[]>()),
  /** `docker image rm [--force]` of an id or a name. */
  'images.remove': command(z.object({ ref: imageRef, force: z.boolean().default(false) }).strict(), returns<ImageRemoveResult>()),
  /** `docker image rm repo:tag`: removes one name (and the image with it when it was the last one and unused). */
  'images.untag': command(z.object({ ref: repoTag }).strict(), returns<ImageRemoveResult>()),
  /** `docker image prune` (dangling images only), optionally only those with the given labels. */
  'images.prune': command(z.object({ labels: z.array(labelFilter).max(20).default([]) }).strict(), returns<ImagePruneResult>()),
  /** `docker import`: starts the upload; progress and the new image id come from `transfers.watch`. */
  'images.import': command(
    z
      .object({ source: uploadSource, ...target, message, changes })
      .strict()
      .refine(tagNeedsRepository, tagNeedsRepositoryMessage),
    returns<UploadStart>(),
  ),
  /** `docker export`: a tar of the container's filesystem, saved by the desktop app or downloaded by the browser. */
  'containers.export': command(z.object({ id: containerRef }).strict(), returns<DownloadStart>()),
  /** `docker commit`. */
  'containers.commit': command(
    z
      .object({
        id: containerRef,
        ...target,
        message,
        author: noNul(z.string().max(1024), 'An author').optional(),
        changes,
        pause: z.boolean().default(true),
      })
      .strict()
      .refine(tagNeedsRepository, tagNeedsRepositoryMessage),
    returns<CommitResult>(),
  ),
  /** A container's config (CMD, ENV, …) as a change form, to give an exported filesystem its config back. */
  'containers.imageConfig': command(z.object({ id: containerRef }).strict(), returns<ImageChanges>()),
} as const;
