import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { storeKind } from '../db/dialect';

/**
 * The one key every write transaction on PostgreSQL takes first (pg_advisory_xact_lock): writes
 * run one at a time across every server process, as they do on SQLite's one file (BEGIN
 * IMMEDIATE). So each check-then-write rule — the next request code, a booking's conflicts, the
 * audit chain, a version check — holds on both stores without a second way of writing it; reads
 * never wait for it. Released by COMMIT or ROLLBACK.
 */
export const WRITE_LOCK_KEY = 7_249_002;

/**
 * Transactions on one connection (Kysely's SQLite driver holds its one connection for the whole
 * callback; the PostgreSQL pool lends one). The statements differ by store, so they live here.
 */
async function inTransaction<T>(
  db: Kysely<DB>,
  kind: 'read' | 'write',
  fn: (conn: Kysely<DB>) => Promise<T>,
): Promise<T> {
  const postgres = storeKind(db) === 'postgres';
  return db.connection().execute(async (conn) => {
    if (!postgres) {
      await sql.raw(kind === 'write' ? 'begin immediate' : 'begin').execute(conn);
    } else if (kind === 'write') {
      // READ COMMITTED: once the lock is held, every statement sees every earlier write.
      await sql`begin`.execute(conn);
      await sql`SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY})`.execute(conn);
    } else {
      // One snapshot for the whole call, as SQLite's read transaction in WAL mode.
      await sql`begin isolation level repeatable read`.execute(conn);
    }
    let result: T;
    try {
      result = await fn(conn);
      await sql`commit`.execute(conn);
    } catch (e) {
      // A failed COMMIT leaves the transaction open; a failed statement may have ended it.
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw e;
    }
    return result;
  });
}

/** Several reads that see one snapshot of the database (no writer waits for them). */
export function readTransaction<T>(db: Kysely<DB>, fn: (conn: Kysely<DB>) => Promise<T>) {
  return inTransaction(db, 'read', fn);
}

/**
 * A write: takes the write lock first (SQLite: BEGIN IMMEDIATE; PostgreSQL: the advisory lock),
 * so that two processes queue behind each other instead of both reading the same state (the next
 * request code, a version) and one failing at its first write (SQLITE_BUSY) or both succeeding.
 */
export function writeTransaction<T>(db: Kysely<DB>, fn: (conn: Kysely<DB>) => Promise<T>) {
  return inTransaction(db, 'write', fn);
}
