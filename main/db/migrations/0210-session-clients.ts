import type { Migration } from './types';

/**
 * Office mode (issue 14): where a session was opened from and where every audited call came
 * from, and sessions the sysadmin can list and end.
 *
 * `sessions` is made again (nothing refers to it) to give every session:
 * - `id`: 16 random hex digits, NOT NULL and unique — the name the sessions list and
 *   `sessions.revoke` use. Not the token's hash: that is what a stolen database would let
 *   someone match a token against, so it stays out of every answer. Existing sessions get one
 *   here (`randomblob`), new ones at sign-in (main/domains/auth/sessions.ts);
 * - `client`: the address it was opened from (the HTTP peer, 'local-app' for the desktop
 *   window); NULL for sessions from before;
 * - `revoked_by`: the administrator who ended it from the list, so the client is told so rather
 *   than "expired"; NULL for every other way a session ends.
 * `sessions_activity` walks sessions by last activity for the list (keyset pages, no sort).
 *
 * `audit_log.client`: the address of the call each entry records; NULL for entries written
 * before, whose hashes stay as they are (main/domains/audit/chain.ts explains how).
 */
export const migration0210: Migration = {
  version: 210,
  name: 'session-clients',
  up: (db) => {
    db.exec(`
      CREATE TABLE sessions_new (
        token_hash TEXT PRIMARY KEY,
        id TEXT NOT NULL CHECK (length(id) = 16 AND id NOT GLOB '*[^0-9a-f]*'),
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        client TEXT,
        created_at_ms INTEGER NOT NULL,
        last_active_at_ms INTEGER NOT NULL,
        locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
        ended_at_ms INTEGER,
        revoked_by INTEGER REFERENCES users(id)
      ) WITHOUT ROWID;
      INSERT INTO sessions_new
          (token_hash, id, user_id, created_at_ms, last_active_at_ms, locked, ended_at_ms)
        SELECT token_hash, lower(hex(randomblob(8))), user_id, created_at_ms, last_active_at_ms,
          locked, ended_at_ms
        FROM sessions;
      DROP TABLE sessions;
      ALTER TABLE sessions_new RENAME TO sessions;
      CREATE UNIQUE INDEX sessions_id ON sessions(id);
      CREATE INDEX sessions_user ON sessions(user_id);
      CREATE INDEX sessions_activity ON sessions(last_active_at_ms, id);

      ALTER TABLE audit_log ADD COLUMN client TEXT;
    `);
  },
};
