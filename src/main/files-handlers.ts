import type Docker from 'dockerode';
import type { CommandHandlers, StreamHandlers } from './handlers';
import { containerChanges, diffWithImage } from './engine/diff';
import { statPath } from './engine/files-archive';
import { findConflicts } from './engine/files-copy-in';
import { listDirectory, readFile, watchListing } from './engine/files-list';

type FileCommands = Pick<CommandHandlers, 'files.list' | 'files.stat' | 'files.read' | 'files.conflicts' | 'containers.diff' | 'files.diffWithImage'>;
type FileStreams = Pick<StreamHandlers, 'files.listing'>;

/** The Files and Changes tabs: browsing, reading, `docker diff`, and the copy checks. */
export function fileCommandHandlers(docker: Docker): FileCommands {
  return {
    'files.list': ({ id, path, full }) => listDirectory(docker, id, path, full),
    'files.stat': async ({ id, path }) => {
      const { resolvedTarget: _resolved, ...entry } = await statPath(docker, id, path);
      return entry;
    },
    'files.read': ({ id, path, maxBytes }) => readFile(docker, id, path, maxBytes),
    'files.conflicts': async ({ id, destination, names }) => {
      const { folder: _folder, ...conflicts } = await findConflicts(docker, id, destination, names);
      return conflicts;
    },
    'containers.diff': ({ id }) => containerChanges(docker, id),
    'files.diffWithImage': ({ id, path }) => diffWithImage(docker, id, path),
  };
}

export function fileStreamHandlers(docker: Docker): FileStreams {
  return {
    'files.listing': ({ id, path }, sink) => watchListing(docker, id, path, sink),
  };
}
