// The import graph of the source tree, read with TypeScript's own parser and module resolution,
// type-only imports included: a cycle through `import type` still ties two modules' designs
// together, and ESLint's import plugins skip those.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface ImportGraph {
  /** Every source file, relative to the root, with the source files it imports. */
  readonly edges: ReadonlyMap<string, readonly string[]>;
  /** Every source file with the packages it imports (bare specifiers: `electron`, `node:fs`). */
  readonly packages: ReadonlyMap<string, readonly string[]>;
}

const SOURCE = /\.(ts|tsx)$/;
/** Style sheets and other files the bundler imports: not modules of the design. */
const ASSET = /\.(css|svg|png|woff2?|json)(\?.*)?$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

const options: ts.CompilerOptions = {
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  module: ts.ModuleKind.ESNext,
  allowImportingTsExtensions: true,
  jsx: ts.JsxEmit.ReactJSX,
};

export function readImportGraph(root: string, folders: readonly string[]): ImportGraph {
  const edges = new Map<string, string[]>();
  const packages = new Map<string, string[]>();
  for (const file of folders.flatMap((folder) => sourceFiles(path.join(root, folder)))) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const specifiers = info.importedFiles.map(({ fileName }) => fileName);
    const targets = specifiers.flatMap((specifier) => {
      if (!specifier.startsWith('.') || ASSET.test(specifier)) return [];
      const resolved = ts.resolveModuleName(specifier, file, options, ts.sys).resolvedModule;
      if (!resolved) throw new Error(`${path.relative(root, file)}: cannot resolve ${specifier}`);
      return resolved.resolvedFileName.endsWith('.d.ts') ? [] : [path.relative(root, resolved.resolvedFileName)];
    });
    edges.set(path.relative(root, file), [...new Set(targets)]);
    packages.set(path.relative(root, file), [...new Set(specifiers.filter((specifier) => !specifier.startsWith('.')))]);
  }
  return { edges, packages };
}

/** Strongly connected components with more than one file (or a file importing itself): the cycles. */
export function importCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter);
    counter += 1;
    stack.push(file);
    onStack.add(file);
    for (const next of graph.edges.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.edges.get(file)?.includes(file)) cycles.push(component.sort());
  };
  for (const file of graph.edges.keys()) if (!index.has(file)) visit(file);
  return cycles;
}
