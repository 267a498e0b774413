import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { LIVE_STATUSES } from '../../../shared/requests/lifecycle';
import { orgKey } from '../../../shared/requests/org';
import type { RequestSummary } from '../../../shared/requests/views';
import type { DB } from '../../db/schema';
import { AppError } from '../../core/errors';

/**
 * Reads of reception requests. The SQLite-only pieces (json_tree) live here and
 * only here, so the office server's PostgreSQL twin has one file to mirror.
 */

export function summaryQuery(db: Kysely<DB>) {
  return db
    .selectFrom('requests as r')
    .innerJoin('users as h', 'h.id', 'r.hostUserId')
    .leftJoin('departments as d', 'd.id', 'r.departmentId')
    .select([
      'r.id',
      'r.code',
      'r.status',
      'r.hostUserId',
      'h.displayName as hostName',
      'r.departmentId',
      'd.name as departmentName',
      'd.headUserId as departmentHeadUserId',
      'r.orgName',
      'r.tier',
      'r.arrivalDate',
      'r.departureDate',
      'r.visitorCount',
      'r.budgetTotalFen',
      'r.retroactive',
      'r.revision',
      'r.version',
      'r.updatedAtMs',
      'r.body',
      'r.policyVersion',
    ]);
}
export type SummaryRow = Awaited<
  ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>
>;

export function toSummary(r: SummaryRow): RequestSummary {
  return {
    id: r.id,
    code: r.code,
    status: r.status,
    hostUserId: r.hostUserId,
    hostName: r.hostName,
    departmentId: r.departmentId,
    departmentName: r.departmentName,
    orgName: r.orgName,
    tier: r.tier,
    arrivalDate: r.arrivalDate,
    departureDate: r.departureDate,
    visitorCount: r.visitorCount,
    budgetTotalFen: r.budgetTotalFen,
    retroactive: r.retroactive === 1,
    revision: r.revision,
    version: r.version,
    updatedAtMs: r.updatedAtMs,
  };
}

export async function loadRow(db: Kysely<DB>, id: number): Promise<SummaryRow> {
  const row = await summaryQuery(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'errors.requestNotFound');
  return row;
}

/** Several requests in one statement, by id. */
export async function loadRows(db: Kysely<DB>, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, SummaryRow>();
  const rows = await summaryQuery(db)
    .where('r.id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Other live requests for the organisation of `key` (`orgKey`: however its name is typed): one
 * search of the requests_org_key index.
 */
export function otherVisitsQuery(db: Kysely<DB>, key: string, excludeId: number | null) {
  let q = db
    .selectFrom('requests')
    .select('arrivalDate')
    .where('orgKey', '=', key)
    .where('status', 'in', [...LIVE_STATUSES])
    .where('arrivalDate', '!=', '');
  if (excludeId !== null) q = q.where('id', '!=', excludeId);
  return q;
}

/** Arrival dates of the other live requests for the same organisation. */
export async function otherVisitDates(db: Kysely<DB>, orgName: string, excludeId: number | null) {
  const key = orgKey(orgName);
  if (key === '') return [];
  return (await otherVisitsQuery(db, key, excludeId).execute()).map((r) => r.arrivalDate);
}

/** The company leaders a request may name among its companions: enabled users with `executive`. */
export async function executiveUserIds(db: Kysely<DB>): Promise<Set<number>> {
  const rows = await db
    .selectFrom('userRoles as ur')
    .innerJoin('users as u', 'u.id', 'ur.userId')
    .select('ur.userId')
    .where('ur.role', '=', 'executive')
    .where('u.disabled', '=', 0)
    .execute();
  return new Set(rows.map((r) => r.userId));
}

/**
 * Free-text search of the list: organisation, code, host, and the body's text values (not its
 * JSON text: every key name would match). `r` and `h` are the list query's aliases.
 */
export function searchCondition(search: string): Expression<SqlBool> {
  const like = `%${search.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  return sql<SqlBool>`(r.org_name LIKE ${like} ESCAPE '\\' OR r.code LIKE ${like} ESCAPE '\\'
        OR h.display_name LIKE ${like} ESCAPE '\\'
        OR EXISTS (SELECT 1 FROM json_tree(r.body) j
                   WHERE j.type = 'text' AND j.value LIKE ${like} ESCAPE '\\'))`;
}
