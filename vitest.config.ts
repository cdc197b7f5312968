import { defineConfig } from 'vitest/config';

// `vitest run` runs all three projects. Groups run in order (sequence.groupOrder): unit first
// (files in parallel), then integration, then e2e — the last two one file at a time, so label-based
// cleanup in one file never races containers of another. `npm test` (scripts/test.mjs) provides
// DOCKER_HOST, BERTH_TEST_IMAGE and BERTH_TEST_NOSHELL_IMAGE for the real-engine projects.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          // Generous: CI machines are small and busy; speed is measured by `npm run bench`, not here.
          testTimeout: 30_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
