import type { CommandHandlers, HandlerContext } from '../handler-types';
import { previewVolumePrune, pruneVolumes } from '../engine/volumes/prune';
import { createVolume, inspectVolume, listVolumes, removeVolume } from '../engine/volumes/volumes';

type VolumeCommands = Pick<
  CommandHandlers,
  'volumes.list' | 'volumes.create' | 'volumes.remove' | 'volumes.prunePreview' | 'volumes.prune' | 'volumes.inspect'
>;

/** `docker volume …`: channel -> engine function. */
export function volumeCommandHandlers({ engine: { docker } }: HandlerContext): VolumeCommands {
  return {
    'volumes.list': ({ size }) => listVolumes(docker, size),
    'volumes.create': (spec) => createVolume(docker, spec),
    'volumes.remove': ({ name, force }) => removeVolume(docker, name, force),
    'volumes.prunePreview': ({ filters }) => previewVolumePrune(docker, filters),
    'volumes.prune': ({ filters }) => pruneVolumes(docker, filters),
    'volumes.inspect': ({ name }) => inspectVolume(docker, name),
  };
}
