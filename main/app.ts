import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { CachingHandle } from './db/statement-cache';
import { openDatabase, type Database, type OpenOptions } from './db/open';
import { DatabaseDamagedError } from './db/backup';
import { integrityCheckOffThread } from './db/integrity-check';
import { acquireDatabaseLock, type DatabaseLock } from './db/lock';
import type { DatabaseHost } from './db/host';
import type { DB } from './db/schema';
import type { App } from './api/dispatcher';
import { EventBus } from './api/events';
import { FileStore, filesDirFor } from './core/files';

export interface RunningApp extends App {
  sqlite: SqliteDatabase;
  statements: CachingHandle;
  close: () => Promise<void>;
  host: DatabaseHost;
}

/**
 * Opens the database and wires the dispatcher's dependencies. One per process, and one process
 * per database file: throws DatabaseInUseError (db/lock.ts) when another process has it open.
 * Attachments' files live beside the database file (core/files.ts: `filesDirFor`).
 *
 * A file that fails `quick_check` (DatabaseDamagedError) does not stop the app: it runs on an
 * empty in-memory database, holding the file's lock, and serves only the recovery screen
 * (`host.damaged`), which offers the newest good backup. The damaged file is not touched.
 */
export function createApp(
  dbFile: string,
  options: OpenOptions & { clock?: () => number } = {},
): RunningApp {
  const clock = options.clock ?? Date.now;
  const openOptions: OpenOptions = { ...options, nowMs: clock() };
  let current: Database;
  let damaged: DatabaseHost['damaged'] = null;
  let damagedLock: DatabaseLock | null = null;
  try {
    current = openDatabase(dbFile, openOptions);
  } catch (e) {
    if (!(e instanceof DatabaseDamagedError)) throw e;
    console.error(e.message);
    damagedLock = options.lock === false ? null : acquireDatabaseLock(dbFile);
    current = openDatabase(':memory:', openOptions);
    damaged = { detail: e.detail };
  }
  const files = filesDirFor(dbFile);
  let swapping: Promise<unknown> = Promise.resolve();
  const openReadOnly = (file: string) =>
    new BetterSqlite3(file, {
      readonly: true,
      fileMustExist: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  const host: DatabaseHost = {
    openReadOnly,
    checkIntegrity: (file) =>
      integrityCheckOffThread(file, {
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
        fallback: (f) => {
          const db = openReadOnly(f);
          try {
            const rows = db.pragma('integrity_check(1)') as { integrity_check: string }[];
            return rows[0]?.integrity_check ?? 'no answer';
          } finally {
            db.close();
          }
        },
      }),
    file: dbFile === ':memory:' ? null : path.resolve(dbFile),
    damaged,
    // One swap at a time, each from the database open when it starts: a second restore queued
    // on the first's handle would close a handle already closed and leave the first's new one
    // open on a file that went aside.
    replace: (install, rollback) => {
      const run = swapping.then(() => swap(install, rollback));
      swapping = run.catch(() => undefined);
      return run;
    },
  };
  function swap(install: () => void, rollback: () => void): Promise<Kysely<DB>> {
    if (host.file === null) throw new Error('an in-memory database has no file to replace');
    const file = host.file;
    const before = current;
    // Kysely's driver lends its one connection to one call at a time: holding it, no call is
    // halfway through a transaction when the handle closes. Calls queued behind get a closed
    // handle and answer BUSY (the dispatcher), and their retry meets the new database.
    return before.db.connection().execute(async () => {
      before.sqlite.close();
      before.lock?.release();
      damagedLock?.release();
      damagedLock = null;
      let next: Database;
      try {
        install();
        next = openDatabase(file, { ...options, nowMs: clock() });
      } catch (e) {
        // The swap stopped, or the new file does not open: the one before comes back, open.
        rollback();
        attach(openDatabase(file, { ...options, nowMs: clock() }));
        throw e;
      }
      attach(next);
      host.damaged = null;
      return Promise.resolve(next.db);
    });
  }
  const app: RunningApp = {
    sqlite: current.sqlite,
    statements: current.statements,
    db: current.db,
    files: new FileStore(files.dir),
    events: new EventBus(),
    clock,
    host,
    close: async () => {
      await current.close();
      damagedLock?.release();
      if (files.temporary) fs.rmSync(files.dir, { recursive: true, force: true });
    },
  };
  function attach(next: Database) {
    current = next;
    app.sqlite = next.sqlite;
    app.statements = next.statements;
    app.db = next.db;
  }
  return app;
}
