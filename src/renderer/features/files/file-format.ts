import type { ChangeKind, FileEntry, FileKind } from '../../../shared/types/files';

/** `drwxr-xr-x`, as `ls -l` shows it (setuid/setgid/sticky included). */
export function modeString(kind: FileKind, mode: number): string {
  const type = kind === 'directory' ? 'd' : kind === 'symlink' ? 'l' : kind === 'other' ? '?' : '-';
  const bits = ['r', 'w', 'x', 'r', 'w', 'x', 'r', 'w', 'x'].map((letter, index) => ((mode >> (8 - index)) & 1 ? letter : '-'));
  const special = (position: number, flag: number, set: string, unset: string): void => {
    if (mode & flag) bits[position] = bits[position] === 'x' ? set : unset;
  };
  special(2, 0o4000, 's', 'S');
  special(5, 0o2000, 's', 'S');
  special(8, 0o1000, 't', 'T');
  return type + bits.join('');
}

export type SortKey = 'name' | 'size' | 'mode' | 'modified' | 'change';
export interface Sort {
  key: SortKey;
  direction: 'asc' | 'desc';
}

export interface Row {
  entry: FileEntry;
  change?: ChangeKind;
  /** Shown from `docker diff` only: the path was deleted in the container. */
  deleted?: boolean;
}

const CHANGE_ORDER: Record<ChangeKind, number> = { added: 0, changed: 1, deleted: 2 };

/** Folders first, then by the chosen column (names compared naturally, as a file manager does). */
export function sortRows(rows: readonly Row[], sort: Sort, collator: Intl.Collator): Row[] {
  const factor = sort.direction === 'asc' ? 1 : -1;
  const compare = (a: Row, b: Row): number => {
    switch (sort.key) {
      case 'size':
        return a.entry.size - b.entry.size;
      case 'mode':
        return a.entry.mode - b.entry.mode;
      case 'modified':
        return a.entry.modified - b.entry.modified;
      case 'change':
        return (a.change ? CHANGE_ORDER[a.change] : 3) - (b.change ? CHANGE_ORDER[b.change] : 3);
      default:
        return collator.compare(a.entry.name, b.entry.name);
    }
  };
  return [...rows].sort((a, b) => {
    const folders = Number(b.entry.kind === 'directory') - Number(a.entry.kind === 'directory');
    if (folders !== 0) return folders;
    return compare(a, b) * factor || collator.compare(a.entry.name, b.entry.name);
  });
}

/** `/a/b/c` -> [['/', '/'], ['a', '/a'], ['b', '/a/b'], ['c', '/a/b/c']]. */
export function breadcrumbs(path: string): Array<[label: string, path: string]> {
  const parts = path.split('/').filter(Boolean);
  return [['/', '/'], ...parts.map((part, index): [string, string] => [part, `/${parts.slice(0, index + 1).join('/')}`])];
}

export function parentOf(path: string): string {
  const parts = path.split('/').filter(Boolean);
  return parts.length <= 1 ? '/' : `/${parts.slice(0, -1).join('/')}`;
}

export function childPath(folder: string, name: string): string {
  return folder === '/' ? `/${name}` : `${folder}/${name}`;
}

/** A path the user typed: absolute, without `.`/`..`/empty parts (nothing is resolved against the host). */
export function normalizeTypedPath(typed: string): string | undefined {
  const value = typed.trim();
  if (!value.startsWith('/') || value.includes('\0')) return undefined;
  const parts: string[] = [];
  for (const part of value.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}
