import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function tsc(project: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['--no-install', 'tsc', '-p', project, '--noEmit'], { maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

// Strict TypeScript is part of the test suite: the contract's types are what stop a wrong call.
describe('TypeScript (strict)', () => {
  // tsconfig.scripts.json and tsconfig.e2e.json: the benches and the e2e tests, whose page
  // callbacks need DOM types beside Node's.
  for (const project of ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.scripts.json', 'tsconfig.e2e.json']) {
    it(`${project} type-checks`, { timeout: 600_000 }, async () => {
      const { code, output } = await tsc(project);
      expect(output.trim()).toBe('');
      expect(code).toBe(0);
    });
  }
});
