/**
 * What an untrusted archive has put into its (empty) extraction folder so far, and whether the
 * next entry may follow. Symbolic links are judged by where they lead in that tree, followed hop
 * by hop through the links already accepted (as the kernel would, up to 40 hops), not by string
 * arithmetic on the target: `d/e/s -> ../..` then `x -> d/e/s/../../..` normalizes to inside the
 * item but leads out of it.
 *
 * Order must not matter, so the tree only ever grows in ways that cannot change where an accepted
 * link leads:
 *  - `..` is taken only out of a folder that exists in the tree; after a name that does not exist
 *    (yet) or a file, a later symlink of that name could make `..` land anywhere, so it is refused;
 *  - nothing replaces a symlink, and a symlink never replaces a folder;
 *  - nothing is written below a symlink.
 * A name that does not exist yet may still be passed through (`lib.so -> lib.so.1`, created
 * later): whatever is created there later is itself a link that stays inside, or a plain entry.
 * Leaving the item's root at any point is leaving it (even `../item/x`: the copy may get another
 * name on the host).
 */
import { windowsNameProblem } from './windows-names';

const MAX_LINK_HOPS = 40;
const ALLOWED_TYPES = new Set(['File', 'OldFile', 'ContiguousFile', 'Directory', 'SymbolicLink', 'Link']);

export interface EntryFacts {
  path: string;
  type: string;
  linkpath?: string;
}

/** Only folders and links are remembered: they are all that decides where a link leads (files may be many). */
type NodeKind = { kind: 'directory' } | { kind: 'symlink'; target: string };

/** Path segments of a tar name, without empty and `.` segments. */
export function segments(name: string): string[] {
  return name.split('/').filter((part) => part !== '' && part !== '.');
}

export function isAbsoluteName(name: string): boolean {
  return name.startsWith('/') || /^[a-zA-Z]:/.test(name) || name.startsWith('\\');
}

const OUTSIDE = 'outside';

export class ArchiveTree {
  private readonly nodes = new Map<string, NodeKind>();
  /** Windows and macOS file systems take `D` and `d` (and é in both Unicode forms) for one name. */
  private readonly foldsNames: boolean;

  constructor(
    /** The one top-level name the archive may hold. */
    readonly rootName: string,
    /** Where it is extracted (names Windows cannot hold are refused there). */
    readonly platform: NodeJS.Platform = process.platform,
  ) {
    this.foldsNames = platform === 'win32' || platform === 'darwin';
  }

  /** The key of a path in `nodes`: one key for every spelling the file system takes for the same name. */
  private key(parts: readonly string[]): string {
    const joined = parts.join('/');
    return this.foldsNames ? joined.normalize('NFC').toLowerCase() : joined;
  }

  /** Why `entry` must not be extracted after what was accepted so far, or undefined when it is fine. */
  refusal(entry: EntryFacts): string | undefined {
    const name = entry.path;
    if (isAbsoluteName(name)) return 'has an absolute path';
    const windows = windowsNameProblem(name, this.platform);
    if (windows) return `has a name Windows cannot hold: ${windows}`;
    const parts = segments(name);
    if (parts.includes('..')) return 'climbs out of the target folder with ..';
    if (parts.length === 0 || parts[0] !== this.rootName) return `is not part of "${this.rootName}"`;
    if (!ALLOWED_TYPES.has(entry.type)) {
      const what = /Device/.test(entry.type) ? 'a device file' : entry.type === 'FIFO' ? 'a FIFO (named pipe)' : `of an unsupported type (${entry.type})`;
      return `is ${what}`;
    }
    const through = this.symlinkAbove(parts);
    if (through) return `would be written through the symbolic link "${through}"`;
    const existing = this.nodes.get(this.key(parts));
    if (existing?.kind === 'symlink') return `would replace the symbolic link "${parts.join('/')}" extracted before it`;
    if (entry.type === 'SymbolicLink') {
      if (existing) return `is a symbolic link that would replace the folder "${parts.join('/')}" extracted before it`;
      return this.linkRefusal(parts, entry.linkpath ?? '');
    }
    if (entry.type === 'Link') return this.hardLinkRefusal(entry.linkpath ?? '');
    return undefined;
  }

  /** Records an entry `refusal` let through. */
  accept(entry: EntryFacts): void {
    const parts = segments(entry.path);
    for (let depth = 1; depth < parts.length; depth++) {
      const key = this.key(parts.slice(0, depth));
      if (this.nodes.get(key)?.kind !== 'directory') this.nodes.set(key, { kind: 'directory' });
    }
    const key = this.key(parts);
    if (entry.type === 'Directory') this.nodes.set(key, { kind: 'directory' });
    else if (entry.type === 'SymbolicLink') this.nodes.set(key, { kind: 'symlink', target: entry.linkpath ?? '' });
  }

  /** The first proper prefix of `parts` that is an accepted symlink. */
  private symlinkAbove(parts: readonly string[]): string | undefined {
    for (let depth = 1; depth < parts.length; depth++) {
      if (this.nodes.get(this.key(parts.slice(0, depth)))?.kind === 'symlink') return parts.slice(0, depth).join('/');
    }
    return undefined;
  }

  private linkRefusal(parts: readonly string[], target: string): string | undefined {
    const windows = windowsNameProblem(target, this.platform);
    if (windows) return `is a symbolic link to "${target}", which Windows cannot hold: ${windows}`;
    const problem = this.resolve(parts, target);
    if (problem === OUTSIDE) return `is a symbolic link to "${target}", outside the copied item`;
    if (problem) return `is a symbolic link to "${target}", which ${problem}`;
    return undefined;
  }

  private hardLinkRefusal(target: string): string | undefined {
    const targetParts = segments(target);
    if (isAbsoluteName(target) || targetParts.includes('..') || targetParts[0] !== this.rootName) {
      return `is a hard link to "${target}", outside the copied item`;
    }
    const windows = windowsNameProblem(target, this.platform);
    if (windows) return `is a hard link to "${target}", which Windows cannot hold: ${windows}`;
    const through = this.symlinkAbove(targetParts);
    if (through) return `is a hard link to "${target}", through the symbolic link "${through}"`;
    // A hard link to a symlink would be that link again, read from another folder (node-tar refuses it too).
    if (this.nodes.get(this.key(targetParts))?.kind === 'symlink') return `is a hard link to the symbolic link "${target}"`;
    return undefined;
  }

  /**
   * Follows `target` from the folder of the link at `linkParts`, through accepted links: OUTSIDE
   * when it leaves the item at any point, another reason when it cannot be judged safely.
   */
  private resolve(linkParts: readonly string[], target: string): string | undefined {
    if (target === '' || isAbsoluteName(target)) return OUTSIDE;
    const linkKey = this.key(linkParts);
    let position = linkParts.slice(0, -1);
    // The item itself as a link leads from the folder around it: outside, whatever the target.
    if (position.length === 0) return OUTSIDE;
    let pending = target.split('/');
    let hops = 0;
    while (pending.length > 0) {
      const part = pending.shift()!;
      if (part === '' || part === '.') continue;
      if (part === '..') {
        if (position.length <= 1) return OUTSIDE;
        if (!this.isFolder(position, linkKey)) return `goes through "${position.join('/')}", which is not a folder in the archive (yet)`;
        position = position.slice(0, -1);
        continue;
      }
      const next = [...position, part];
      const node = this.nodes.get(this.key(next));
      if (node?.kind === 'symlink') {
        if (++hops > MAX_LINK_HOPS) return `goes through too many links (more than ${MAX_LINK_HOPS})`;
        if (node.target === '' || isAbsoluteName(node.target)) return OUTSIDE;
        pending = [...node.target.split('/'), ...pending];
        continue;
      }
      position = next;
    }
    return position.length >= 1 && position[0] === this.rootName ? undefined : OUTSIDE;
  }

  /** A folder in the tree: accepted as one, or a parent of an accepted entry or of the link being judged. */
  private isFolder(position: readonly string[], linkKey: string): boolean {
    const key = this.key(position);
    const node = this.nodes.get(key);
    return node ? node.kind === 'directory' : linkKey.startsWith(`${key}/`);
  }
}
