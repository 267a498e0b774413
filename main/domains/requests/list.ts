import { hasPermission } from '../../../shared/auth';
import type { OpParsed } from '../../../shared/contract/operations';
import type { ListCursor, ListTotal, Page } from '../../../shared/contract/types';
import { addDays } from '../../../shared/dates';
import { departmentsListed, mayList } from '../../../shared/requests/rights';
import type { RequestListItem } from '../../../shared/requests/views';
import { openStepsOf } from '../approvals';
import { departmentsHeadedBy } from '../departments';
import { requireActor, type ServiceContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { cappedTotal } from '../../core/paging';
import {
  countFromCounters,
  listRowsQuery,
  maxStayDays,
  searchCondition,
  searchHits,
  sortedOffIndex,
  statusIn,
  tierIn,
  toSummary,
} from './queries';

/** Each sort: its column (walked on an index: see migration 0080), direction and key type. */
const SORTS = {
  arrival_desc: { col: 'r.arrivalDate', dir: 'desc', key: 'string' },
  arrival_asc: { col: 'r.arrivalDate', dir: 'asc', key: 'string' },
  updated_desc: { col: 'r.updatedAtMs', dir: 'desc', key: 'number' },
  budget_desc: { col: 'r.budgetTotalFen', dir: 'desc', key: 'number' },
} as const;

/**
 * Beyond this many matches a total that has to look at rows reads "1,000+": each counted row is a
 * lookup (about 2 µs), and nobody pages through a thousand search results — they narrow it.
 */
export const COUNT_CAP = 1_000;

/**
 * Up to this many search hits the list reads them and sorts; beyond, it walks the sort's index.
 * The costs cross near √(page × requests) row reads: about 5,000 at 500,000 requests.
 */
const DENSE_HITS = 5_000;

type ListRow = Parameters<typeof toSummary>[0];

function cursorOf(row: ListRow, sort: keyof typeof SORTS): ListCursor {
  const key =
    sort === 'updated_desc'
      ? row.updatedAtMs
      : sort === 'budget_desc'
        ? row.budgetTotalFen
        : row.arrivalDate;
  return { key, id: row.id };
}

/** How many rows the list's query holds, counted up to COUNT_CAP. */
function cappedCount(ctx: ServiceContext, q: ReturnType<typeof listRowsQuery>) {
  return cappedTotal(
    ctx.db,
    q
      .clearSelect()
      .select('r.id')
      .limit(COUNT_CAP + 1)
      .as('m'),
    COUNT_CAP,
  );
}

/** The list's order (the sort's column, then the id, both in the sort's direction) as a comparator. */
function inListOrder(a: ListRow, b: ListRow, sort: keyof typeof SORTS): number {
  const ka = cursorOf(a, sort).key;
  const kb = cursorOf(b, sort).key;
  const ascending = ka < kb ? -1 : ka > kb ? 1 : a.id - b.id;
  return SORTS[sort].dir === 'asc' ? ascending : -ascending;
}

/**
 * One list's rows from several runs, each already in the list's order and holding the first rows
 * after the cursor of its part: the first `n` of them all. Each department of a head's list is a
 * walk of its own index (department, sort column), stopped at the page's end; a single walk over
 * `department_id IN (…)` would have to sort every row of those departments first.
 */
function firstOfRuns(runs: ListRow[][], sort: keyof typeof SORTS, n: number): ListRow[] {
  if (runs.length === 1) return runs[0] ?? [];
  return runs
    .flat()
    .sort((a, b) => inListOrder(a, b, sort))
    .slice(0, n);
}

/**
 * The caller's requests ('mine'), those of the departments he heads ('department'), or every
 * submitted one ('all', for those who may read all), a page at a time in the chosen order: the
 * rows after `after`, on the sort's index.
 */
export async function listRequests(
  ctx: ServiceContext,
  f: OpParsed<'requests.list'>,
): Promise<Page<RequestListItem>> {
  const actor = requireActor(ctx);
  const headOf = f.scope === 'department' ? await departmentsHeadedBy(ctx.db, actor.userId) : [];
  if (!mayList(f.scope, { readAll: hasPermission(actor.roles, 'requests.readAll'), headOf })) {
    throw new AppError('FORBIDDEN', 'errors.FORBIDDEN');
  }
  // A head's list: the departments it reads (null for the other lists), each walked on its own.
  const departments = f.scope === 'department' ? departmentsListed(headOf, f.departmentId) : null;
  if (departments?.length === 0) {
    return { items: [], next: null, total: f.after ? null : { count: 0, atLeast: false } };
  }
  const sort = SORTS[f.sort];
  if (f.after && typeof f.after.key !== sort.key) {
    throw new AppError('INVALID_INPUT', 'errors.INVALID_INPUT');
  }
  const search = f.search ? searchCondition(ctx.db, f.search) : null;
  // Few hits: read them and sort. Many: walk the sort's index, where they come soon. Counted
  // once, far enough for the total below too (drafts never submitted are hits but not listed).
  const unlisted = search && f.scope === 'all' ? await countFromCounters(ctx.db, {}, 0) : 0;
  const hits =
    search && f.search
      ? await searchHits(ctx.db, f.search, Math.max(DENSE_HITS, unlisted + COUNT_CAP))
      : 0;
  const sparse = search !== null && hits <= DENSE_HITS;

  let q = listRowsQuery(ctx.db);
  if (f.scope === 'mine') q = q.where('r.hostUserId', '=', actor.userId);
  // A request its host never submitted is his alone (hostOnly in shared/requests/rights): a
  // draft has status 'draft' and revision 0, a cancelled draft revision 0.
  else q = q.where('r.status', '!=', 'draft').where('r.revision', '>', 0);
  if (f.statuses?.length) q = q.where(statusIn(f.statuses));
  if (f.tiers?.length) q = q.where(tierIn(f.tiers));
  if (f.departmentId !== undefined && !departments) {
    q = q.where('r.departmentId', '=', f.departmentId);
  }
  if (f.fromDate) {
    q = q.where('r.departureDate', '>=', f.fromDate);
    // Redundant for the result (no stay is longer), but it bounds the range on arrival_date, so
    // an old date range does not walk ten years of arrivals.
    const longest = await maxStayDays(ctx.db);
    q = q.where('r.arrivalDate', '>=', addDays(f.fromDate, -longest));
  }
  if (f.toDate) q = q.where('r.arrivalDate', '<=', f.toDate);
  if (search) q = q.where(search);

  let total: ListTotal | null = null;
  if (!f.after) {
    const narrowed =
      Boolean(f.statuses?.length || f.tiers?.length || f.fromDate || f.toDate) ||
      f.departmentId !== undefined;
    if (f.scope !== 'mine' && !search && !f.fromDate && !f.toDate) {
      // The counters are kept per department: a head's total is theirs for his departments.
      const departmentIds =
        departments ?? (f.departmentId !== undefined ? [f.departmentId] : undefined);
      total = {
        count: await countFromCounters(ctx.db, {
          statuses: f.statuses,
          tiers: f.tiers,
          departmentIds,
        }),
        atLeast: false,
      };
    } else if (f.scope === 'all' && search && !sparse && !narrowed) {
      // Many hits: every hit beyond the unlisted requests (drafts) is a listed one, so when
      // they are COUNT_CAP more, the total is known to be at least that without reading rows.
      total =
        hits - unlisted >= COUNT_CAP
          ? { count: COUNT_CAP, atLeast: true }
          : await cappedCount(ctx, q);
    } else {
      total = await cappedCount(
        ctx,
        departments ? q.where('r.departmentId', 'in', departments) : q,
      );
    }
  }

  const { col, dir } = sort;
  if (f.after) {
    const { key, id } = f.after;
    q = q.where((eb) =>
      eb(eb.refTuple(col, 'r.id'), dir === 'desc' ? '<' : '>', eb.tuple(key, id)),
    );
  }
  const walk = (from: typeof q) =>
    from
      .orderBy(sparse ? sortedOffIndex(col) : col, dir)
      .orderBy('r.id', dir)
      .limit(f.limit + 1)
      .execute();
  const runs: ListRow[][] = [];
  for (const d of departments ?? [null]) {
    runs.push(await walk(d === null ? q : q.where('r.departmentId', '=', d)));
  }
  const rows = firstOfRuns(runs, f.sort, f.limit + 1);
  const more = rows.length > f.limit;
  const items = more ? rows.slice(0, f.limit) : rows;
  const last = items[items.length - 1];
  // Whom each waits on now (its current round's pending step): one statement for the page.
  const open = await openStepsOf(
    ctx.db,
    'request',
    items.map((r) => r.id),
  );
  const round = new Map(items.map((r) => [r.id, r.revision]));
  const waiting = new Map(
    open
      .filter((s) => round.get(s.subjectId) === s.revision)
      .map((s) => [
        s.subjectId,
        { kind: s.kind, assigneeName: s.assigneeName, sinceMs: s.pendingSinceMs },
      ]),
  );
  return {
    items: items.map((r) => ({ ...toSummary(r), waitingOn: waiting.get(r.id) ?? null })),
    next: more && last ? cursorOf(last, f.sort) : null,
    total,
  };
}
