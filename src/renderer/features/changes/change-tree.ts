import type { ChangeKind, ContainerChange } from '../../../shared/types/files';

export type ChangeCounts = Record<ChangeKind, number>;

export interface ChangeNode {
  name: string;
  path: string;
  /** Its own change, when `docker diff` lists it. */
  kind?: ChangeKind;
  children: ChangeNode[];
  /** Changes at or below it that pass the filter. */
  count: number;
}

export function countChanges(changes: readonly ContainerChange[]): ChangeCounts {
  const counts: ChangeCounts = { added: 0, changed: 0, deleted: 0 };
  for (const change of changes) counts[change.kind] += 1;
  return counts;
}

/**
 * The changes as a tree, keeping only those whose kind is shown and whose path contains `query`
 * (and the folders above them). Children sorted by name.
 */
export function buildChangeTree(changes: readonly ContainerChange[], shown: ReadonlySet<ChangeKind>, query = ''): ChangeNode {
  const root: ChangeNode = { name: '/', path: '/', children: [], count: 0 };
  const needle = query.trim().toLowerCase();
  const kinds = new Map(changes.map((change) => [change.path, change.kind] as const));
  for (const change of changes) {
    if (!shown.has(change.kind) || (needle && !change.path.toLowerCase().includes(needle))) continue;
    let node = root;
    node.count += 1;
    const parts = change.path.split('/').filter(Boolean);
    parts.forEach((part, index) => {
      const path = `/${parts.slice(0, index + 1).join('/')}`;
      let child = node.children.find((candidate) => candidate.name === part);
      if (!child) {
        child = { name: part, path, children: [], count: 0, ...(kinds.has(path) ? { kind: kinds.get(path)! } : {}) };
        node.children.push(child);
      }
      child.count += 1;
      node = child;
    });
  }
  const sortTree = (node: ChangeNode): void => {
    node.children.sort((a, b) => a.name.localeCompare(b.name));
    node.children.forEach(sortTree);
  };
  sortTree(root);
  return root;
}

/** The nodes as they are shown: depth-first, children only under expanded folders. */
export function visibleNodes(root: ChangeNode, expanded: ReadonlySet<string>): Array<{ node: ChangeNode; depth: number }> {
  const out: Array<{ node: ChangeNode; depth: number }> = [];
  const walk = (node: ChangeNode, depth: number): void => {
    for (const child of node.children) {
      out.push({ node: child, depth });
      if (child.children.length > 0 && expanded.has(child.path)) walk(child, depth + 1);
    }
  };
  walk(root, 0);
  return out;
}
