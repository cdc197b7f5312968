import type { CopiedOut } from '../../../shared/types/files';
import { browserCopyInCommand, copyInCommand, copyOutCommand, fileListCommand, fileViewCommand, type CopyOutDestination } from '../../../shared/cli/files';
import { execListCommand } from '../../../shared/cli/files';
import { throughVolumeHelper, VOLUME_HELPER_NAME, volumeHelperPath } from '../../../shared/cli/volumes';

/** Whose files the browser shows: a container's, or a volume's (through a helper container main makes for each read or copy). */
export type FileTarget = { kind: 'container'; id: string; name: string; state: string } | { kind: 'volume'; name: string };

/** The target as `files.*` inputs name it. */
export const targetInput = (target: FileTarget): { id: string } | { volume: string } =>
  target.kind === 'container' ? { id: target.id } : { volume: target.name };

/** The target as two primitives (for effect dependencies): exactly one is set. */
export const targetParts = (target: FileTarget): { id: string | undefined; volume: string | undefined } =>
  target.kind === 'container' ? { id: target.id, volume: undefined } : { id: undefined, volume: target.name };

/** The `files.*` input of `targetParts`. */
export const inputOf = (id: string | undefined, volume: string | undefined): { id: string } | { volume: string } =>
  id !== undefined ? { id } : { volume: volume ?? '' };

/** The docker CLI lines of what the browser does, for either kind of target. */
export interface TargetLines {
  list(path: string, viaExec: boolean): string;
  view(path: string): string;
  copyIn(hostPaths: readonly string[], destination: string): string;
  browserCopyIn(names: readonly string[], destination: string): string;
  copyOut(copied: CopiedOut, destination: CopyOutDestination): string;
}

export function targetLines(target: FileTarget): TargetLines {
  if (target.kind === 'container') {
    const name = target.name;
    return {
      list: (path, viaExec) => (viaExec ? execListCommand(name, path) : fileListCommand(name, path)),
      view: (path) => fileViewCommand(name, path),
      copyIn: (hostPaths, destination) => copyInCommand(name, hostPaths, destination),
      browserCopyIn: (names, destination) => browserCopyInCommand(name, names, destination),
      copyOut: (copied, destination) => copyOutCommand(name, copied, destination),
    };
  }
  const helper = VOLUME_HELPER_NAME;
  const wrap = (line: string): string => throughVolumeHelper(target.name, line);
  return {
    list: (path) => wrap(fileListCommand(helper, volumeHelperPath(path))),
    view: (path) => wrap(fileViewCommand(helper, volumeHelperPath(path))),
    copyIn: (hostPaths, destination) => wrap(copyInCommand(helper, hostPaths, volumeHelperPath(destination))),
    browserCopyIn: (names, destination) => wrap(browserCopyInCommand(helper, names, volumeHelperPath(destination))),
    copyOut: (copied, destination) => wrap(copyOutCommand(helper, { ...copied, path: volumeHelperPath(copied.path) }, destination)),
  };
}
