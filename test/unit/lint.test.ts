import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The rules in eslint.config.js are part of the test suite: a floating promise, an `any`, a hook
// with missing dependencies or an import cycle fails `npm test`, not a reviewer's memory.
describe('ESLint', () => {
  it('reports nothing', { timeout: 900_000 }, async () => {
    const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile('npx', ['--no-install', 'eslint', '--max-warnings', '0', '.'], { maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, output: `${stdout}${stderr}` });
      });
    });
    expect(output.trim()).toBe('');
    expect(code).toBe(0);
  });
});
