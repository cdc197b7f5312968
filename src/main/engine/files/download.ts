/**
 * Files out of a container as byte streams for a transfer (transfers/download.ts writes them to a
 * file chosen in a save dialog, or serves them to a browser): one file's content, or a path's
 * archive as a .tar. Both fail, rather than end, when the engine's stream is cut short, so a partial
 * copy is never saved as complete.
 */
import path from 'node:path';
import { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { extract as tarExtract } from 'tar-stream';
import { BerthError } from '../../../shared/errors';
import type { DownloadSource } from '../core/download-source';
import { coalesceChunks } from '../core/coalesce';
import { archiveRootName, getArchive, type PathStat } from './archive';
import { containerGone } from './copy-in';
import { midStreamError } from '../containers/export';
import { tarCompletenessCheck } from './tar-completeness';

/** What to say when the container went away during a copy out that still completed. */
export async function removedDuringCopy(docker: Docker, id: string, what: string): Promise<string[]> {
  return (await containerGone(docker, id)) ? [`Container ${id} was removed during the copy; ${what} had been read completely, so the copy is whole.`] : [];
}

/** A file's content: the body of the single regular-file entry of its archive, checked to be exactly that. */
export function fileContentSource(docker: Docker, id: string, file: PathStat): DownloadSource {
  const expected = archiveRootName(file.path);
  let attributes: { mode: number; mtime: Date } | undefined;
  return {
    filename: path.posix.basename(file.path),
    contentType: 'application/octet-stream',
    warningsAfter: () => removedDuringCopy(docker, id, file.path),
    // Permission bits only, as a folder copied out gets them (safe-extract.ts).
    attributesAfter: () => attributes,
    async open(signal) {
      const archive = await getArchive(docker, id, file.path, signal);
      const out = coalesceChunks();
      const extract = tarExtract();
      let seen = false;
      const fail = (err: unknown): void => {
        archive.destroy();
        extract.destroy();
        out.destroy(err instanceof BerthError ? err : midStreamError(err, `copy of ${file.path}`));
      };
      extract.on('entry', (header, body, next) => {
        if (seen || header.name.replace(/\/+$/, '') !== expected || (header.type !== 'file' && header.type !== 'contiguous-file')) {
          return fail(new BerthError('INTERNAL', `The engine sent something other than the file ${file.path}; nothing was saved.`));
        }
        seen = true;
        if (typeof header.mode === 'number' && header.mtime instanceof Date) attributes = { mode: header.mode & 0o777, mtime: header.mtime };
        const expectedSize = header.size ?? 0;
        let got = 0;
        const content = Readable.from(body as AsyncIterable<Buffer>);
        content.on('data', (chunk: Buffer) => {
          got += chunk.length;
          if (!out.write(chunk)) content.pause();
        });
        out.on('drain', () => content.resume());
        content.on('error', fail);
        content.on('end', () => {
          if (got !== expectedSize) return fail(new BerthError('INTERNAL', `The copy of ${file.path} ended early; nothing was saved.`));
          out.end();
          archive.destroy();
          next();
        });
      });
      extract.on('finish', () => {
        if (!seen) fail(new BerthError('INTERNAL', `The engine's archive of ${file.path} was empty; nothing was saved.`));
      });
      extract.on('error', fail);
      archive.on('error', fail);
      archive.on('close', () => {
        if (!archive.readableEnded && !out.writableEnded) fail({ code: 'ECONNRESET' });
      });
      out.on('close', () => archive.destroy());
      archive.pipe(extract);
      return out;
    },
  };
}

/** A path's archive exactly as the engine makes it (`docker cp CONTAINER:PATH - > NAME.tar`). */
export function archiveSource(docker: Docker, id: string, item: PathStat): DownloadSource {
  const name = item.path === '/' ? 'root' : path.posix.basename(item.path);
  return {
    filename: `${name}.tar`,
    contentType: 'application/x-tar',
    warningsAfter: () => removedDuringCopy(docker, id, item.path),
    async open(signal) {
      const archive = await getArchive(docker, id, item.path, signal);
      const checked = tarCompletenessCheck(() => new BerthError('INTERNAL', `The archive of ${item.path} ended early: it is incomplete, nothing was saved.`));
      archive.on('error', (err) => checked.destroy(midStreamError(err, `copy of ${item.path}`)));
      archive.on('close', () => {
        if (!archive.readableEnded) checked.destroy(midStreamError({ code: 'ECONNRESET' }, `copy of ${item.path}`));
      });
      checked.on('close', () => archive.destroy());
      return archive.pipe(checked);
    },
  };
}
