import type { Migration } from './types';

/**
 * Failed sign-ins per login name that belongs to no account: counted and locked like a real
 * account (5 wrong in a row lock for 15 minutes), so the lockout does not tell which names exist.
 * Only the login name as normalised by the input schema is kept, never a password. A row is
 * deleted when it expires (`expires_ms`: the end of the lock, or a day after the last failure),
 * by later failures, and when an account with that login name is created.
 */
export const migration0070: Migration = {
  version: 70,
  name: 'unknown-login-lockout',
  up: (db) => {
    db.exec(`
      CREATE TABLE unknown_login_failures (
        login TEXT PRIMARY KEY,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until_ms INTEGER,
        expires_ms INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX unknown_login_failures_expires ON unknown_login_failures(expires_ms);
    `);
  },
};
