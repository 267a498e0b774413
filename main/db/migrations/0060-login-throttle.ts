import type { Migration } from './types';

/**
 * Failed sign-ins per client address and minute: the per-client throttle counts them (20 in 10
 * minutes, then "wait"), and failures for unknown login names are audited once per client and
 * minute instead of once each. Rows older than the window are purged by later failures.
 */
export const migration0060: Migration = {
  version: 60,
  name: 'login-throttle',
  up: (db) => {
    db.exec(`
      CREATE TABLE login_failures (
        client TEXT NOT NULL,
        minute_ms INTEGER NOT NULL,
        failures INTEGER NOT NULL DEFAULT 0,
        unknown_failures INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (client, minute_ms)
      ) WITHOUT ROWID;
      CREATE INDEX login_failures_minute ON login_failures(minute_ms);
    `);
  },
};
