// `files.list`, `files.stat` and `files.read` with a volume as the target: the container-side
// functions on a helper container (helper.ts), with paths mapped to and from the volume's own.
import type Docker from 'dockerode';
import type { DirectoryListing, FileContent, FileEntry, ListingMethod, ListingUpdate } from '../../../shared/types/files';
import { toBerthError } from '../core/errors';
import type { StreamDisposer, StreamSink } from '../core/stream-sink';
import { statPath } from '../files/archive';
import { listDirectory, readFile, scanDirectory } from '../files/list';
import { helperPath, holdVolumeHelper, inVolumeError, volumePath, withVolumeHelper, type HeldHelper } from './helper';

const VOLUME_LISTING: ListingMethod = { kind: 'archive', reason: 'volume' };

/** A folder of the volume; its archive is read (the helper never runs, so there is no exec listing). */
export function listVolumeFolder(docker: Docker, volume: string, folder: string, full: boolean): Promise<DirectoryListing> {
  return withVolumeHelper(docker, volume, async (id) => {
    const listing = await listDirectory(docker, id, helperPath(folder), full);
    return {
      ...listing,
      method: VOLUME_LISTING,
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

/**
 * `files.listing` of a volume's folder: its archive read through a helper container that lives as
 * long as the stream (removed when the listing ends, fails or is unsubscribed).
 */
export function watchVolumeListing(docker: Docker, volume: string, folder: string, sink: StreamSink<ListingUpdate>): StreamDisposer {
  const abort = new AbortController();
  let helper: HeldHelper | undefined;
  let outside: unknown;
  const inVolume = (entries: readonly FileEntry[]): FileEntry[] => entries.map((entry) => ({ ...entry, path: volumePath(entry.path, volume) }));
  const run = async (): Promise<void> => {
    helper = await holdVolumeHelper(docker, volume);
    if (abort.signal.aborted) return;
    const { id } = helper;
    try {
      const listing = await scanDirectory(docker, id, helperPath(folder), {
        via: 'archive',
        signal: abort.signal,
        onEntries: (entries, scannedBytes, resolved) => {
          // Called from the archive's stream events: a folder reached through a link out of the volume must not throw there.
          try {
            sink.data({ kind: 'entries', path: volumePath(resolved, volume), entries: inVolume(entries), scannedBytes, method: VOLUME_LISTING });
          } catch (err) {
            outside ??= err;
            abort.abort();
          }
        },
      });
      if (outside) throw outside;
      await helper.release();
      sink.data({ kind: 'done', path: volumePath(listing.path, volume), scannedBytes: listing.scannedBytes, method: VOLUME_LISTING });
      sink.end();
    } catch (err) {
      throw inVolumeError(outside ?? err, id, volume);
    }
  };
  run()
    .catch((err: unknown) => {
      if (!abort.signal.aborted || outside) sink.error(toBerthError(err).toShape());
    })
    .finally(() => void helper?.release());
  return () => {
    abort.abort();
    void helper?.release();
  };
}
