import type { Database } from 'better-sqlite3';
import { ngramTerms } from '../core/ngrams';
import { auditSearchTexts } from '../domains/audit';
import { requestSearchTexts } from '../../shared/requests/search';
import type { RequestBody } from '../../shared/requests/schema';

/**
 * Derived tables hold nothing of their own: the search indexes (FTS5, terms from `ngramTerms`)
 * and the list counters are rebuilt here from the base rows. The migration that created them
 * calls this; so does the data generator after its bulk inserts, and so may a later migration
 * that changes what is indexed. Runs on the raw handle in the caller's transaction, if any.
 */
export function rebuildDerived(sqlite: Database): void {
  rebuildRequestCounts(sqlite);
  rebuildRequestSearch(sqlite);
  rebuildAuditSearch(sqlite);
}

export function rebuildRequestCounts(sqlite: Database): void {
  sqlite.exec(`
    DELETE FROM request_counts;
    INSERT INTO request_counts (listed, status, tier, department_id, n)
      SELECT status <> 'draft' AND revision > 0, status, tier, coalesce(department_id, 0), count(*)
      FROM requests GROUP BY 1, 2, 3, 4;
    DELETE FROM request_stats;
    INSERT INTO request_stats (key, value)
      SELECT 'max_stay_days', coalesce(max(CAST(julianday(departure_date) - julianday(arrival_date) AS INTEGER)), 0)
      FROM requests WHERE arrival_date <> '' AND departure_date <> '';
  `);
}

const BATCH = 5000;

export function rebuildRequestSearch(sqlite: Database): void {
  sqlite.exec('DELETE FROM request_search');
  const insert = sqlite.prepare('INSERT INTO request_search (rowid, terms) VALUES (?, ?)');
  const page = sqlite.prepare(
    'SELECT id, code, body FROM requests WHERE id > ? ORDER BY id LIMIT ?',
  );
  let after = 0;
  for (;;) {
    const rows = page.all(after, BATCH) as { id: number; code: string; body: string }[];
    for (const r of rows) {
      const body = JSON.parse(r.body) as RequestBody;
      insert.run(r.id, ngramTerms(requestSearchTexts(r.code, body)));
    }
    const last = rows[rows.length - 1];
    if (!last) break;
    after = last.id;
  }
}

export function rebuildAuditSearch(sqlite: Database): void {
  sqlite.exec('DELETE FROM audit_search');
  const insert = sqlite.prepare('INSERT INTO audit_search (rowid, terms) VALUES (?, ?)');
  const page = sqlite.prepare(
    `SELECT id, actor_name, on_behalf_of_name, operation, summary
     FROM audit_log WHERE id > ? ORDER BY id LIMIT ?`,
  );
  let after = 0;
  for (;;) {
    const rows = page.all(after, BATCH) as {
      id: number;
      actor_name: string | null;
      on_behalf_of_name: string | null;
      operation: string;
      summary: string;
    }[];
    for (const r of rows) {
      const texts = auditSearchTexts({
        actorName: r.actor_name,
        onBehalfOfName: r.on_behalf_of_name,
        operation: r.operation,
        summary: JSON.parse(r.summary) as unknown,
      });
      insert.run(r.id, ngramTerms(texts));
    }
    const last = rows[rows.length - 1];
    if (!last) break;
    after = last.id;
  }
}
