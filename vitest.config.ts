import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Two projects. `unit`: the services over a real database (each test on its own copy of a
 * template database, main/test-support.ts), the pure rules and the scripts. These files share no
 * module state a test changes, so they run without module isolation: each worker loads the app
 * once instead of once per file. `isolated`: files that mock modules (vi.mock), stub the
 * environment or use a DOM: every file in its own module graph, as by default.
 *
 * A test that mocks a module, stubs a global or the environment, or installs fake timers belongs
 * in a folder of the `isolated` project (main/electron, renderer) or in its list below.
 */
// The scorecard's tests swap the password hasher for a cheap one (process-wide state): in the
// shared module graph it would reach every later file of the worker.
const ISOLATED = [
  'main/electron/**/*.test.ts',
  'renderer/**/*.test.{ts,tsx}',
  'scripts/scorecard/**/*.test.ts',
];

/** The suites that run on both stores: the services, the dispatcher and the servers over them. */
const POSTGRES = [
  'main/domains/**/*.test.ts',
  'main/api/**/*.test.ts',
  'main/db/postgres/**/*.test.ts',
  'main/app-postgres.test.ts',
  'scripts/store-copy/**/*.pg.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    globalSetup: ['main/test-global-setup.ts'],
    // Both cores: the runner itself is idle while the workers test.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'main/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: [
            ...configDefaults.exclude,
            ...ISOLATED,
            'main/db/postgres/**',
            'main/app-postgres.test.ts',
            'scripts/**/*.pg.test.ts',
          ],
          pool: 'threads',
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'isolated',
          include: ISOLATED,
        },
      },
      {
        // The service and integration suites once more on PostgreSQL (issue 14): a database per
        // test app, reset from the template's rows (main/test-support.ts, main/test-postgres.ts).
        // Needs a PostgreSQL server: RM_TEST_POSTGRES_URL, default postgres://rm:rm@127.0.0.1/postgres
        // (.ci/run makes it). Tests of what only SQLite has skip themselves (`sqliteOnly`).
        extends: true,
        test: {
          name: 'postgres',
          include: POSTGRES,
          exclude: [...configDefaults.exclude, ...ISOLATED],
          env: { RM_TEST_STORE: 'postgres' },
          pool: 'threads',
          isolate: false,
        },
      },
    ],
  },
});
