/**
 * The JSON tree's pure parts: which rows are visible for a set of expanded nodes, node paths in the
 * `.HostConfig.Memory` form, and search over keys and values. No React, no DOM.
 */
import type { JsonValue } from '../../../shared/types/inspect';

export type PathSegment = string | number;
type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export interface TreeRow {
  /** Stable across renders: the path, JSON-encoded. */
  id: string;
  path: PathSegment[];
  depth: number;
  key: PathSegment;
  kind: JsonKind;
  value: JsonValue;
  /** Children of an object or array. */
  size: number;
  expanded: boolean;
  parentId: string | null;
  /** 1-based position among its siblings, and how many siblings there are (aria-posinset/setsize). */
  posInSet: number;
  setSize: number;
}

function kindOf(value: JsonValue): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as 'object' | 'string' | 'number' | 'boolean';
}

export function pathId(path: readonly PathSegment[]): string {
  return JSON.stringify(path);
}

/** The id of a child, from its parent's id: the same string pathId gives, without re-encoding the path. */
function childId(parentId: string, key: PathSegment): string {
  const encoded = JSON.stringify(key);
  return parentId === '[]' ? `[${encoded}]` : `${parentId.slice(0, -1)},${encoded}]`;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `.HostConfig.Memory`, `.Mounts[0].Source`, `.Config.Labels["com.example.key"]`; the root is `.`. */
export function formatPath(path: readonly PathSegment[]): string {
  if (path.length === 0) return '.';
  return path
    .map((segment) => {
      if (typeof segment === 'number') return `[${segment}]`;
      return IDENTIFIER.test(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]`;
    })
    .join('')
    .replace(/^\[/, '.[');
}

function entriesOf(value: JsonValue): Array<[PathSegment, JsonValue]> {
  if (Array.isArray(value)) return value.map((item, index) => [index, item]);
  if (value !== null && typeof value === 'object') return Object.entries(value);
  return [];
}

function childCount(value: JsonValue): number {
  if (Array.isArray(value)) return value.length;
  if (value !== null && typeof value === 'object') return Object.keys(value).length;
  return 0;
}

/** The rows shown for the root's children, descending only into expanded nodes. */
export function visibleRows(root: JsonValue, expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (value: JsonValue, path: PathSegment[], parentId: string | null): void => {
    const entries = entriesOf(value);
    entries.forEach(([key, child], index) => {
      const childPath = [...path, key];
      const id = childId(parentId ?? '[]', key);
      const size = childCount(child);
      const isOpen = size > 0 && expanded.has(id);
      rows.push({
        id,
        path: childPath,
        depth: path.length,
        key,
        kind: kindOf(child),
        value: child,
        size,
        expanded: isOpen,
        parentId,
        posInSet: index + 1,
        setSize: entries.length,
      });
      if (isOpen) walk(child, childPath, id);
    });
  };
  walk(root, [], null);
  return rows;
}

/** Every object/array node below the root (for "expand all"), up to `limit` of them. */
export function containerIds(root: JsonValue, limit = 20_000): Set<string> {
  const ids = new Set<string>();
  const walk = (value: JsonValue, id: string): void => {
    for (const [key, child] of entriesOf(value)) {
      if (ids.size >= limit) return;
      if (child === null || typeof child !== 'object' || childCount(child) === 0) continue;
      const nested = childId(id, key);
      ids.add(nested);
      walk(child, nested);
    }
  };
  walk(root, '[]');
  return ids;
}

/** The text a value is searched and copied as: strings bare, other scalars as JSON. */
export function scalarText(value: JsonValue): string | undefined {
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** What "copy value" puts on the clipboard: a scalar as `docker inspect -f` prints it, else indented JSON. */
export function copyText(value: JsonValue): string {
  return scalarText(value) ?? JSON.stringify(value, null, 2);
}

export interface SearchResult {
  /** Ids of matching nodes, in document order. */
  matches: string[];
  /** Every ancestor of a match: expanding these shows every match. */
  ancestors: Set<string>;
}

/** Case-insensitive search of keys and scalar values. */
export function searchJson(root: JsonValue, query: string, limit = 5_000): SearchResult {
  const needle = query.trim().toLowerCase();
  const result: SearchResult = { matches: [], ancestors: new Set() };
  if (!needle) return result;
  // The ids from the root down to the node being visited (a stack, not copied per node).
  const chain: string[] = [];
  const walk = (value: JsonValue, id: string): void => {
    for (const [key, child] of entriesOf(value)) {
      if (result.matches.length >= limit) return;
      const text = scalarText(child);
      const hit = String(key).toLowerCase().includes(needle) || (text !== undefined && text.toLowerCase().includes(needle));
      const nested = hit || text === undefined ? childId(id, key) : '';
      if (hit) {
        result.matches.push(nested);
        for (const ancestor of chain) result.ancestors.add(ancestor);
      }
      if (text === undefined && childCount(child) > 0) {
        chain.push(nested);
        walk(child, nested);
        chain.pop();
      }
    }
  };
  walk(root, '[]');
  return result;
}

/** Splits text around case-insensitive occurrences of the query, for highlighting. */
export function splitMatches(text: string, query: string): Array<{ text: string; match: boolean }> {
  const needle = query.trim().toLowerCase();
  if (!needle) return [{ text, match: false }];
  const parts: Array<{ text: string; match: boolean }> = [];
  const lower = text.toLowerCase();
  let from = 0;
  for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, from)) {
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts;
}
