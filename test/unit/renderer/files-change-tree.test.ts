import { describe, expect, it } from 'vitest';
import { buildChangeTree, countChanges, visibleNodes } from '../../../src/renderer/features/changes/change-tree';
import type { ContainerChange } from '../../../src/shared/types/files';

const changes: ContainerChange[] = [
  { path: '/etc', kind: 'changed' },
  { path: '/etc/passwd', kind: 'changed' },
  { path: '/etc/group', kind: 'deleted' },
  { path: '/etc/added.txt', kind: 'added' },
  { path: '/root', kind: 'changed' },
  { path: '/root/a b', kind: 'added' },
  { path: '/root/a b/ünï.txt', kind: 'added' },
];

describe('the changes tree', () => {
  it('counts by kind', () => {
    expect(countChanges(changes)).toEqual({ added: 3, changed: 3, deleted: 1 });
  });

  it("nests paths, keeps each path's own kind, sorts children, counts what is shown below", () => {
    const tree = buildChangeTree(changes, new Set(['added', 'changed', 'deleted']));
    expect(tree.children.map((node) => [node.name, node.kind, node.count])).toEqual([
      ['etc', 'changed', 4],
      ['root', 'changed', 3],
    ]);
    expect(tree.children[0]!.children.map((node) => node.name)).toEqual(['added.txt', 'group', 'passwd']);
  });

  it('filters by kind and by text, keeping the folders above a match', () => {
    const deleted = buildChangeTree(changes, new Set(['deleted']));
    expect(deleted.count).toBe(1);
    expect(deleted.children.map((node) => [node.path, node.count])).toEqual([['/etc', 1]]);
    expect(deleted.children[0]!.children.map((node) => node.path)).toEqual(['/etc/group']);
    const query = buildChangeTree(changes, new Set(['added', 'changed', 'deleted']), 'ÜNÏ');
    expect(visibleNodes(query, new Set(['/root', '/root/a b'])).map(({ node, depth }) => `${depth}:${node.path}`)).toEqual([
      '0:/root',
      '1:/root/a b',
      '2:/root/a b/ünï.txt',
    ]);
  });

  it('shows children only under expanded folders', () => {
    const tree = buildChangeTree(changes, new Set(['added', 'changed', 'deleted']));
    expect(visibleNodes(tree, new Set()).map(({ node }) => node.path)).toEqual(['/etc', '/root']);
  });
});
