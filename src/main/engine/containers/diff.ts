/**
 * `docker diff`, and one changed file against the image's version of it. The image's version is
 * read through the archive API of a temporary container created from the container's image,
 * never started, and removed right after (an image's files cannot be read any other way without
 * exporting the whole image).
 */
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { extract as tarExtract } from 'tar-stream';
import { BerthError } from '../../../shared/errors';
import type { ChangeKind, ContainerChange, DiffSide, FileDiff } from '../../../shared/types/files';
import { engineCall } from '../core/errors';
import { archiveError, getArchive, normalizeContainerPath, statIfExists } from '../files/archive';
import { readFileBytes } from '../files/list';
import { decodeText } from '../files/text-content';

/** Bytes read of each side at most. */
const DIFF_LIMIT_BYTES = 1024 * 1024;
/** Marks Berth's short-lived helper containers. */
const TEMPORARY_LABEL = 'berth.temporary';

const KINDS: Record<number, ChangeKind> = { 0: 'changed', 1: 'added', 2: 'deleted' };

export async function containerChanges(docker: Docker, id: string): Promise<ContainerChange[]> {
  const raw: unknown = await engineCall(() => docker.getContainer(id).changes(), { action: `list the changes of container ${id}` });
  // The engine answers `null` for no changes, which dockerode passes on as a raw buffer.
  if (!Array.isArray(raw)) return [];
  return (raw as Array<{ Path: string; Kind: number }>).map((change) => ({ path: change.Path, kind: KINDS[change.Kind] ?? 'changed' }));
}

/** A symlink's stored target, from its (single, bodiless) tar header. */
async function readLinkTarget(docker: Docker, id: string, linkPath: string): Promise<string> {
  const archive = await getArchive(docker, id, linkPath);
  return new Promise((resolve, reject) => {
    const extract = tarExtract();
    const done = (err: unknown, target?: string): void => {
      archive.destroy();
      extract.destroy();
      if (err) reject(archiveError(err, id, linkPath));
      else resolve(target ?? '');
    };
    extract.on('entry', (header) => done(undefined, header.linkname ?? ''));
    extract.on('finish', () => done(undefined, ''));
    extract.on('error', (err: Error) => done(err));
    (archive as Readable).on('error', (err) => done(err));
    archive.pipe(extract);
  });
}

/** One side of the diff, read from container `id` (the user's or the temporary one). */
async function readSide(docker: Docker, id: string, filePath: string, limit: number): Promise<DiffSide> {
  const stat = await statIfExists(docker, id, filePath);
  if (!stat) return { state: 'missing' };
  if (stat.kind === 'directory') return { state: 'directory' };
  if (stat.kind === 'symlink') return { state: 'symlink', target: await readLinkTarget(docker, id, filePath) };
  if (stat.kind !== 'file') return { state: 'binary', size: stat.size };
  const { bytes, size } = await readFileBytes(docker, id, filePath, limit);
  const truncated = size > bytes.length;
  const decoded = decodeText(bytes, truncated);
  return decoded.kind === 'text' ? { state: 'text', size, text: decoded.text, truncated } : { state: 'binary', size };
}

/** Runs `read` against a never-started container of `image`, removing it afterwards whatever happens. */
async function withImageContainer<T>(docker: Docker, image: string, read: (tempId: string) => Promise<T>): Promise<T> {
  const temp = await engineCall(
    () =>
      docker.createContainer({
        Image: image,
        // Never run: a command is only given so that images without CMD can be created.
        Cmd: ['/berth-never-started'],
        Labels: { [TEMPORARY_LABEL]: 'diff' },
        NetworkDisabled: true,
      }),
    { action: 'create a temporary container to read the image' },
  );
  try {
    return await read(temp.id);
  } finally {
    await temp.remove({ force: true, v: true }).catch(() => undefined);
  }
}

/** A changed file of container `id` next to the same path in its image. */
export async function diffWithImage(docker: Docker, id: string, filePath: string, limit = DIFF_LIMIT_BYTES): Promise<FileDiff> {
  const fullPath = normalizeContainerPath(filePath);
  const info = await engineCall(() => docker.getContainer(id).inspect(), { action: `inspect container ${id}` });
  const container = await readSide(docker, id, fullPath, limit);
  const image = await withImageContainer(docker, info.Image, (tempId) => readSide(docker, tempId, fullPath, limit)).catch((err: unknown) => {
    if (err instanceof BerthError && err.code === 'NOT_FOUND' && /image/i.test(err.message)) {
      throw new BerthError('NOT_FOUND', `The image of container ${id} is no longer on this engine, so there is nothing to compare with.`);
    }
    throw err;
  });
  return { path: fullPath, image, container, limitBytes: limit };
}
