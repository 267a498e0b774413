import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';

/**
 * Transactions on the one SQLite connection (Kysely's SQLite driver holds it for the whole
 * callback). SQLite-only statements, so they live in a queries.ts file.
 */
async function inTransaction<T>(
  db: Kysely<DB>,
  begin: 'begin' | 'begin immediate',
  fn: (conn: Kysely<DB>) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql.raw(begin).execute(conn);
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

/** Several reads that see one snapshot of the database (WAL: no writer waits for them). */
export function readTransaction<T>(db: Kysely<DB>, fn: (conn: Kysely<DB>) => Promise<T>) {
  return inTransaction(db, 'begin', fn);
}

/**
 * A write: takes the write lock first (BEGIN IMMEDIATE), so that two processes on the same file
 * queue behind each other instead of both reading the same state (the next request code, a
 * version) and one failing at its first write with SQLITE_BUSY.
 */
export function writeTransaction<T>(db: Kysely<DB>, fn: (conn: Kysely<DB>) => Promise<T>) {
  return inTransaction(db, 'begin immediate', fn);
}
