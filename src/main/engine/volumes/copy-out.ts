/**
 * `files.copyOut` from a volume: the path is checked through one helper container, and each way
 * out reads through its own, which lives as long as the copy (removed when it ends, fails or is
 * cancelled). The whole volume leaves as a backup (backup.ts), not as a folder.
 */
import path from 'node:path';
import type Docker from 'dockerode';
import { BerthError } from '../../../shared/errors';
import type { CopyOutPlan } from '../files/copy-out-plan';
import { prepareCopyOut, runCopyOut } from '../files/copy-out';
import { archiveSource, fileContentSource } from '../files/download';
import { normalizeContainerPath } from '../files/archive';
import { heldHelperDownload } from './held-download';
import { helperPath, volumePath, withVolumeHelper } from './helper';

export async function planVolumeCopyOut(docker: Docker, volume: string, target: string): Promise<CopyOutPlan> {
  if (normalizeContainerPath(target) === '/') {
    throw new BerthError('INVALID_INPUT', `The whole of volume ${volume} is copied out with Back up (a .tar of all of it), not as a folder.`);
  }
  const inHelper = await withVolumeHelper(docker, volume, (id) => prepareCopyOut(docker, id, helperPath(target)));
  const source = { ...inHelper, path: volumePath(inHelper.path, volume) };
  const name = path.posix.basename(source.path);
  return {
    source,
    archive: () =>
      heldHelperDownload(docker, volume, { filename: `${name}.tar`, contentType: 'application/x-tar' }, (id) => archiveSource(docker, id, inHelper)),
    fileContent: () =>
      heldHelperDownload(docker, volume, { filename: name, contentType: 'application/octet-stream' }, (id) => fileContentSource(docker, id, inHelper)),
    toHost: (hostPath, overwrite, control) => withVolumeHelper(docker, volume, (id) => runCopyOut(docker, id, inHelper, hostPath, overwrite, control)),
    warningsAfter: async () => [],
  };
}
