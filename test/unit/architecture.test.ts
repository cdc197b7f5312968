// The layering of docs/ARCHITECTURE.md, checked on every import (type-only ones included).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, readImportGraph, type ImportGraph } from '../helpers/import-graph';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const graph = readImportGraph(root, ['src']);

interface Boundary {
  readonly rule: string;
  readonly from: RegExp;
  readonly forbidden: RegExp;
}

const BOUNDARIES: readonly Boundary[] = [
  { rule: 'shared code imports neither main, preload nor renderer', from: /^src\/shared\//, forbidden: /^src\/(main|preload|renderer)\// },
  { rule: 'the engine imports neither the Electron host, browser mode nor transfers', from: /^src\/main\/engine\//, forbidden: /^src\/main\/(electron|web|transfers)\// },
  { rule: 'the renderer imports neither main nor preload', from: /^src\/renderer\//, forbidden: /^src\/(main|preload)\// },
  { rule: 'the preload imports neither main nor renderer', from: /^src\/preload\//, forbidden: /^src\/(main|renderer)\// },
  { rule: 'browser mode does not import the Electron host', from: /^src\/main\/web\//, forbidden: /^src\/main\/electron\// },
];

function crossings(of: ImportGraph, boundaries: readonly Boundary[]): string[] {
  return [...of.edges].flatMap(([file, targets]) =>
    boundaries.flatMap(({ rule, from, forbidden }) => (from.test(file) ? targets.filter((target) => forbidden.test(target)).map((target) => `${rule}: ${file} -> ${target}`) : [])),
  );
}

/** Tests load main's modules in Node, where `electron` cannot be loaded: only the Electron host and the preload may import it. */
function electronImports(of: ImportGraph): string[] {
  return [...of.packages].filter(([file, packages]) => packages.includes('electron') && !/^src\/(main\/electron|preload)\//.test(file)).map(([file]) => file);
}

describe('architecture', () => {
  it('reads the whole source tree', () => {
    expect(graph.edges.size).toBeGreaterThan(300);
    expect(graph.edges.get('src/main/handlers.ts')).toContain('src/main/dispatch.ts');
  });

  it('has no import cycles, type-only imports included', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('keeps every layer boundary', () => {
    expect(crossings(graph, BOUNDARIES)).toEqual([]);
  });

  it('imports electron only in the Electron host and the preload', () => {
    expect(electronImports(graph)).toEqual([]);
  });

  // The checks themselves must be able to fail.
  it('finds a type-only cycle and a crossing in a small graph', () => {
    const small: ImportGraph = {
      edges: new Map([
        ['src/main/a.ts', ['src/main/b.ts']],
        ['src/main/b.ts', ['src/main/a.ts']],
        ['src/main/c.ts', ['src/main/c.ts']],
        ['src/shared/d.ts', ['src/main/a.ts']],
      ]),
      packages: new Map([['src/main/a.ts', ['electron']]]),
    };
    expect(importCycles(small)).toEqual([['src/main/a.ts', 'src/main/b.ts'], ['src/main/c.ts']]);
    expect(crossings(small, BOUNDARIES)).toEqual(['shared code imports neither main, preload nor renderer: src/shared/d.ts -> src/main/a.ts']);
    expect(electronImports(small)).toEqual(['src/main/a.ts']);
  });
});
