// The Node.js version README asks for is package.json's engines, and it is exactly the lowest
// version every installed package accepts: at that version `npm install` warns about nothing
// (no EBADENGINE), and no lower version would do.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// semver ships no type declarations here (it comes with npm's own tree of electron-builder), so type the calls used.
const require = createRequire(import.meta.url);
const semver = require('semver') as {
  satisfies(version: string, range: string): boolean;
  minVersion(range: string): { version: string } | null;
  coerce(version: string): { version: string } | null;
  gt(a: string, b: string): boolean;
};

interface LockedPackage {
  version?: string;
  optional?: boolean;
  engines?: { node?: string } | string[];
}

const readme = readFileSync('README.md', 'utf8');
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockedPackage> };

/** Installed packages' node ranges: optional ones are left out (npm skips those a platform cannot use, e.g. the wasm builds). */
function lockedNodeRanges(): Array<{ name: string; range: string }> {
  return Object.entries(lock.packages)
    .filter(([where, info]) => where !== '' && !info.optional && info.engines && !Array.isArray(info.engines) && info.engines.node)
    .map(([where, info]) => ({ name: `${where.replace(/^.*node_modules\//, '')}@${info.version ?? '?'}`, range: (info.engines as { node: string }).node }));
}

describe('the Node.js requirement', () => {
  const stated = /^- Node\.js (\d+\.\d+(?:\.\d+)?) or newer/m.exec(readme)?.[1];
  const minimum = semver.coerce(stated ?? '')?.version ?? '';

  it('README states it as package.json engines does', () => {
    expect(stated, 'README names no "Node.js X.Y or newer"').toBeDefined();
    expect(manifest.engines.node).toMatch(/^>=\s*\d+\.\d+(\.\d+)?$/);
    expect(semver.minVersion(manifest.engines.node)?.version).toBe(minimum);
  });

  it('every installed package accepts it, and no lower version would do', () => {
    const ranges = lockedNodeRanges();
    expect(ranges.length).toBeGreaterThan(10);
    expect(ranges.filter(({ range }) => !semver.satisfies(minimum, range))).toEqual([]);
    // The lowest version every range accepts is the lowest bound of some range's alternative
    // (`^20.19.0 || ^22.13.0 || >=24` has three): try those in order.
    const bounds = ranges
      .flatMap(({ range }) => range.split('||').map((alternative) => semver.minVersion(alternative.trim())?.version ?? '0.0.0'))
      .sort((x, y) => (semver.gt(x, y) ? 1 : semver.gt(y, x) ? -1 : 0));
    const lowest = bounds.find((bound) => ranges.every(({ range }) => semver.satisfies(bound, range)));
    expect(minimum).toBe(lowest);
  });
});
