import { BerthError } from '../../shared/errors';
import type { CommandHandlers, HandlerContext } from '../handler-types';
import { volumeBackupSource } from '../engine/volumes/backup';
import { checkReplaceable, restoreVolume } from '../engine/volumes/restore';
import { TAR_FILTERS } from '../transfers/dialogs';
import { startDownload } from '../transfers/download';
import { startUpload } from '../transfers/upload';
import { previewVolumePrune, pruneVolumes } from '../engine/volumes/prune';
import { createVolume, existingVolume, inspectVolume, listVolumes, removeVolume } from '../engine/volumes/volumes';

type VolumeCommands = Pick<
  CommandHandlers,
  'volumes.list' | 'volumes.create' | 'volumes.remove' | 'volumes.prunePreview' | 'volumes.prune' | 'volumes.inspect' | 'volumes.backup' | 'volumes.restore'
>;

/** `docker volume …`: channel -> engine function. */
export function volumeCommandHandlers({ engine: { docker }, host, transfers }: HandlerContext): VolumeCommands {
  return {
    'volumes.list': ({ size }) => listVolumes(docker, size),
    'volumes.create': (spec) => createVolume(docker, spec),
    'volumes.remove': ({ name, force }) => removeVolume(docker, name, force),
    'volumes.prunePreview': ({ filters }) => previewVolumePrune(docker, filters),
    'volumes.prune': ({ filters }) => pruneVolumes(docker, filters),
    'volumes.inspect': ({ name }) => inspectVolume(docker, name),
    'volumes.backup': async ({ name }) =>
      startDownload(transfers, host, {
        source: await volumeBackupSource(docker, name),
        dialog: { purpose: 'export', filters: TAR_FILTERS, title: `Back up volume ${name}` },
        task: { kind: 'export', subject: name },
      }),
    'volumes.restore': async ({ name, source, mode }) => {
      // Refused before the user's file is read: a missing volume, or one that cannot be emptied.
      if (mode === 'replace') await checkReplaceable(docker, name);
      else await existingVolume(docker, name);
      return startUpload(transfers, host, {
        source,
        check: ({ name: file, sizeBytes }) => {
          if (sizeBytes === 0) throw new BerthError('INVALID_INPUT', `${file} is empty: a backup is a tar archive.`);
        },
        consume: async (body, signal) => {
          await restoreVolume(docker, name, mode, body, signal);
          return { result: { volume: name, mode } };
        },
        task: { kind: 'import', subject: name },
      });
    },
  };
}
