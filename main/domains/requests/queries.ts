import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { LIVE_STATUSES, type RequestStatus } from '../../../shared/requests/lifecycle';
import type { Tier } from '../../../shared/policy';
import { orgKey } from '../../../shared/requests/org';
import type { RequestSummary } from '../../../shared/requests/views';
import type { DB } from '../../db/schema';
import { AppError } from '../../core/errors';
import { ngramMatch, ngramPattern, ngramTerms } from '../../core/ngrams';
import { storeKind } from '../../db/dialect';
import { requestSearchTexts } from '../../../shared/requests/search';
import type { RequestBody } from '../../../shared/requests/schema';

/**
 * Reads of reception requests. The SQLite-only pieces (FTS5) live here and
 * only here, so the office server's PostgreSQL twin has one file to mirror.
 */

/** A request's row with what its dossier and its rights need beyond a list's columns. */
export function summaryQuery(db: Kysely<DB>) {
  return listRowsQuery(db).select((eb) => [
    'r.body',
    'r.policyVersion',
    eb
      .selectFrom('departments as dh')
      .select('dh.headUserId')
      .whereRef('dh.id', '=', 'r.departmentId')
      .$asScalar()
      .$castTo<number | null>()
      .as('departmentHeadUserId'),
  ]);
}
export type SummaryRow = Awaited<
  ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>
>;

/**
 * The lists' rows: only what a list shows (not the body: ten years of bodies is gigabytes). One
 * table in FROM, the names as scalar subqueries: with users joined, SQLite may loop over the users
 * first and sort every request of theirs instead of walking the list's index to the page's end.
 */
export function listRowsQuery(db: Kysely<DB>) {
  return db
    .selectFrom('requests as r')
    .select((eb) => [
      'r.id',
      'r.code',
      'r.status',
      'r.hostUserId',
      eb
        .selectFrom('users as h')
        .select('h.displayName')
        .whereRef('h.id', '=', 'r.hostUserId')
        .$asScalar()
        .$notNull()
        .as('hostName'),
      'r.departmentId',
      eb
        .selectFrom('departments as d')
        .select('d.name')
        .whereRef('d.id', '=', 'r.departmentId')
        .$asScalar()
        .$castTo<string | null>()
        .as('departmentName'),
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
    ]);
}
type ListRow = Awaited<ReturnType<ReturnType<typeof listRowsQuery>['executeTakeFirstOrThrow']>>;

export function toSummary(r: ListRow): RequestSummary {
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

/** Several requests as a list shows them (no body), by id: a statement per 1,000. */
export async function loadListRows(db: Kysely<DB>, ids: readonly number[]) {
  const out = new Map<number, ListRow>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await listRowsQuery(db)
      .where('r.id', 'in', ids.slice(i, i + 1000))
      .execute();
    for (const r of rows) out.set(r.id, r);
  }
  return out;
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
 * Free-text search of the lists: a substring of what the host wrote (`requestSearchTexts`: code,
 * organisation, visitors, purpose …) through the bigram index, or of the host's name. `r` is the
 * list query's alias. Null when the text holds nothing to look for (only spaces).
 */
export function searchCondition(db: Kysely<DB>, search: string): Expression<SqlBool> | null {
  const hits = searchHitIds(db, search);
  if (hits === null) return null;
  const like = `%${search.trim().replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  // SQLite's LIKE ignores the case of ASCII letters; PostgreSQL's ILIKE does so for all.
  const likeOp = sql.raw(storeKind(db) === 'postgres' ? 'ILIKE' : 'LIKE');
  return sql<SqlBool>`(r.id IN (${hits})
        OR r.host_user_id IN (SELECT id FROM users WHERE display_name ${likeOp} ${like} ESCAPE '\\'))`;
}

/** The ids of the requests whose indexed text holds `search`, as a subquery; null: nothing to look for. */
function searchHitIds(db: Kysely<DB>, search: string) {
  if (storeKind(db) === 'postgres') {
    const pattern = ngramPattern(search);
    return pattern === null
      ? null
      : sql`SELECT rowid FROM request_search WHERE (' ' || terms || ' ') LIKE ${pattern}`;
  }
  const match = ngramMatch(search);
  return match === null
    ? null
    : sql`SELECT rowid FROM request_search WHERE request_search MATCH ${match}`;
}

/**
 * How many requests hold the search text, counted in the index up to `cap` (well under a
 * millisecond): how the list should be read depends on it (list.ts).
 */
export async function searchHits(db: Kysely<DB>, search: string, cap: number): Promise<number> {
  const hits = searchHitIds(db, search);
  if (hits === null) return 0;
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM
      (${hits} LIMIT ${cap + 1}) AS hits`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * A sort that does not use the column's index (an expression of it: SQLite's planner, like
 * PostgreSQL's, uses an index only for the bare column): for a few search hits, reading them and
 * sorting beats walking the index past thousands of rows that do not match. `|| ''` and `+ 0`
 * rather than SQLite's unary +, which PostgreSQL has for numbers only.
 */
export function sortedOffIndex(column: 'r.arrivalDate' | 'r.updatedAtMs' | 'r.budgetTotalFen') {
  return column === 'r.arrivalDate'
    ? sql`(${sql.ref(column)} || '')`
    : sql`(${sql.ref(column)} + 0)`;
}

/** Keeps a request's entry in the search index in step with its text (`isNew`: no entry yet). */
export async function indexForSearch(
  db: Kysely<DB>,
  id: number,
  code: string,
  body: RequestBody,
  isNew: boolean,
) {
  if (!isNew) await sql`DELETE FROM request_search WHERE rowid = ${id}`.execute(db);
  await sql`INSERT INTO request_search (rowid, terms)
            VALUES (${id}, ${ngramTerms(requestSearchTexts(code, body))})`.execute(db);
}

/**
 * Status and tier filters of the lists, kept off the indexes on purpose (an expression, `|| ''`): a
 * list walks the index of its sort order and stops at the page's end, whereas an index on status
 * would fetch every 'filed' request of ten years and sort them. Statuses and tiers are few, so
 * the walk meets a match soon; the totals come from the counters.
 */
export function statusIn(statuses: readonly RequestStatus[]): Expression<SqlBool> {
  return sql<SqlBool>`(r.status || '') IN (${sql.join(statuses)})`;
}
export function tierIn(tiers: readonly Tier[]): Expression<SqlBool> {
  return sql<SqlBool>`(r.tier || '') IN (${sql.join(tiers)})`;
}

/** Removes a deleted request's entry from the search index. */
export async function dropFromSearch(db: Kysely<DB>, id: number) {
  await sql`DELETE FROM request_search WHERE rowid = ${id}`.execute(db);
}

/** The longest stay ever saved, in days (request_stats, kept by triggers). */
export async function maxStayDays(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('requestStats')
    .select('value')
    .where('key', '=', 'max_stay_days')
    .executeTakeFirst();
  return row?.value ?? 0;
}

/**
 * How many requests match, from the counters (request_counts): no scan of requests. `listed` 0
 * counts the others (drafts never submitted).
 */
export async function countFromCounters(
  db: Kysely<DB>,
  f: {
    statuses?: readonly RequestStatus[];
    tiers?: readonly Tier[];
    departmentIds?: readonly number[];
  },
  listed: 0 | 1 = 1,
): Promise<number> {
  let q = db
    .selectFrom('requestCounts')
    .select((eb) => eb.fn.sum<number | null>('n').as('n'))
    .where('listed', '=', listed);
  if (f.statuses?.length) q = q.where('status', 'in', [...f.statuses]);
  if (f.tiers?.length) q = q.where('tier', 'in', [...f.tiers]);
  if (f.departmentIds) q = q.where('departmentId', 'in', [...f.departmentIds]);
  return Number((await q.executeTakeFirstOrThrow()).n ?? 0);
}
