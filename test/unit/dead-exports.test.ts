import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// knip (knip.json): an export no other module imports, a file nothing reaches, or the same thing
// exported twice fails `npm test`. What only its own module uses is not exported; what nothing uses is gone.
describe('dead exports', () => {
  it('knip finds none', { timeout: 600_000 }, async () => {
    const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
      const args = ['--no-install', 'knip', '--no-progress', '--include', 'exports,types,nsExports,nsTypes,files,duplicates,enumMembers'];
      execFile('npx', args, { maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, output: `${stdout}${stderr}` });
      });
    });
    expect(output.trim()).toBe('');
    expect(code).toBe(0);
  });
});
