/**
 * A download read from a volume through a helper container that lives exactly as long as the
 * stream: created when the stream is opened (a browser download's ticket that is never used
 * creates none), removed before a complete stream ends, and when it fails or is cancelled.
 */
import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import type { DownloadSource } from '../core/download-source';
import { holdVolumeHelper, inVolumeError } from './helper';

export function heldHelperDownload(
  docker: Docker,
  volume: string,
  described: Pick<DownloadSource, 'filename' | 'contentType'>,
  sourceFor: (helperId: string) => DownloadSource,
): DownloadSource {
  let inner: DownloadSource | undefined;
  return {
    ...described,
    attributesAfter: () => inner?.attributesAfter?.(),
    async open(signal) {
      const helper = await holdVolumeHelper(docker, volume);
      inner = sourceFor(helper.id);
      const stream = await inner.open(signal).catch(async (err: unknown) => {
        await helper.release();
        throw inVolumeError(err, helper.id, volume);
      });
      const out = new PassThrough();
      stream.on('error', (err) => {
        void helper.release().then(() => out.destroy(inVolumeError(err, helper.id, volume)));
      });
      // Ended only once the helper is gone: a finished transfer leaves nothing behind.
      stream.on('end', () => {
        void helper.release().then(() => out.end());
      });
      out.on('close', () => {
        stream.destroy();
        void helper.release();
      });
      stream.pipe(out, { end: false });
      return out;
    },
  };
}
