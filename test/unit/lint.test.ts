import { describe, expect, it } from 'vitest';
import { runTool } from '../helpers/run-tool';

// The rules in eslint.config.js are part of the test suite: a floating promise, an `any`, a hook
// with missing dependencies or an import cycle fails `npm test`, not a reviewer's memory.
describe('ESLint', () => {
  it('reports nothing', { timeout: 900_000 }, async () => {
    const { code, output } = await runTool(['eslint', '--max-warnings', '0', '.']);
    expect(output.trim()).toBe('');
    expect(code).toBe(0);
  });
});
