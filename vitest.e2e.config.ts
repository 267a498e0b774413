import { defineConfig } from 'vitest/config';

// Browser journeys: one Chromium each, real server on its own temp database and port. Two files
// run side by side: a journey mostly waits on its browser, so two at a time on these 2-core
// machines halves the wall time, and the journeys must not flake on a busy machine anyway (the
// guide asks for a run with the CPU loaded).
/**
 * The journeys once more on PostgreSQL (issue 14): the server on a fresh PostgreSQL database, as
 * `npm run server -- --postgres URL` runs it. A subset, for time: the office server's two desks
 * over TLS, drafts staying private, the admin office's booking plan, the front desk's board, and
 * first setup and sign-in. (Journeys that read the SQLite file for their assertions stay on SQLite.)
 */
const ON_POSTGRES = [
  'e2e/office.e2e.ts',
  'e2e/drafts-private.e2e.ts',
  'e2e/bookings-plan.e2e.ts',
  'e2e/frontdesk-desk.e2e.ts',
  'e2e/setup-and-login.e2e.ts',
];

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['e2e/**/*.e2e.ts'] } },
      {
        extends: true,
        test: { name: 'postgres', include: ON_POSTGRES, env: { RM_E2E_STORE: 'postgres' } },
      },
    ],
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
