import type Docker from 'dockerode';
import type { CommandHandlers } from '../handler-types';
import type { HostServices } from '../host';
import { BerthError } from '../../shared/errors';
import { commitContainer } from '../engine/image-commit';
import { containerImageConfig } from '../engine/image-config';
import { containerExportSource } from '../engine/image-export';
import { importImage } from '../engine/image-import';
import { pruneImages, removeImage, untagImage } from '../engine/images';
import { TAR_FILTERS } from '../transfers/dialogs';
import { startDownload } from '../transfers/download';
import type { TransferHub } from '../transfers/hub';
import { startUpload } from '../transfers/upload';

type ImageCommands = Pick<
  CommandHandlers,
  'images.remove' | 'images.untag' | 'images.prune' | 'images.import' | 'containers.export' | 'containers.commit' | 'containers.imageConfig'
>;

/** Images, export, import and commit: channel -> engine function, with transfers for the streamed ones. */
export function imageCommandHandlers(docker: Docker, hub: TransferHub, host: HostServices): ImageCommands {
  return {
    'images.remove': ({ ref, force }) => removeImage(docker, ref, force),
    'images.untag': ({ ref }) => untagImage(docker, ref),
    'images.prune': ({ labels }) => pruneImages(docker, labels),
    'containers.imageConfig': ({ id }) => containerImageConfig(docker, id),
    'containers.commit': ({ id, ...options }) => commitContainer(docker, id, options),
    'containers.export': async ({ id }) => {
      const { source, name } = await containerExportSource(docker, id);
      return startDownload(hub, host, { source, dialog: { purpose: 'export', filters: TAR_FILTERS }, task: { kind: 'export', subject: name } });
    },
    'images.import': ({ source, ...options }) =>
      startUpload(hub, host, {
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
