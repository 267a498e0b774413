/**
 * The live database as the backups domain sees it (issue 13): which file it is, whether it was
 * found damaged at start, and the one way to replace it while the app runs. Implemented by
 * main/app.ts, which owns the handles every call goes through.
 */
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { DB } from './schema';

export interface DatabaseHost {
  /** The database file (absolute); null for `:memory:`, which has no backups. */
  file: string | null;
  /**
   * Set when the file failed `quick_check` at start: the app then runs on an empty in-memory
   * database that serves only the recovery screen, until a backup replaces the file.
   */
  damaged: { detail: string } | null;
  /**
   * Waits for the call that holds the connection, closes the database, runs `install` (which
   * moves files: the live one aside, a backup in its place), opens the file again (migrating an
   * older backup) and points the app's handles at it. When `install` throws or opening fails,
   * `rollback` puts the files back and the previous file is opened again; the error is rethrown.
   * Swaps run one at a time. Resolves to the new handle (the app's `db` from now on).
   */
  replace: (install: () => void, rollback: () => void) => Promise<Kysely<DB>>;
  /** Opens another database file read-only with the app's own driver (Electron's binary). */
  openReadOnly: (file: string) => SqliteDatabase;
  /**
   * SQLite's integrity_check of another database file with the app's own driver, in a worker
   * thread: 'ok' or the first complaint. Rejects when the file is no database.
   */
  checkIntegrity: (file: string) => Promise<string>;
}
