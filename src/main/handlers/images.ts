import { BerthError } from '../../shared/errors';
import type { CommandHandlers, HandlerContext } from '../handler-types';
import { importImage } from '../engine/images/import';
import { listImages, pruneImages, removeImage, untagImage } from '../engine/images/images';
import { inspectImage } from '../engine/images/inspect';
import { previewImagePrune } from '../engine/images/prune';
import { startUpload } from '../transfers/upload';

type ImageCommands = Pick<
  CommandHandlers,
  'images.list' | 'images.inspect' | 'images.remove' | 'images.untag' | 'images.prune' | 'images.prunePreview' | 'images.import'
>;

/** The local images and `docker import`: channel -> engine function (pull, push and tag: handlers/registries.ts). */
export function imageCommandHandlers({ engine: { docker }, host, transfers }: HandlerContext): ImageCommands {
  return {
    'images.list': ({ all }) => listImages(docker, all),
    'images.inspect': ({ id }) => inspectImage(docker, id),
    'images.remove': ({ ref, force }) => removeImage(docker, ref, force),
    'images.untag': ({ ref }) => untagImage(docker, ref),
    'images.prune': ({ labels, all }) => pruneImages(docker, labels, all),
    'images.prunePreview': ({ labels, all }) => previewImagePrune(docker, all, labels),
    'images.import': ({ source, ...options }) =>
      startUpload(transfers, host, {
        source,
        check: ({ name, sizeBytes }) => {
          if (sizeBytes === 0) throw new BerthError('INVALID_INPUT', `${name} is empty: docker import needs a tar archive.`);
        },
        consume: async (body, signal) => {
          const { imageId, reference } = await importImage(docker, body, options, signal);
          return { result: { imageId, ...(reference ? { reference } : {}) } };
        },
        task: { kind: 'import', subject: options.repository ?? (source.kind === 'upload' ? source.filename : 'image') },
      }),
  };
}
