import type { Expression, ExpressionBuilder, Kysely, Selectable, SqlBool } from 'kysely';
import type { OpParsed } from '../../../shared/contract/operations';
import type { AuditEntry, ListTotal, Page } from '../../../shared/contract/types';
import type { DB } from '../../db/schema';
import { cappedTotal } from '../../core/paging';
import { entryHash, lastHash, storableText, type ChainedFields } from './chain';
import { entryBefore, hitIds, indexEntry, textMatch } from './queries';

/** Beyond this many matches the total reads "10,000+": counting further would scan. */
const COUNT_CAP = 10_000;

export interface AuditInsert {
  atMs: number;
  actorUserId: number | null;
  actorName: string | null;
  onBehalfOfUserId?: number | null;
  onBehalfOfName?: string | null;
  operation: string;
  entityType: string;
  entityId: string | null;
  summary: unknown;
  /** Where the call came from (ServiceContext.client); absent or null: no call (a script). */
  client?: string | null;
}

/**
 * Appends one entry, linked to the newest one by its hash (chain.ts). Call inside the write
 * transaction of the change it describes: the newest entry is read there, under the write lock,
 * so two processes on one file cannot link two entries to the same one.
 */
export async function appendAudit(db: Kysely<DB>, entry: AuditInsert): Promise<void> {
  const summary = entry.summary ?? {};
  // Stored exactly as hashed: text SQLite gives back unchanged, integers as integers.
  const fields: ChainedFields = {
    atMs: entry.atMs,
    actorUserId: entry.actorUserId,
    actorName: storableText(entry.actorName),
    onBehalfOfUserId: entry.onBehalfOfUserId ?? null,
    onBehalfOfName: storableText(entry.onBehalfOfName ?? null),
    operation: storableText(entry.operation),
    entityType: storableText(entry.entityType),
    entityId: storableText(entry.entityId),
    summary: JSON.stringify(summary),
    client: storableText(entry.client ?? null),
  };
  const prevHash = await lastHash(db);
  const { id } = await db
    .insertInto('auditLog')
    .values({ ...fields, prevHash, hash: entryHash(prevHash, fields) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await indexEntry(db, id, {
    actorName: entry.actorName,
    onBehalfOfName: entry.onBehalfOfName ?? null,
    operation: entry.operation,
    summary,
  });
}

/** The list's filters other than the text, on audit_log's own columns. */
function filters(f: OpParsed<'audit.list'>) {
  return (eb: ExpressionBuilder<DB, 'auditLog'>) => {
    const and: Expression<SqlBool>[] = [];
    if (f.operation) and.push(eb('operation', '=', f.operation));
    if (f.actorUserId !== undefined) and.push(eb('actorUserId', '=', f.actorUserId));
    if (f.entityType) and.push(eb('entityType', '=', f.entityType));
    if (f.fromMs !== undefined) and.push(eb('atMs', '>=', f.fromMs));
    if (f.toMs !== undefined) and.push(eb('atMs', '<', f.toMs));
    return eb.and(and);
  };
}

/**
 * The audit log, newest first, a page at a time: by id (the order the entries were written in),
 * or, for a time range, by time then id — on the time index, so a range of last March is not
 * fetched whole and sorted. A text search reads the search index newest first and joins the
 * entries to it: with `id IN (hits)` SQLite would collect every hit of a common word first.
 */
export async function listAudit(
  db: Kysely<DB>,
  f: OpParsed<'audit.list'>,
): Promise<Page<AuditEntry, number>> {
  const byTime = f.fromMs !== undefined || f.toMs !== undefined;
  const after = f.after;
  const match = f.search ? textMatch(db, f.search) : null;
  let rows: Selectable<DB['auditLog']>[];
  let total: ListTotal | null = null;
  if (match !== null && !byTime) {
    const q = db
      .selectFrom('auditSearch')
      .innerJoin('auditLog', 'auditLog.id', 'auditSearch.rowid')
      .where(match)
      .where(filters(f));
    if (after === undefined) {
      // Every entry has its one row in the index: with no other filter the hits are counted
      // there, without reading the entries.
      const alone = !f.operation && f.actorUserId === undefined && !f.entityType;
      const counted = alone
        ? db.selectFrom('auditSearch').select('rowid as id').where(match)
        : q.select('auditLog.id');
      total = await cappedTotal(db, counted.limit(COUNT_CAP + 1).as('m'), COUNT_CAP);
    }
    rows = await q
      .$if(after !== undefined, (qb) => qb.where('auditSearch.rowid', '<', after ?? 0))
      .selectAll('auditLog')
      .orderBy('auditSearch.rowid', 'desc')
      .limit(f.limit + 1)
      .execute();
  } else {
    let q = db.selectFrom('auditLog').where(filters(f));
    if (match !== null) q = q.where(hitIds(match));
    if (after === undefined) {
      total = await cappedTotal(
        db,
        q
          .select('id')
          .limit(COUNT_CAP + 1)
          .as('m'),
        COUNT_CAP,
      );
    }
    if (after !== undefined) {
      q = q.where(byTime ? entryBefore(after) : (eb) => eb('id', '<', after));
    }
    const ordered = byTime
      ? q.orderBy('atMs', 'desc').orderBy('id', 'desc')
      : q.orderBy('id', 'desc');
    rows = await ordered
      .selectAll()
      .limit(f.limit + 1)
      .execute();
  }
  const more = rows.length > f.limit;
  // The chain's hashes stay in the database: the list shows what happened, audit:verify the rest.
  const items = (more ? rows.slice(0, f.limit) : rows).map((r): AuditEntry => ({
    id: r.id,
    atMs: r.atMs,
    actorUserId: r.actorUserId,
    actorName: r.actorName,
    onBehalfOfUserId: r.onBehalfOfUserId,
    onBehalfOfName: r.onBehalfOfName,
    operation: r.operation,
    entityType: r.entityType,
    entityId: r.entityId,
    summary: JSON.parse(r.summary) as unknown,
    client: r.client,
  }));
  return { items, next: more ? (items[items.length - 1]?.id ?? null) : null, total };
}
