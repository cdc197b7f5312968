// `files.list`, `files.stat` and `files.read` with a volume as the target: the container-side
// functions on a helper container (helper.ts), with paths mapped to and from the volume's own.
import type Docker from 'dockerode';
import type { DirectoryListing, FileContent, FileEntry } from '../../../shared/types/files';
import { statPath } from '../files/archive';
import { listDirectory, readFile } from '../files/list';
import { helperPath, volumePath, withVolumeHelper } from './helper';

/** A folder of the volume; its archive is read (the helper never runs, so there is no exec listing). */
export function listVolumeFolder(docker: Docker, volume: string, folder: string, full: boolean): Promise<DirectoryListing> {
  return withVolumeHelper(docker, volume, async (id) => {
    const listing = await listDirectory(docker, id, helperPath(folder), full);
    return {
      ...listing,
      path: volumePath(listing.path, volume),
      entries: listing.entries.map((entry) => ({ ...entry, path: volumePath(entry.path, volume) })),
    };
  });
}

export function statVolumePath(docker: Docker, volume: string, target: string): Promise<FileEntry> {
  return withVolumeHelper(docker, volume, async (id) => {
    // A link is described, not followed (as for a container): where it resolves is left out.
    const { resolvedTarget: _resolved, ...entry } = await statPath(docker, id, helperPath(target));
    return { ...entry, path: volumePath(entry.path, volume) };
  });
}

export function readVolumeFile(docker: Docker, volume: string, file: string, maxBytes: number): Promise<FileContent> {
  return withVolumeHelper(docker, volume, async (id) => {
    const content = await readFile(docker, id, helperPath(file), maxBytes);
    return { ...content, path: volumePath(content.path, volume) };
  });
}
