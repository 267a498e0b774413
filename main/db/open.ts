import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { Kysely, SqliteDialect, CamelCasePlugin } from 'kysely';
import { backupDatabaseSync, DatabaseDamagedError, isDamageError } from './backup';
import { backupsDirFor, newBackupId } from './backup-folder';
import { acquireDatabaseLock, type DatabaseLock } from './lock';
import { DatabaseTooNewError, migrate, schemaVersion } from './migrate';
import { LATEST_VERSION } from './migrations';
import type { DB } from './schema';
import { cachingHandle, type CachingHandle } from './statement-cache';

/**
 * Up to this size the whole file gets `quick_check` at start. It reads every page: on a ten-year
 * database (6.2 GB, 2.2 million expense lines) it took about ten minutes on this machine's disk,
 * which no one waits for at the front desk. Above it, the start checks what sign-in and the
 * recovery decision rest on — the schema and the tables of people, sessions and settings, with
 * their indexes — and damage elsewhere shows when a call reads it (SQLITE_CORRUPT).
 */
export const START_CHECK_MAX_BYTES = 512 * 1024 * 1024;
const START_CHECK_TABLES = ['users', 'sessions', 'settings', 'departments'];

function startCheck(sqlite: SqliteDatabase, file: string, maxBytes: number): string {
  if (fs.statSync(file).size <= maxBytes) {
    return sqlite.pragma('quick_check', { simple: true }) as string;
  }
  for (const table of START_CHECK_TABLES) {
    const check = sqlite.pragma(`quick_check(${table})`, { simple: true }) as string;
    if (check !== 'ok') return check;
  }
  return 'ok';
}

export interface OpenOptions {
  /** Path of a better-sqlite3 binary built for this runtime (Electron passes its own). */
  nativeBinding?: string;
  /**
   * Hold `<file>.lock` while open (default true), so that a second process on the same file is
   * refused with DatabaseInUseError (lock.ts). Only a private scratch file may skip it.
   */
  lock?: boolean;
  /**
   * Before a migration runs on an existing database, copy it into its backups folder (kind
   * `migration`; default true): a migration that goes wrong in a way no test saw can be undone
   * from the backups screen. Also `PRAGMA quick_check` first: a damaged file is refused with
   * DatabaseDamagedError (the app then opens its recovery screen) before anything writes to it.
   */
  safeStart?: boolean;
  /** The time a pre-migration backup is named after (the app's clock). */
  nowMs?: number;
  /** Tests: the size above which the start checks only the critical tables. */
  startCheckMaxBytes?: number;
}

export interface Database {
  sqlite: SqliteDatabase;
  /** Kysely's handle on `sqlite`, keeping prepared statements (statement-cache.ts). */
  statements: CachingHandle;
  db: Kysely<DB>;
  /** Closes the database and releases its lock. */
  close: () => Promise<void>;
  /** Held until `close()`; null for `:memory:` or `lock: false`. Release it yourself only after closing `sqlite` directly. */
  lock: DatabaseLock | null;
}

export function applyPragmas(sqlite: SqliteDatabase): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // Money lives here: a power cut must not lose a committed transaction.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('recursive_triggers = ON');
  sqlite.pragma('secure_delete = ON');
}

/**
 * Opens (creating if needed) and migrates a database file, or `:memory:`. A file is locked for
 * this process first (DatabaseInUseError when another process has it), before anything reads it.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const locked = file !== ':memory:' && options.lock !== false;
  const lock = locked ? acquireDatabaseLock(file) : null;
  let sqlite: SqliteDatabase;
  try {
    sqlite = new BetterSqlite3(
      file,
      options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
    );
  } catch (e) {
    lock?.release();
    throw e;
  }
  try {
    // Refuse a newer database before any pragma: switching to WAL would rewrite its header.
    const safe = file !== ':memory:' && options.safeStart !== false;
    let found: number;
    try {
      found = schemaVersion(sqlite);
      if (safe && found > 0) {
        const check = startCheck(sqlite, file, options.startCheckMaxBytes ?? START_CHECK_MAX_BYTES);
        if (check !== 'ok') throw new DatabaseDamagedError(file, `quick_check: ${check}`);
      }
    } catch (e) {
      if (isDamageError(e)) throw new DatabaseDamagedError(file, (e as Error).message);
      throw e;
    }
    if (found > LATEST_VERSION) throw new DatabaseTooNewError(found, LATEST_VERSION);
    applyPragmas(sqlite);
    if (safe && found > 0 && found < LATEST_VERSION) {
      backupDatabaseSync(
        sqlite,
        path.join(backupsDirFor(file), newBackupId('migration', options.nowMs ?? Date.now())),
      );
    }
    migrate(sqlite);
    // The query planner's statistics, refreshed where a table grew or shrank a lot since they were
    // taken (bounded work: analysis_limit). Without them a ten-year list may pick the wrong index.
    sqlite.pragma('analysis_limit = 1000');
    sqlite.pragma('optimize = 0x10002');
  } catch (e) {
    sqlite.close();
    lock?.release();
    // Damage the start's check did not cover (above its size limit) may show later: in the copy
    // before a migration, the migration, or the planner's sampling of every table. It leads to
    // the recovery screen like the check's own findings, not to a crash.
    if (isDamageError(e) && !(e instanceof DatabaseDamagedError)) {
      throw new DatabaseDamagedError(file, (e as Error).message);
    }
    throw e;
  }
  const statements = cachingHandle(sqlite);
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: statements }),
    plugins: [new CamelCasePlugin()],
  });
  return {
    sqlite,
    statements,
    db,
    lock,
    close: async () => {
      try {
        await db.destroy(); // closes the sqlite handle only if Kysely ever used it, so:
        if (sqlite.open) sqlite.close();
      } finally {
        lock?.release();
      }
    },
  };
}
