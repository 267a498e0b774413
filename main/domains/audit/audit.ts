import type { Kysely } from 'kysely';
import type { OpParsed } from '../../../shared/contract/operations';
import type { AuditEntry, Page } from '../../../shared/contract/types';
import type { DB } from '../../db/schema';
import { auditTextMatches } from './queries';

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
}

/** Appends one entry. Call inside the transaction of the change it describes. */
export async function appendAudit(db: Kysely<DB>, entry: AuditInsert): Promise<void> {
  await db
    .insertInto('auditLog')
    .values({
      ...entry,
      onBehalfOfUserId: entry.onBehalfOfUserId ?? null,
      onBehalfOfName: entry.onBehalfOfName ?? null,
      summary: JSON.stringify(entry.summary ?? {}),
    })
    .execute();
}

export async function listAudit(
  db: Kysely<DB>,
  f: OpParsed<'audit.list'>,
): Promise<Page<AuditEntry>> {
  let q = db.selectFrom('auditLog');
  if (f.operation) q = q.where('operation', '=', f.operation);
  if (f.actorUserId !== undefined) q = q.where('actorUserId', '=', f.actorUserId);
  if (f.entityType) q = q.where('entityType', '=', f.entityType);
  if (f.fromMs !== undefined) q = q.where('atMs', '>=', f.fromMs);
  if (f.toMs !== undefined) q = q.where('atMs', '<', f.toMs);
  if (f.search) q = q.where(auditTextMatches(f.search));
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('id', 'desc').offset(f.offset).limit(f.limit).execute();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({ ...r, summary: JSON.parse(r.summary) as unknown })),
  };
}
