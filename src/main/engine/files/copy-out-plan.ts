/**
 * What `files.copyOut` needs of its target once the path is checked, the same for a container and
 * a volume (engine/volumes/copy-out.ts): the path as the user named it, and the three ways it can
 * leave (the archive, a file's content, a safe extraction onto the host).
 */
import type Docker from 'dockerode';
import type { CopyOutResult } from '../../../shared/types/files';
import type { DownloadSource } from '../core/download-source';
import { prepareCopyOut, runCopyOut, type CopyOutSource, type TransferControl } from './copy-out';
import { archiveSource, fileContentSource, removedDuringCopy } from './download';

export interface CopyOutPlan {
  /** The checked source, with its path as the user knows it. */
  source: CopyOutSource;
  archive(): DownloadSource;
  fileContent(): DownloadSource;
  toHost(hostPath: string, overwrite: boolean, control: TransferControl): Promise<CopyOutResult>;
  /** After a complete copy to the host: what the user should know. */
  warningsAfter(): Promise<string[]>;
}

export async function planContainerCopyOut(docker: Docker, id: string, containerPath: string): Promise<CopyOutPlan> {
  const source = await prepareCopyOut(docker, id, containerPath);
  return {
    source,
    archive: () => archiveSource(docker, id, source),
    fileContent: () => fileContentSource(docker, id, source),
    toHost: (hostPath, overwrite, control) => runCopyOut(docker, id, source, hostPath, overwrite, control),
    warningsAfter: () => removedDuringCopy(docker, id, source.path),
  };
}
