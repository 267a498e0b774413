import { defineConfig } from 'vitest/config';

// Browser journeys: one Chromium each, real server on its own temp database and port. Two files
// run side by side: a journey mostly waits on its browser, so two at a time on these 2-core
// machines halves the wall time, and the journeys must not flake on a busy machine anyway (the
// guide asks for a run with the CPU loaded).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    // One module graph per worker, not one per file: each journey file otherwise imports the
    // whole app (dispatcher, domains, Kysely, playwright) again — 150 s of imports summed over
    // a run. The journeys mock nothing and keep no module state: each starts its own server.
    isolate: false,
    maxWorkers: Number(process.env.E2E_WORKERS ?? 2),
    globalSetup: ['e2e/support/global-setup.ts'],
    // expect.poll gives up after 1 s by default: shorter than one step of the app on a busy
    // machine (a list that took longer to load failed CI). A poll waits as long as `visible`.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
