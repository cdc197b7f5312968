/** The docker CLI lines of the engine's disk usage (`docker system df`, `docker builder prune`), quoted for POSIX sh. */
import { joinShellWords } from './shell-quote';

export const systemDfCommand = (verbose: boolean): string => joinShellWords(['docker', 'system', 'df', ...(verbose ? ['-v'] : [])]);

export const builderPruneCommand = ({ all, until }: { all: boolean; until?: string | undefined }): string =>
  joinShellWords(['docker', 'builder', 'prune', '--force', ...(all ? ['--all'] : []), ...(until ? ['--filter', `until=${until}`] : [])]);
