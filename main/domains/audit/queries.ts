import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema';
import { ngramMatch, ngramPattern, ngramTerms } from '../../core/ngrams';
import { storeKind } from '../../db/dialect';
import { auditSearchTexts } from './search';

/**
 * The audit domain's raw SQL: the text index audit_search — FTS5 on SQLite, the same terms under a
 * trigram index on PostgreSQL (main/core/ngrams.ts). Nothing outside this file writes raw SQL for
 * audit.
 */

/**
 * The search index's MATCH for a text (an entry's actor, operation or summary values — not the
 * summary's key names: "name" would match every entry), or null when it holds nothing to look for.
 */
export function textMatch(db: Kysely<DB>, search: string): Expression<SqlBool> | null {
  if (storeKind(db) === 'postgres') {
    const pattern = ngramPattern(search);
    return pattern === null
      ? null
      : sql<SqlBool>`(' ' || audit_search.terms || ' ') LIKE ${pattern}`;
  }
  const match = ngramMatch(search);
  return match === null ? null : sql<SqlBool>`audit_search MATCH ${match}`;
}

/** Entries among the hits of a `textMatch` (when the list is not read in the index's order). */
export function hitIds(match: Expression<SqlBool>): Expression<SqlBool> {
  return sql<SqlBool>`id IN (SELECT rowid FROM audit_search WHERE ${match})`;
}

/** Indexes a new entry for the text search, in the transaction that appends it. */
export async function indexEntry(
  db: Kysely<DB>,
  id: number,
  entry: Parameters<typeof auditSearchTexts>[0],
): Promise<void> {
  await sql`INSERT INTO audit_search (rowid, terms)
            VALUES (${id}, ${ngramTerms(auditSearchTexts(entry))})`.execute(db);
}

/** Entries after `id` in the (time, id) order of a time-range list: a row value compared. */
export function entryBefore(id: number): Expression<SqlBool> {
  return sql<SqlBool>`(at_ms, id) < (SELECT at_ms, id FROM audit_log WHERE id = ${id})`;
}
