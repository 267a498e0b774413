import type { Kysely } from 'kysely';
import type { OpParsed } from '../../../shared/contract/operations';
import type { ListTotal, Page } from '../../../shared/contract/types';
import {
  perHeadFen,
  type DashboardView,
  type LineRow,
  type PeriodFilter,
  type ReconciliationRow,
  type ReportCell,
  type ReportView,
} from '../../../shared/expenses';
import type { Fen } from '../../../shared/money';
import { EXPENSE_CATEGORIES, TIERS, type ExpenseCategory, type Tier } from '../../../shared/policy';
import type { RequestStatus } from '../../../shared/requests';
import type { DomainHandlers } from '../../core/handler';
import type { ServiceContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { cappedTotal } from '../../core/paging';
import type { DB } from '../../db/schema';
import { openStepsOf } from '../approvals';
import { getPolicy } from '../policy';
import type { ExpensesOp } from './handlers';

/**
 * Finance's reads (issue 12 item 5 and 7): the reconciliation queue, the period report by
 * department, tier, host, category or status with the department × category matrix, the lines
 * behind every figure, and the dashboard. Every figure is a sum of stored line columns (integer
 * fen, the rules' split as saved), so a total is exactly the sum of its lines.
 *
 * The whole months of a period are read from the monthly summaries (migration 0180, kept exact by
 * triggers: a few thousand rows a year instead of 200,000 lines); the days of a partial month at
 * either end walk `expense_lines_period` (spent_on, department, category, tier, status, amount,
 * over cap, borne by the host) and its siblings as before. A host filter or grouping (not
 * summarised) reads the rows of the range: still correct, slower.
 */

/** Beyond this many lines the lines page's total reads "1,000+" (a counted row is a lookup). */
export const LINES_COUNT_CAP = 1_000;

/** Visits that happened (for the dashboard's visits and budgets): approved … archived. */
export const HAPPENED_STATUSES: readonly RequestStatus[] = [
  'approved',
  'filed',
  'in_progress',
  'completed',
  'reconciling',
  'settled',
  'archived',
];

/** A filter that is set (neither null nor left out). */
const given = <T>(x: T | null | undefined): x is T => x !== null && x !== undefined;

const emptyCell = (): ReportCell => ({ amountFen: 0, overCapFen: 0, lines: 0 });

function addTo(cell: ReportCell, x: ReportCell) {
  cell.amountFen += x.amountFen;
  cell.overCapFen += x.overCapFen;
  cell.lines += x.lines;
}

/** The lines of a period and its filters (on the period index: spent_on first). */
function periodLines(db: Kysely<DB>, p: PeriodFilter) {
  let q = db
    .selectFrom('expenseLines as l')
    .where('l.spentOn', '>=', p.from)
    .where('l.spentOn', '<=', p.to);
  if (given(p.departmentId)) q = q.where('l.departmentId', '=', p.departmentId);
  if (given(p.category)) q = q.where('l.category', '=', p.category);
  if (given(p.tier)) q = q.where('l.tier', '=', p.tier);
  if (given(p.status)) q = q.where('l.status', '=', p.status);
  if (p.overCapOnly) q = q.where('l.overCapFen', '>', 0);
  if (given(p.hostUserId)) q = q.where('l.hostUserId', '=', p.hostUserId);
  return q;
}

async function departmentNames(db: Kysely<DB>, ids: readonly (number | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is number => x !== null))];
  if (wanted.length === 0) return new Map<number, string>();
  const rows = await db
    .selectFrom('departments')
    .select(['id', 'name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function userNames(db: Kysely<DB>, ids: readonly number[]) {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map<number, string>();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'displayName'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

async function requestFacts(db: Kysely<DB>, ids: readonly number[]) {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map<number, { code: string; orgName: string }>();
  const rows = await db
    .selectFrom('requests')
    .select(['id', 'code', 'orgName'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, { code: r.code, orgName: r.orgName }]));
}

// ───────────────────────────── the period report ─────────────────────────────

type GroupBy = ReportView['groupBy'];

interface Group extends ReportCell {
  departmentId: number | null;
  category: ExpenseCategory;
  /** The group-by value beyond department and category (tier, status or host). */
  k: string | number | null;
}

const num = (r: { amountFen: number; overCapFen: number; lines: number }) => ({
  amountFen: Number(r.amountFen),
  overCapFen: Number(r.overCapFen),
  lines: Number(r.lines),
});

/**
 * The period's figures by department × category (× the report's dimension): its whole months from
 * the summaries, the days at either end from the lines; a host's from the lines alone. The same
 * group may come from several pieces: the report adds them up.
 */
export async function periodGroups(
  db: Kysely<DB>,
  p: PeriodFilter,
  groupBy: GroupBy,
  summaries = true,
): Promise<Group[]> {
  if (!summaries || groupBy === 'host' || given(p.hostUserId)) return lineGroups(db, p, groupBy);
  const { months, days } = periodPieces(p.from, p.to);
  const out: Group[] = [];
  if (months) out.push(...(await summaryGroups(db, months, p, groupBy)));
  for (const d of days) out.push(...(await lineGroups(db, { ...p, ...d }, groupBy)));
  return out;
}

/** The summarised lines of whole months with the period's filters (no host: not summarised). */
function summaryLines(db: Kysely<DB>, months: MonthRange, p: PeriodFilter) {
  let q = db
    .selectFrom('expenseLineSummaries as s')
    .where('s.month', '>=', months.from)
    .where('s.month', '<=', months.to);
  if (given(p.departmentId)) q = q.where('s.departmentKey', '=', p.departmentId);
  if (given(p.category)) q = q.where('s.category', '=', p.category);
  if (given(p.tier)) q = q.where('s.tier', '=', p.tier);
  if (given(p.status)) q = q.where('s.status', '=', p.status);
  if (p.overCapOnly) q = q.where('s.overCap', '=', 1);
  return q;
}

/** Department key 0 is "no department". */
const deptOf = (key: number): number | null => (key === 0 ? null : key);

async function summaryGroups(
  db: Kysely<DB>,
  months: MonthRange,
  p: PeriodFilter,
  groupBy: GroupBy,
): Promise<Group[]> {
  const base = summaryLines(db, months, p)
    .select((eb) => [
      's.departmentKey',
      's.category',
      eb.fn.sum<number>('s.amountFen').as('amountFen'),
      eb.fn.sum<number>('s.overCapFen').as('overCapFen'),
      eb.fn.sum<number>('s.lines').as('lines'),
    ])
    .groupBy(['s.departmentKey', 's.category']);
  const group = (r: {
    departmentKey: number;
    category: ExpenseCategory;
    amountFen: number;
    overCapFen: number;
    lines: number;
  }) => ({ departmentId: deptOf(r.departmentKey), category: r.category, ...num(r) });
  if (groupBy === 'tier') {
    const rows = await base.select('s.tier as k').groupBy('s.tier').execute();
    return rows.map((r) => ({ ...group(r), k: r.k }));
  }
  if (groupBy === 'status') {
    const rows = await base.select('s.status as k').groupBy('s.status').execute();
    return rows.map((r) => ({ ...group(r), k: r.k }));
  }
  const rows = await base.execute();
  return rows.map((r) => ({ ...group(r), k: null }));
}

/** The lines of a period summed by department × category (× the dimension): one index walk. */
async function lineGroups(db: Kysely<DB>, p: PeriodFilter, groupBy: GroupBy): Promise<Group[]> {
  const base = periodLines(db, p)
    .select((eb) => [
      'l.departmentId',
      'l.category',
      eb.fn.sum<number>('l.amountFen').as('amountFen'),
      eb.fn.sum<number>('l.overCapFen').as('overCapFen'),
      eb.fn.countAll<number>().as('lines'),
    ])
    .groupBy(['l.departmentId', 'l.category']);
  if (groupBy === 'tier') {
    const rows = await base.select('l.tier as k').groupBy('l.tier').execute();
    return rows.map((r) => ({ ...r, ...num(r) }));
  }
  if (groupBy === 'status') {
    const rows = await base.select('l.status as k').groupBy('l.status').execute();
    return rows.map((r) => ({ ...r, ...num(r) }));
  }
  if (groupBy === 'host') {
    const rows = await base.select('l.hostUserId as k').groupBy('l.hostUserId').execute();
    return rows.map((r) => ({ ...r, ...num(r) }));
  }
  const rows = await base.execute();
  return rows.map((r) => ({ ...r, k: null, ...num(r) }));
}

/** The report of a period: rows by the chosen dimension, the department × category matrix, the total. */
export async function report(
  ctx: ServiceContext,
  input: OpParsed<'expenses.report'>,
): Promise<ReportView> {
  return reportOf(ctx.db, input);
}

/** The report; `summaries` false reads every figure from the lines (tests compare the two). */
export async function reportOf(
  db: Kysely<DB>,
  input: OpParsed<'expenses.report'>,
  summaries = true,
): Promise<ReportView> {
  const { period, groupBy } = input;
  const groups = await periodGroups(db, period, groupBy, summaries);
  const depts = await departmentNames(
    db,
    groups.map((g) => g.departmentId),
  );
  const hosts =
    groupBy === 'host'
      ? await userNames(
          db,
          groups.map((g) => Number(g.k)),
        )
      : new Map();

  const keyOf = (g: Group): string => {
    if (groupBy === 'department') return String(g.departmentId ?? 0);
    if (groupBy === 'category') return g.category;
    return String(g.k);
  };
  const labelOf = (g: Group): string => {
    if (groupBy === 'department')
      return g.departmentId === null ? '' : (depts.get(g.departmentId) ?? '');
    if (groupBy === 'host') return hosts.get(Number(g.k)) ?? '';
    if (groupBy === 'category') return g.category;
    return String(g.k);
  };
  const rows = new Map<string, ReportView['rows'][number]>();
  const matrix = new Map<number, ReportView['matrix'][number]>();
  const total = emptyCell();
  for (const g of groups) {
    const key = keyOf(g);
    const row = rows.get(key) ?? { key, label: labelOf(g), ...emptyCell() };
    addTo(row, g);
    rows.set(key, row);
    const d = g.departmentId ?? 0;
    const m = matrix.get(d) ?? {
      departmentId: d,
      departmentName: g.departmentId === null ? '' : (depts.get(g.departmentId) ?? ''),
      cells: Object.fromEntries(EXPENSE_CATEGORIES.map((c) => [c, emptyCell()])) as Record<
        ExpenseCategory,
        ReportCell
      >,
    };
    addTo(m.cells[g.category], g);
    matrix.set(d, m);
    addTo(total, g);
  }
  const order = rowOrder(groupBy);
  return {
    groupBy,
    rows: [...rows.values()].sort(order),
    matrix: [...matrix.values()].sort(
      (a, b) =>
        Number(a.departmentId === 0) - Number(b.departmentId === 0) ||
        a.departmentName.localeCompare(b.departmentName, 'zh-CN') ||
        a.departmentId - b.departmentId,
    ),
    total,
  };
}

/** Tiers A–D, categories and statuses in their listed order; departments and hosts by amount. */
function rowOrder(groupBy: GroupBy) {
  const fixed: Record<string, readonly string[]> = {
    tier: TIERS,
    category: EXPENSE_CATEGORIES,
    status: ['open', 'approving', 'returned', 'settled'],
  };
  const list = fixed[groupBy];
  type Row = ReportView['rows'][number];
  if (list) return (a: Row, b: Row) => list.indexOf(a.key) - list.indexOf(b.key);
  return (a: Row, b: Row) => b.amountFen - a.amountFen || a.key.localeCompare(b.key);
}

// ───────────────────────────── the lines behind a figure ─────────────────────────────

/** The lines of a period and its filters, by date then id, a page at a time. */
export async function lines(
  ctx: ServiceContext,
  input: OpParsed<'expenses.lines'>,
): Promise<Page<LineRow>> {
  const { period, after, limit } = input;
  if (after && typeof after.key !== 'string') {
    throw new AppError('INVALID_INPUT', 'errors.INVALID_INPUT');
  }
  const q = periodLines(ctx.db, period);
  let total: ListTotal | null = null;
  if (!after) {
    total = await cappedTotal(
      ctx.db,
      q
        .select('l.id')
        .limit(LINES_COUNT_CAP + 1)
        .as('m'),
      LINES_COUNT_CAP,
    );
  }
  let page = q;
  if (after) {
    const key = String(after.key);
    // The first condition bounds the walk of the index; the row value picks up after the cursor.
    page = page
      .where('l.spentOn', '>=', key)
      .where((eb) => eb(eb.refTuple('l.spentOn', 'l.id'), '>', eb.tuple(key, after.id)));
  }
  const rows = await page
    .select([
      'l.id',
      'l.requestId',
      'l.tier',
      'l.departmentId',
      'l.hostUserId',
      'l.spentOn',
      'l.category',
      'l.vendor',
      'l.invoiceNo',
      'l.amountFen',
      'l.visitors',
      'l.companions',
      'l.perHeadFen',
      'l.capFen',
      'l.overCapFen',
      'l.borneByHostFen',
      'l.status',
    ])
    .orderBy('l.spentOn')
    .orderBy('l.id')
    .limit(limit + 1)
    .execute();
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  // Names of the page only: three short statements, whatever the period.
  const requests = await requestFacts(
    ctx.db,
    items.map((r) => r.requestId),
  );
  const depts = await departmentNames(
    ctx.db,
    items.map((r) => r.departmentId),
  );
  const hosts = await userNames(
    ctx.db,
    items.map((r) => r.hostUserId),
  );
  const last = items[items.length - 1];
  return {
    items: items.map((r): LineRow => ({
      id: r.id,
      requestId: r.requestId,
      requestCode: requests.get(r.requestId)?.code ?? '',
      orgName: requests.get(r.requestId)?.orgName ?? '',
      tier: r.tier,
      departmentName: r.departmentId === null ? null : (depts.get(r.departmentId) ?? null),
      hostName: hosts.get(r.hostUserId) ?? '',
      spentOn: r.spentOn,
      category: r.category,
      vendor: r.vendor,
      invoiceNo: r.invoiceNo,
      amountFen: r.amountFen,
      attendees: r.visitors + r.companions,
      perHeadFen: r.perHeadFen,
      capFen: r.capFen,
      overCapFen: r.overCapFen,
      borneByHostFen: r.borneByHostFen,
      status: r.status,
    })),
    next: more && last ? { key: last.spentOn, id: last.id } : null,
    total,
  };
}

// ───────────────────────────── the reconciliation queue ─────────────────────────────

/** Finance's queue: reconciliations of a status, oldest submission first, a page at a time. */
export async function reconciliations(
  ctx: ServiceContext,
  input: OpParsed<'expenses.reconciliations'>,
): Promise<Page<ReconciliationRow>> {
  const { status, after, limit } = input;
  if (after && typeof after.key !== 'number') {
    throw new AppError('INVALID_INPUT', 'errors.INVALID_INPUT');
  }
  const base = ctx.db
    .selectFrom('expenseReconciliations as c')
    .select(['c.id', 'c.requestId', 'c.status', 'c.revision', 'c.submittedAtMs'])
    .where('c.status', '=', status);
  // Never submitted (submitted_at_ms null) sort first, by id; the cursor's key is then −1.
  const unsubmitted = (afterId: number | null, n: number) =>
    base
      .where('c.submittedAtMs', 'is', null)
      .$if(afterId !== null, (q) => q.where('c.id', '>', afterId ?? 0))
      .orderBy('c.submittedAtMs')
      .orderBy('c.id')
      .limit(n)
      .execute();
  const submitted = (from: { key: number; id: number } | null, n: number) =>
    base
      // Past a cursor the row value leaves the unsubmitted (null) out and seeks in the index.
      .$if(from === null, (q) => q.where('c.submittedAtMs', 'is not', null))
      .$if(from !== null, (q) =>
        q.where((eb) =>
          eb(eb.refTuple('c.submittedAtMs', 'c.id'), '>', eb.tuple(from?.key ?? 0, from?.id ?? 0)),
        ),
      )
      .orderBy('c.submittedAtMs')
      .orderBy('c.id')
      .limit(n)
      .execute();
  const key = after ? Number(after.key) : null;
  let rows =
    after === undefined || key === -1 ? await unsubmitted(after ? after.id : null, limit + 1) : [];
  if (rows.length <= limit) {
    rows = [
      ...rows,
      ...(await submitted(
        after && key !== -1 ? { key: key ?? 0, id: after.id } : null,
        limit + 1 - rows.length,
      )),
    ];
  }
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const ids = items.map((r) => r.requestId);

  const facts =
    ids.length === 0
      ? []
      : await ctx.db
          .selectFrom('requests')
          .select(['id', 'code', 'orgName', 'tier', 'hostUserId', 'departmentId'])
          .where('id', 'in', ids)
          .execute();
  const byId = new Map(facts.map((f) => [f.id, f]));
  const hosts = await userNames(
    ctx.db,
    facts.map((f) => f.hostUserId),
  );
  const depts = await departmentNames(
    ctx.db,
    facts.map((f) => f.departmentId),
  );
  // The page's sums: one bounded aggregate over the page's requests (their lines' index).
  const sums =
    ids.length === 0
      ? []
      : await ctx.db
          .selectFrom('expenseLines')
          .select((eb) => [
            'requestId',
            eb.fn.sum<number>('amountFen').as('amountFen'),
            eb.fn.sum<number>('overCapFen').as('overCapFen'),
            eb.fn.countAll<number>().as('lines'),
          ])
          .where('requestId', 'in', ids)
          .groupBy('requestId')
          .execute();
  const sumOf = new Map(sums.map((s) => [s.requestId, s]));
  // Whom each waits on: the pending step of its current round.
  const open = await openStepsOf(
    ctx.db,
    'reconciliation',
    items.map((r) => r.id),
  );
  const waiting = new Map<number, string>();
  for (const s of open) {
    const rec = items.find((r) => r.id === s.subjectId);
    if (rec && rec.revision === s.revision) waiting.set(s.subjectId, s.kind);
  }
  const last = items[items.length - 1];
  return {
    items: items.map((r): ReconciliationRow => {
      const f = byId.get(r.requestId);
      const s = sumOf.get(r.requestId);
      return {
        id: r.id,
        requestId: r.requestId,
        requestCode: f?.code ?? '',
        orgName: f?.orgName ?? '',
        tier: f?.tier ?? 'C',
        hostName: f ? (hosts.get(f.hostUserId) ?? '') : '',
        departmentName:
          f?.departmentId === null || f === undefined ? null : (depts.get(f.departmentId) ?? null),
        status: r.status,
        waitingOn: waiting.get(r.id) ?? null,
        submittedAtMs: r.submittedAtMs,
        amountFen: Number(s?.amountFen ?? 0),
        overCapFen: Number(s?.overCapFen ?? 0),
        lines: Number(s?.lines ?? 0),
      };
    }),
    next: more && last ? { key: last.submittedAtMs ?? -1, id: last.id } : null,
    total: null,
  };
}

// ───────────────────────────── the dashboard ─────────────────────────────

/** `YYYY-MM` of every month from `from` to `to` (inclusive), in order. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (;;) {
    const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    if (month > end) break;
    out.push(month);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** Months `YYYY-MM`, inclusive. */
export interface MonthRange {
  from: string;
  to: string;
}

/** The last day of a month `YYYY-MM`, as `YYYY-MM-DD`. */
function lastDayOf(month: string): string {
  const days = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0));
  return `${month}-${String(days.getUTCDate()).padStart(2, '0')}`;
}

/** The month after (`step` 1) or before (−1) `YYYY-MM`. */
function monthStep(month: string, step: 1 | -1): string {
  let y = Number(month.slice(0, 4));
  let m = Number(month.slice(5, 7)) + step;
  if (m > 12) {
    m = 1;
    y += 1;
  } else if (m < 1) {
    m = 12;
    y -= 1;
  }
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/**
 * A period cut into the whole months it holds (read from the summaries) and the days of a partial
 * month at either end (read from the lines or requests): together exactly the period's days.
 */
export function periodPieces(
  from: string,
  to: string,
): { months: MonthRange | null; days: { from: string; to: string }[] } {
  const first = from.slice(8, 10) === '01' ? from.slice(0, 7) : monthStep(from.slice(0, 7), 1);
  const last = to >= lastDayOf(to.slice(0, 7)) ? to.slice(0, 7) : monthStep(to.slice(0, 7), -1);
  if (first > last) return { months: null, days: [{ from, to }] };
  const days: { from: string; to: string }[] = [];
  if (from < `${first}-01`) days.push({ from, to: lastDayOf(monthStep(first, -1)) });
  if (to > lastDayOf(last)) days.push({ from: `${monthStep(last, 1)}-01`, to });
  return { months: { from: first, to: last }, days };
}

/**
 * The requests arriving in the period, with its filters, on the arrival index with their facts
 * (requests_arrival_facts: date, status, tier, department, host — no row read). Their status is
 * grouped on, not filtered: the caller keeps the visits that happened (a status condition would
 * steer the planner to requests_status and a read of every row).
 */
function arrivals(db: Kysely<DB>, p: PeriodFilter) {
  let q = db
    .selectFrom('requests as r')
    .where('r.arrivalDate', '>=', p.from)
    .where('r.arrivalDate', '<=', p.to);
  if (given(p.departmentId)) q = q.where('r.departmentId', '=', p.departmentId);
  if (given(p.tier)) q = q.where('r.tier', '=', p.tier);
  if (given(p.hostUserId)) q = q.where('r.hostUserId', '=', p.hostUserId);
  return q;
}

/**
 * The dashboard of a period: visits per month by tier (arrival month), spend against budget by
 * month, department and category (actual: what the company and the host bore, the visitor's own
 * payments left out; budget: the approved budgets of the visits arriving in the period), the
 * average meal per head by tier against the current policy's cap, and the ten visits most over
 * the cap. The status and over-cap filters narrow the lines; department, tier and host narrow
 * the visits and budgets too, the category the budgets.
 */
export async function dashboard(
  ctx: ServiceContext,
  input: OpParsed<'expenses.dashboard'>,
): Promise<DashboardView> {
  return dashboardOf(ctx.db, input.period);
}

interface VisitFigure {
  month: string;
  tier: Tier;
  status: RequestStatus;
  n: number;
}
interface BudgetFigure {
  month: string;
  departmentId: number | null;
  status: RequestStatus;
  category: ExpenseCategory;
  amountFen: number;
}
interface SpendFigure {
  month: string;
  departmentId: number | null;
  category: ExpenseCategory;
  tier: Tier;
  actualFen: number;
  amountFen: number;
  people: number;
  lines: number;
}

/** Visits by arrival month × tier × status: from the requests' arrival index. */
async function visitsFromRequests(db: Kysely<DB>, p: PeriodFilter): Promise<VisitFigure[]> {
  return arrivals(db, p)
    .select((eb) => [
      eb.fn<string>('substr', ['r.arrivalDate', eb.val(1), eb.val(7)]).as('month'),
      'r.tier',
      'r.status',
      eb.fn.countAll<number>().as('n'),
    ])
    .groupBy(['month', 'r.tier', 'r.status'])
    .execute();
}

/** Visits of whole months: from their summary. */
async function visitsFromSummary(
  db: Kysely<DB>,
  months: MonthRange,
  p: PeriodFilter,
): Promise<VisitFigure[]> {
  let q = db
    .selectFrom('expenseVisitSummaries as v')
    .where('v.month', '>=', months.from)
    .where('v.month', '<=', months.to);
  if (given(p.departmentId)) q = q.where('v.departmentKey', '=', p.departmentId);
  if (given(p.tier)) q = q.where('v.tier', '=', p.tier);
  return q
    .select((eb) => ['v.month', 'v.tier', 'v.status', eb.fn.sum<number>('v.visits').as('n')])
    .groupBy(['v.month', 'v.tier', 'v.status'])
    .execute();
}

/** Budgets of the visits arriving in the period: the arrival index, each visit's budget rows. */
async function budgetsFromRequests(db: Kysely<DB>, p: PeriodFilter): Promise<BudgetFigure[]> {
  let budgetQuery = arrivals(db, p).innerJoin('expenseBudgets as b', 'b.requestId', 'r.id');
  if (given(p.category)) budgetQuery = budgetQuery.where('b.category', '=', p.category);
  return budgetQuery
    .select((eb) => [
      eb.fn<string>('substr', ['r.arrivalDate', eb.val(1), eb.val(7)]).as('month'),
      'r.departmentId',
      'r.status',
      'b.category',
      eb.fn.sum<number>('b.amountFen').as('amountFen'),
    ])
    .groupBy(['month', 'r.departmentId', 'r.status', 'b.category'])
    .execute();
}

/** Budgets of the visits arriving in whole months: from their summary. */
async function budgetsFromSummary(
  db: Kysely<DB>,
  months: MonthRange,
  p: PeriodFilter,
): Promise<BudgetFigure[]> {
  let q = db
    .selectFrom('expenseBudgetSummaries as b')
    .where('b.month', '>=', months.from)
    .where('b.month', '<=', months.to);
  if (given(p.departmentId)) q = q.where('b.departmentKey', '=', p.departmentId);
  if (given(p.tier)) q = q.where('b.tier', '=', p.tier);
  if (given(p.category)) q = q.where('b.category', '=', p.category);
  const rows = await q
    .select((eb) => [
      'b.month',
      'b.departmentKey',
      'b.status',
      'b.category',
      eb.fn.sum<number>('b.amountFen').as('amountFen'),
    ])
    .groupBy(['b.month', 'b.departmentKey', 'b.status', 'b.category'])
    .execute();
  return rows.map(({ departmentKey, ...r }) => ({ ...r, departmentId: deptOf(departmentKey) }));
}

/** Spend the company or the host paid for, by month × department × category × tier: the lines. */
async function spendFromLines(db: Kysely<DB>, p: PeriodFilter): Promise<SpendFigure[]> {
  return periodLines(db, p)
    .where('l.paidBy', '!=', 'visitor')
    .select((eb) => [
      eb.fn<string>('substr', ['l.spentOn', eb.val(1), eb.val(7)]).as('month'),
      'l.departmentId',
      'l.category',
      'l.tier',
      eb.fn.sum<number>(eb('l.companyFen', '+', eb.ref('l.borneByHostFen'))).as('actualFen'),
      eb.fn.sum<number>('l.amountFen').as('amountFen'),
      eb.fn.sum<number>(eb('l.visitors', '+', eb.ref('l.companions'))).as('people'),
      eb.fn.countAll<number>().as('lines'),
    ])
    .groupBy(['month', 'l.departmentId', 'l.category', 'l.tier'])
    .execute();
}

/** The same of whole months: from the line summary (not paid by the visitor). */
async function spendFromSummary(
  db: Kysely<DB>,
  months: MonthRange,
  p: PeriodFilter,
): Promise<SpendFigure[]> {
  const rows = await summaryLines(db, months, p)
    .where('s.byVisitor', '=', 0)
    .select((eb) => [
      's.month',
      's.departmentKey',
      's.category',
      's.tier',
      eb.fn.sum<number>(eb('s.companyFen', '+', eb.ref('s.borneByHostFen'))).as('actualFen'),
      eb.fn.sum<number>('s.amountFen').as('amountFen'),
      eb.fn.sum<number>('s.attendees').as('people'),
      eb.fn.sum<number>('s.lines').as('lines'),
    ])
    .groupBy(['s.month', 's.departmentKey', 's.category', 's.tier'])
    .execute();
  return rows.map(({ departmentKey, ...r }) => ({ ...r, departmentId: deptOf(departmentKey) }));
}

/**
 * Each figure of the period from its pieces: whole months from `fromSummary`, the days at either
 * end (or all of it, for a host's figures or `summaries` false) from `fromRows`.
 */
async function byPieces<F>(
  p: PeriodFilter,
  summaries: boolean,
  fromRows: (p: PeriodFilter) => Promise<F[]>,
  fromSummary: (months: MonthRange) => Promise<F[]>,
): Promise<F[]> {
  if (!summaries || given(p.hostUserId)) return fromRows(p);
  const { months, days } = periodPieces(p.from, p.to);
  const out: F[] = months ? await fromSummary(months) : [];
  for (const d of days) out.push(...(await fromRows({ ...p, ...d })));
  return out;
}

/** The dashboard; `summaries` false reads every figure from the lines and requests (tests). */
export async function dashboardOf(
  db: Kysely<DB>,
  p: PeriodFilter,
  summaries = true,
): Promise<DashboardView> {
  const months = monthsOf(p.from, p.to);
  const monthOf = (date: string) => date.slice(0, 7);

  const visits = await byPieces(
    p,
    summaries,
    (q) => visitsFromRequests(db, q),
    (m) => visitsFromSummary(db, m, p),
  );
  const happened = new Set<RequestStatus>(HAPPENED_STATUSES);
  const visitsByMonth = months.map((month) => ({ month, A: 0, B: 0, C: 0, D: 0 }));
  const visitRow = new Map(visitsByMonth.map((v) => [v.month, v]));
  for (const v of visits) {
    if (!happened.has(v.status)) continue;
    const row = visitRow.get(v.month);
    if (row) row[v.tier] += Number(v.n);
  }

  const budgets = await byPieces(
    p,
    summaries,
    (q) => budgetsFromRequests(db, q),
    (m) => budgetsFromSummary(db, m, p),
  );
  const spend = await byPieces(
    p,
    summaries,
    (q) => spendFromLines(db, q),
    (m) => spendFromSummary(db, m, p),
  );

  const byMonth = new Map(months.map((month) => [month, { month, budgetFen: 0, actualFen: 0 }]));
  const byDept = new Map<
    number,
    { departmentId: number; name: string; budgetFen: Fen; actualFen: Fen }
  >();
  const byCategory = new Map(
    EXPENSE_CATEGORIES.map((category) => [category, { category, budgetFen: 0, actualFen: 0 }]),
  );
  const dept = (id: number | null) => {
    const d = id ?? 0;
    const row = byDept.get(d) ?? { departmentId: d, name: '', budgetFen: 0, actualFen: 0 };
    byDept.set(d, row);
    return row;
  };
  for (const b of budgets) {
    if (!happened.has(b.status)) continue;
    const amount = Number(b.amountFen);
    const m = byMonth.get(b.month);
    if (m) m.budgetFen += amount;
    dept(b.departmentId).budgetFen += amount;
    const c = byCategory.get(b.category);
    if (c) c.budgetFen += amount;
  }
  const meals = new Map<Tier, { amountFen: Fen; people: number; meals: number }>();
  for (const s of spend) {
    const actual = Number(s.actualFen);
    const m = byMonth.get(monthOf(s.month));
    if (m) m.actualFen += actual;
    dept(s.departmentId).actualFen += actual;
    const c = byCategory.get(s.category);
    if (c) c.actualFen += actual;
    if (s.category === 'meals') {
      const t = meals.get(s.tier) ?? { amountFen: 0, people: 0, meals: 0 };
      t.amountFen += Number(s.amountFen);
      t.people += Number(s.people);
      t.meals += Number(s.lines);
      meals.set(s.tier, t);
    }
  }
  const names = await departmentNames(db, [...byDept.keys()]);
  for (const d of byDept.values()) d.name = names.get(d.departmentId) ?? '';

  const { policy } = await getPolicy(db);
  const mealPerHead = TIERS.map((tier) => {
    const t = meals.get(tier);
    const cap = policy.tiers[tier];
    return {
      tier,
      avgPerHeadFen: t && t.people > 0 ? perHeadFen(t.amountFen, t.people) : null,
      capFen: cap.mealCapFen ?? cap.canteenMealFen,
      meals: t?.meals ?? 0,
    };
  });

  // The ten visits most over the cap: over-cap lines of the period by request, then those
  // requests' amounts in the period (their own index).
  // A literal 0, not a parameter: the planner may then take the partial index of over-cap lines.
  const top = await periodLines(db, p)
    .where((eb) => eb('l.overCapFen', '>', eb.lit(0)))
    .select((eb) => ['l.requestId', eb.fn.sum<number>('l.overCapFen').as('overCapFen')])
    .groupBy('l.requestId')
    .orderBy('overCapFen', 'desc')
    .orderBy('l.requestId')
    .limit(10)
    .execute();
  const topIds = top.map((x) => x.requestId);
  const amounts =
    topIds.length === 0
      ? []
      : await periodLines(db, p)
          .where('l.requestId', 'in', topIds)
          .select((eb) => ['l.requestId', eb.fn.sum<number>('l.amountFen').as('amountFen')])
          .groupBy('l.requestId')
          .execute();
  const amountOf = new Map(amounts.map((a) => [a.requestId, Number(a.amountFen)]));
  const topFacts =
    topIds.length === 0
      ? []
      : await db
          .selectFrom('requests')
          .select(['id', 'code', 'orgName', 'tier'])
          .where('id', 'in', topIds)
          .execute();
  const factOf = new Map(topFacts.map((f) => [f.id, f]));

  return {
    visitsByMonth,
    spendByMonth: [...byMonth.values()],
    spendByDepartment: [...byDept.values()].sort(
      (a, b) =>
        b.actualFen - a.actualFen || b.budgetFen - a.budgetFen || a.departmentId - b.departmentId,
    ),
    spendByCategory: [...byCategory.values()],
    mealPerHead,
    topOverCap: top.map((x) => {
      const f = factOf.get(x.requestId);
      return {
        requestId: x.requestId,
        code: f?.code ?? '',
        orgName: f?.orgName ?? '',
        tier: f?.tier ?? 'C',
        overCapFen: Number(x.overCapFen),
        amountFen: amountOf.get(x.requestId) ?? 0,
      };
    }),
  };
}

export const financeHandlers: Pick<
  DomainHandlers<ExpensesOp>,
  'expenses.reconciliations' | 'expenses.report' | 'expenses.lines' | 'expenses.dashboard'
> = {
  'expenses.reconciliations': (ctx, input) => reconciliations(ctx, input),
  'expenses.report': (ctx, input) => report(ctx, input),
  'expenses.lines': (ctx, input) => lines(ctx, input),
  'expenses.dashboard': (ctx, input) => dashboard(ctx, input),
};
