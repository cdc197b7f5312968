// The layering of docs/ARCHITECTURE.md, checked on every import (type-only ones included).
import { readdirSync } from 'node:fs';
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
  {
    rule: 'the engine imports neither the Electron host, browser mode nor transfers',
    from: /^src\/main\/engine\//,
    forbidden: /^src\/main\/(electron|web|transfers)\//,
  },
  { rule: 'the renderer imports neither main nor preload', from: /^src\/renderer\//, forbidden: /^src\/(main|preload)\// },
  { rule: 'the preload imports neither main nor renderer', from: /^src\/preload\//, forbidden: /^src\/(main|renderer)\// },
  { rule: 'browser mode does not import the Electron host', from: /^src\/main\/web\//, forbidden: /^src\/main\/electron\// },
];

function crossings(of: ImportGraph, boundaries: readonly Boundary[]): string[] {
  return [...of.edges].flatMap(([file, targets]) =>
    boundaries.flatMap(({ rule, from, forbidden }) =>
      from.test(file) ? targets.filter((target) => forbidden.test(target)).map((target) => `${rule}: ${file} -> ${target}`) : [],
    ),
  );
}

/** Tests load main's modules in Node, where `electron` cannot be loaded: only the Electron host and the preload may import it. */
function electronImports(of: ImportGraph): string[] {
  return [...of.packages].filter(([file, packages]) => packages.includes('electron') && !/^src\/(main\/electron|preload)\//.test(file)).map(([file]) => file);
}

const FEATURE = /^src\/renderer\/features\/([^/]+)\//;

/** A feature is used from outside only through its public entry, `features/<name>/index.ts`. */
function featureEntryBypasses(of: ImportGraph): string[] {
  return [...of.edges].flatMap(([file, targets]) => {
    const own = FEATURE.exec(file)?.[1];
    return targets
      .filter((target) => {
        const used = FEATURE.exec(target)?.[1];
        return used !== undefined && used !== own && target !== `src/renderer/features/${used}/index.ts`;
      })
      .map((target) => `${file} -> ${target}`);
  });
}

/** Contract files that hold no domain: the table's building blocks. */
const CONTRACT_PARTS = new Set(['define', 'schemas', 'index']);
/** Domains with no engine side: they serve the host's own state. */
const HOST_DOMAINS = new Set(['desktop', 'settings', 'transfers']);

function entries(folder: string, kind: 'file' | 'folder'): string[] {
  return readdirSync(path.join(root, folder), { withFileTypes: true })
    .filter((entry) => (kind === 'file' ? entry.isFile() && entry.name.endsWith('.ts') : entry.isDirectory()))
    .map((entry) => entry.name.replace(/\.ts$/, ''))
    .sort();
}

/**
 * Domains mirrored across layers: each contract domain has one handler module, and each one that
 * talks to the engine has an engine folder (engine/core/ holds what they share).
 */
function mirrorProblems(contract: string[], handlers: string[], engineEntries: { folders: string[]; files: string[] }): string[] {
  const domains = contract.filter((name) => !CONTRACT_PARTS.has(name));
  const engineDomains = engineEntries.folders.filter((name) => name !== 'core');
  return [
    ...domains.filter((d) => !handlers.includes(d)).map((d) => `contract/${d}.ts has no main/handlers/${d}.ts`),
    ...handlers.filter((h) => !domains.includes(h)).map((h) => `main/handlers/${h}.ts serves no contract domain`),
    ...domains.filter((d) => !HOST_DOMAINS.has(d) && d !== 'engine' && !engineDomains.includes(d)).map((d) => `contract/${d}.ts has no main/engine/${d}/`),
    ...engineDomains.filter((e) => !domains.includes(e)).map((e) => `main/engine/${e}/ is no contract domain`),
    ...engineEntries.files.map((f) => `main/engine/${f}.ts is outside a domain folder`),
  ];
}

describe('architecture', () => {
  it('reads the whole source tree', () => {
    expect(graph.edges.size).toBeGreaterThan(300);
    expect(graph.edges.get('src/main/backend.ts')).toContain('src/main/dispatch.ts');
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

  it('uses a renderer feature from outside only through its public entry', () => {
    expect(featureEntryBypasses(graph)).toEqual([]);
  });

  it('mirrors every domain across the contract, the handlers and the engine', () => {
    const engineEntries = { folders: entries('src/main/engine', 'folder'), files: entries('src/main/engine', 'file') };
    expect(mirrorProblems(entries('src/shared/contract', 'file'), entries('src/main/handlers', 'file'), engineEntries)).toEqual([]);
  });

  it('keeps the CLI lines in src/shared/cli/<domain>.ts, beside the channel table and the shell quoting', () => {
    const domains = entries('src/shared/contract', 'file').filter((name) => !CONTRACT_PARTS.has(name));
    const helpers = ['docker-command', 'shell-quote', 'go-template'];
    expect(entries('src/shared/cli', 'file').filter((name) => !domains.includes(name) && !helpers.includes(name))).toEqual([]);
    expect([...graph.edges.keys()].filter((file) => /^src\/renderer\/.*\bcli\.tsx?$/.test(file))).toEqual([]);
  });

  it('finds a domain missing from a layer, and a file loose in the engine folder', () => {
    expect(mirrorProblems(['define', 'logs', 'volumes'], ['logs', 'volumes', 'misc'], { folders: ['core', 'logs', 'stray'], files: ['helpers'] })).toEqual([
      'main/handlers/misc.ts serves no contract domain',
      'contract/volumes.ts has no main/engine/volumes/',
      'main/engine/stray/ is no contract domain',
      'main/engine/helpers.ts is outside a domain folder',
    ]);
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
    const features: ImportGraph = {
      edges: new Map([
        ['src/renderer/features/a/View.tsx', ['src/renderer/features/a/part.ts', 'src/renderer/features/b/index.ts', 'src/renderer/features/b/Inner.tsx']],
        ['src/renderer/App.tsx', ['src/renderer/features/a/View.tsx']],
      ]),
      packages: new Map(),
    };
    expect(featureEntryBypasses(features)).toEqual([
      'src/renderer/features/a/View.tsx -> src/renderer/features/b/Inner.tsx',
      'src/renderer/App.tsx -> src/renderer/features/a/View.tsx',
    ]);
  });
});
