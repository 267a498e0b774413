import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { storeKind } from '../../../db/dialect';

/**
 * Merges the requests' search index into one segment: a row deleted from a contentless FTS5
 * table leaves its terms in the old segments until they are merged, and the retention job wants
 * no purged name's terms left anywhere (secure_delete zeroes the freed pages).
 */
export async function optimizeRequestSearch(db: Kysely<DB>): Promise<void> {
  // PostgreSQL's search table holds each request's terms in its own row: deleted is gone (the
  // freed space is reused by later writes; VACUUM reclaims it, outside the app).
  if (storeKind(db) === 'postgres') return;
  await sql`INSERT INTO request_search (request_search) VALUES ('optimize')`.execute(db);
}

/**
 * Copies the write-ahead log into the database and empties it, so the purged rows' old pages
 * are gone from the -wal file too. Outside any transaction; a reader still open keeps the log
 * (the next day's run tries again).
 */
export async function checkpointTruncate(db: Kysely<DB>): Promise<void> {
  if (storeKind(db) === 'postgres') return; // its write-ahead log is the server's to recycle
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
}
