import { describe, expect, it } from 'vitest';
import { runTool } from '../helpers/run-tool';

// Strict TypeScript is part of the test suite: the contract's types are what stop a wrong call.
describe('TypeScript (strict)', () => {
  // tsconfig.scripts.json and tsconfig.e2e.json: the benches and the e2e tests, whose page
  // callbacks need DOM types beside Node's.
  for (const project of ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.scripts.json', 'tsconfig.e2e.json']) {
    it(`${project} type-checks`, { timeout: 600_000 }, async () => {
      const { code, output } = await runTool(['tsc', '-p', project, '--noEmit']);
      expect(output.trim()).toBe('');
      expect(code).toBe(0);
    });
  }
});
