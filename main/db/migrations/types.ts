import type { Database } from 'better-sqlite3';

export interface Migration {
  /** Numbered in tens so a fix can slot in between. Stored in `PRAGMA user_version`. */
  version: number;
  name: string;
  up: (db: Database) => void;
  /**
   * The migration rebuilds a table other tables refer to (SQLite changes a CHECK only so): the
   * runner switches foreign keys off around the transaction — they cannot be inside it — and runs
   * `foreign_key_check` before committing, SQLite's documented procedure for such changes.
   */
  rebuildsTables?: true;
}
