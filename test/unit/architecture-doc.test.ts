// docs/ARCHITECTURE.md is the design: it must name every channel and topic the contract serves,
// and every path it points at must exist.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHANNELS, TOPICS } from '../../src/shared/contract';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const doc = readFileSync(path.join(root, 'docs/ARCHITECTURE.md'), 'utf8');

/** Names of the contract missing from `text` (each must appear in backticks). */
function unnamed(text: string, names: readonly string[]): string[] {
  return names.filter((name) => !text.includes(`\`${name}\``));
}

/** Backticked paths under src/, test/ or scripts/ (or a folder of src/main, src/renderer) that do not exist. */
function missingPaths(text: string): string[] {
  const quoted = [...text.matchAll(/`((?:src|test|scripts|docs)\/[\w./<>-]+)`/g)].map((match) => match[1]!);
  return quoted.filter((quotedPath) => !quotedPath.includes('<') && !existsSync(path.join(root, quotedPath)));
}

describe('docs/ARCHITECTURE.md', () => {
  it('names every command channel and stream topic', () => {
    expect(unnamed(doc, CHANNELS)).toEqual([]);
    expect(unnamed(doc, TOPICS)).toEqual([]);
  });

  it('points only at paths that exist', () => {
    expect(missingPaths(doc)).toEqual([]);
  });

  it('notices a channel that is not named, and a path that is gone', () => {
    expect(unnamed('`containers.list` and containers.stop', ['containers.list', 'containers.stop'])).toEqual(['containers.stop']);
    expect(missingPaths('`src/main/backend.ts` and `src/main/handlers.ts`')).toEqual(['src/main/handlers.ts']);
  });
});
