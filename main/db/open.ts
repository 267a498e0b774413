import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { Kysely, SqliteDialect, CamelCasePlugin } from 'kysely';
import { DatabaseTooNewError, migrate, schemaVersion } from './migrate';
import { LATEST_VERSION } from './migrations';
import type { DB } from './schema';

export interface OpenOptions {
  /** Path of a better-sqlite3 binary built for this runtime (Electron passes its own). */
  nativeBinding?: string;
}

export interface Database {
  sqlite: SqliteDatabase;
  db: Kysely<DB>;
  close: () => Promise<void>;
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

/** Opens (creating if needed) and migrates a database file, or `:memory:`. */
export function openDatabase(file: string, options: OpenOptions = {}): Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new BetterSqlite3(
    file,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  try {
    // Refuse a newer database before any pragma: switching to WAL would rewrite its header.
    const found = schemaVersion(sqlite);
    if (found > LATEST_VERSION) throw new DatabaseTooNewError(found, LATEST_VERSION);
    applyPragmas(sqlite);
    migrate(sqlite);
  } catch (e) {
    sqlite.close();
    throw e;
  }
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  });
  return {
    sqlite,
    db,
    close: async () => {
      await db.destroy(); // closes the sqlite handle only if Kysely ever used it, so:
      if (sqlite.open) sqlite.close();
    },
  };
}
