import type { Database as SqliteDatabase } from 'better-sqlite3';
import { ngramTerms } from '../../main/core/ngrams';
import { parseJson, type Json } from '../../main/core/json';
import { auditSearchTexts } from '../../main/domains/audit';
import { requestSearchTexts } from '../../shared/requests/search';
import type { RequestBody } from '../../shared/requests/schema';

/**
 * The text-search tables. In SQLite they are contentless FTS5 indexes: their terms cannot be read
 * back, so PostgreSQL's `(rowid, terms)` rows are computed again from the rows they index, with
 * the app's own functions:
 * - request_search: every request, drafts included (requests/write.ts indexes a request when it
 *   is first stored and again on each edit; requests/delete.ts drops a deleted one's entry; the
 *   retention job re-indexes an anonymised one from its new body) — so one entry per row of
 *   `requests`, from its code and its stored body, as `indexForSearch` writes it;
 * - audit_search: every audit entry, as `indexEntry` writes it when appendAudit adds one.
 * main/db/derived.ts rebuilds the SQLite indexes from the same rows the same way.
 */

export interface SearchSource {
  /** The table whose rows are indexed (its count must equal the index's). */
  source: string;
  /** The indexed rows in rowid order. */
  sql: string;
  terms: (row: Record<string, unknown>) => string;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const textOrNull = (v: unknown) => (typeof v === 'string' ? v : null);

export const SEARCH_SOURCES: Readonly<Record<string, SearchSource>> = {
  request_search: {
    source: 'requests',
    sql: 'SELECT id, code, body FROM requests ORDER BY id',
    // The stored body is read back as the app reads it (parseJson: the one place that trusts a
    // JSON column), and indexed as indexForSearch indexes the body it stores.
    terms: (r) =>
      ngramTerms(requestSearchTexts(text(r.code), parseJson(text(r.body) as Json<RequestBody>))),
  },
  audit_search: {
    source: 'audit_log',
    sql: `SELECT id, actor_name, on_behalf_of_name, operation, summary FROM audit_log ORDER BY id`,
    // indexEntry indexes the summary object that appendAudit stores as JSON.stringify(summary):
    // parsed back it has the same values (auditSearchTexts reads values, not key names).
    terms: (r) =>
      ngramTerms(
        auditSearchTexts({
          actorName: textOrNull(r.actor_name),
          onBehalfOfName: textOrNull(r.on_behalf_of_name),
          operation: text(r.operation),
          summary: JSON.parse(text(r.summary)) as unknown,
        }),
      ),
  },
};

export function searchSource(table: string): SearchSource {
  const source = SEARCH_SOURCES[table];
  if (!source) {
    throw new Error(`${table}: a search table this tool does not know how to rebuild`);
  }
  return source;
}

/**
 * The index's rows `[rowid, terms]`, computed from the source rows one at a time (iterate: a
 * ten-year audit log is not read into memory at once). Holds the SQLite connection while the
 * caller iterates: no other statement may run on it meanwhile.
 */
export function* searchRows(sqlite: SqliteDatabase, table: string): Generator<[number, string]> {
  const source = searchSource(table);
  for (const row of sqlite.prepare(source.sql).iterate() as IterableIterator<
    Record<string, unknown>
  >) {
    yield [Number(row.id), source.terms(row)];
  }
}
