import { describe, expect, it } from 'vitest';
import { runTool } from '../helpers/run-tool';

// One formatting, checked: `npm run format` writes it, and a file that differs fails `npm test`.
describe('Prettier', () => {
  it('finds every file formatted', { timeout: 600_000 }, async () => {
    const { code, output } = await runTool(['prettier', '--list-different', '.']);
    expect(output.trim()).toBe('');
    expect(code).toBe(0);
  });
});
