import { describe, expect, it } from 'vitest';
import { runTool } from '../helpers/run-tool';

// knip (knip.json): an export no other module imports, a file nothing reaches, or the same thing
// exported twice fails `npm test`. What only its own module uses is not exported; what nothing uses is gone.
describe('dead exports', () => {
  it('knip finds none', { timeout: 600_000 }, async () => {
    const { code, output } = await runTool(['knip', '--no-progress', '--include', 'exports,types,nsExports,nsTypes,files,duplicates,enumMembers']);
    expect(output.trim()).toBe('');
    expect(code).toBe(0);
  });
});
