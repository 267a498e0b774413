import type { Migration } from './types';

/**
 * The first answer to each write that carried an idempotency key, so that a retry with the same
 * key (the client heard nothing back: a dropped connection, a killed process) gets that answer
 * again instead of writing twice. Keys are per user; rows older than a day are purged by later
 * writes (`IDEMPOTENCY_TTL_MS`), so the table stays small.
 */
export const migration0050: Migration = {
  version: 50,
  name: 'idempotency-keys',
  up: (db) => {
    db.exec(`
      CREATE TABLE idempotency_keys (
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        operation TEXT NOT NULL,
        input_hash TEXT NOT NULL,
        result TEXT NOT NULL,
        created_at_ms INTEGER NOT NULL,
        PRIMARY KEY (user_id, key)
      ) WITHOUT ROWID;
      CREATE INDEX idempotency_keys_created ON idempotency_keys(created_at_ms);
    `);
  },
};
