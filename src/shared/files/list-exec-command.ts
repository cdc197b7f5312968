/**
 * The exec that lists one folder level in a running container (main runs it; the Files tab shows
 * it as `docker exec`). The folder is an argument ("$1"), never part of a script.
 */
import { joinShellWords } from '../cli/shell-quote';

// No single quotes in the scripts: the CLI line quotes each in one pair of them.

/** Printed per batch of paths `find -exec … +` hands over; see main's files-list-parse.ts for the format. */
const LIST_SCRIPT = 'printf "N%d\\0" "$#"; printf "%s\\0" "$@"; exec stat -c "%f %s %Y %h %i %N" -- "$@"';

/**
 * Runs find on the folder ("$1") with the batch script ("$2") and ends with `E\0` only when find
 * succeeded: busybox find exits 0 even when it could not run the batch's command.
 */
const FIND_SCRIPT = 'find "$1" -mindepth 1 -maxdepth 1 -exec sh -c "$2" sh {} + && printf "E\\0"';

/** The exec's command (run as root, as the archive API reads): `sh -c FIND_SCRIPT sh FOLDER LIST_SCRIPT`. */
export function listExecCommand(folder: string): string[] {
  return ['sh', '-c', FIND_SCRIPT, 'sh', folder, LIST_SCRIPT];
}

/** That exec as the docker CLI line the Files tab shows. */
export function listExecCliLine(container: string, folder: string): string {
  return joinShellWords(['docker', 'exec', '-u', '0', container, ...listExecCommand(folder)]);
}
