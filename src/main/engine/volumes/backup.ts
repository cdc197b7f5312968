/**
 * `volumes.backup`: a volume's whole content as one tar, as `tar -cf - -C /data .` makes it in a
 * container that mounts the volume at /data (entries `./`, `./a`, `./sub/b`, with their modes,
 * owners and times), so the CLI restores it and Berth restores the CLI's. Read through the archive
 * API of a helper container that lives as long as the download.
 */
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { BerthError } from '../../../shared/errors';
import type { DownloadSource } from '../core/download-source';
import { midStreamError } from '../containers/export';
import { archiveError } from '../files/archive';
import { tarCompletenessCheck } from '../files/tar-completeness';
import { heldHelperDownload } from './held-download';
import { helperPath } from './helper';
import { existingVolume } from './volumes';

/** The volume's root with `/.`: the engine then names the entries relative to it (`./a`), not `berth-volume/a`. */
const contentOf = (root: string): string => `${root}/.`;

export async function volumeBackupSource(docker: Docker, volume: string): Promise<DownloadSource> {
  // Refused here, before a save dialog opens, rather than once the download starts.
  await existingVolume(docker, volume);
  const described = { filename: `${volume}.tar`, contentType: 'application/x-tar' };
  return heldHelperDownload(docker, volume, described, (id) => ({
    ...described,
    async open(signal) {
      const path = contentOf(helperPath('/'));
      // getArchive() would normalise the trailing `/.` away.
      const archive = (await docker
        .getContainer(id)
        .getArchive({ path, abortSignal: signal })
        .catch((err: unknown) => {
          throw archiveError(err, id, path);
        })) as Readable;
      const checked = tarCompletenessCheck(
        () => new BerthError('INTERNAL', `The backup of volume ${volume} ended early: it is incomplete, nothing was saved.`),
      );
      archive.on('error', (err) => checked.destroy(midStreamError(err, `backup of volume ${volume}`)));
      archive.on('close', () => {
        if (!archive.readableEnded) checked.destroy(midStreamError({ code: 'ECONNRESET' }, `backup of volume ${volume}`));
      });
      checked.on('close', () => archive.destroy());
      return archive.pipe(checked);
    },
  }));
}
