import { defineConfig } from 'vitest/config';

// Browser journeys: one Chromium each, real server on a temp database. Run files one at a time
// on these 2-core machines so timings stay stable.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
