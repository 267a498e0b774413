import type { Kysely } from 'kysely';
import { hasPermission } from '../../../../shared/auth';
import { EXPENSE_CATEGORIES, type ExpenseCategory } from '../../../../shared/policy';
import { periodLabel, type ExportRow } from '../../../../shared/exports/cells';
import type { ExportFilter } from '../../../../shared/exports';
import type { DB } from '../../../db/schema';
import { requireActor, type ServiceContext } from '../../../core/context';
import { AppError } from '../../../core/errors';
import { col, PAGE_ROWS, type OpenedSource, type T } from './source';

type Period = Extract<ExportFilter, { source: 'expenses' }>['period'];

/** The columns of the expense sheet, as the issue lists them. */
export const EXPENSE_COLUMNS = [
  col('requestCode', 'text', 18),
  col('orgName', 'text', 26),
  col('tier', 'text', 8),
  col('department', 'text', 14),
  col('host', 'text', 12),
  col('spentOn', 'date', 12),
  col('category', 'text', 12),
  col('vendor', 'text', 26),
  col('invoiceNo', 'text', 24),
  col('amount', 'money', 14),
  col('attendees', 'int', 8),
  col('perHead', 'money', 12),
  col('cap', 'money', 12),
  col('overCap', 'money', 12),
  col('borneByHost', 'money', 14),
  col('status', 'text', 10, 'exports.header.reconciliationStatus'),
];

/** The period's lines with the list's filters (null or absent: any). */
export function periodLines(db: Kysely<DB>, p: Period) {
  let q = db
    .selectFrom('expenseLines as l')
    .where('l.spentOn', '>=', p.from)
    .where('l.spentOn', '<=', p.to);
  if (p.departmentId !== undefined && p.departmentId !== null) {
    q = q.where('l.departmentId', '=', p.departmentId);
  }
  if (p.tier) q = q.where('l.tier', '=', p.tier);
  if (p.hostUserId !== undefined && p.hostUserId !== null) {
    q = q.where('l.hostUserId', '=', p.hostUserId);
  }
  if (p.category) q = q.where('l.category', '=', p.category);
  if (p.status) q = q.where('l.status', '=', p.status);
  if (p.overCapOnly) q = q.where('l.overCapFen', '>', 0);
  return q;
}

/**
 * One page of the period's lines in date order (keyset: spent_on, id), straight off the
 * `expense_lines_day` index. What the lines name (the request's code and organisation, the host,
 * the department) is fetched per page for the ids not seen yet (`NameCache`): joined here, every
 * line read its request's whole row (the request's JSON body with it) — a third of the read.
 */
export function expensePageQuery(
  db: Kysely<DB>,
  p: Period,
  after: { spentOn: string; id: number } | null,
  limit = PAGE_ROWS,
) {
  let q = periodLines(db, p);
  if (after) {
    // The first condition bounds the walk of the index (without it every page walks from the
    // period's first day to the cursor); the row value picks up after the cursor.
    q = q
      .where('l.spentOn', '>=', after.spentOn)
      .where((eb) => eb(eb.refTuple('l.spentOn', 'l.id'), '>', eb.tuple(after.spentOn, after.id)));
  }
  return q
    .select([
      'l.id',
      'l.spentOn',
      'l.requestId',
      'l.tier',
      'l.departmentId',
      'l.hostUserId',
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
    .limit(limit);
}

/** Ids per `IN (…)` list: well under SQLite's and PostgreSQL's limits on bound parameters. */
const IDS_PER_QUERY = 500;

/** The code and organisation of the requests a page of lines pays for. */
export function requestNamesQuery(db: Kysely<DB>, ids: number[]) {
  return db.selectFrom('requests').select(['id', 'code', 'orgName']).where('id', 'in', ids);
}

/** What an export's lines name, fetched once per id over the whole export. */
class NameCache {
  readonly requests = new Map<number, { code: string; orgName: string }>();
  readonly hosts = new Map<number, string>();
  readonly departments = new Map<number, string>();

  async fill(
    db: Kysely<DB>,
    lines: readonly { requestId: number; hostUserId: number; departmentId: number | null }[],
  ) {
    await fetchMissing(
      this.requests,
      lines.map((l) => l.requestId),
      async (ids) => (await requestNamesQuery(db, ids).execute()).map((r) => [r.id, r]),
    );
    await fetchMissing(
      this.hosts,
      lines.map((l) => l.hostUserId),
      async (ids) =>
        (
          await db
            .selectFrom('users')
            .select(['id', 'displayName'])
            .where('id', 'in', ids)
            .execute()
        ).map((u) => [u.id, u.displayName]),
    );
    await fetchMissing(
      this.departments,
      lines.map((l) => l.departmentId),
      async (ids) =>
        (
          await db.selectFrom('departments').select(['id', 'name']).where('id', 'in', ids).execute()
        ).map((d) => [d.id, d.name]),
    );
  }
}

/** Puts into `have` what `fetch` gives for the ids it lacks, `IDS_PER_QUERY` ids a query. */
async function fetchMissing<V>(
  have: Map<number, V>,
  ids: readonly (number | null)[],
  fetch: (ids: number[]) => Promise<[number, V][]>,
) {
  const missing = [...new Set(ids)].filter((id): id is number => id !== null && !have.has(id));
  for (let i = 0; i < missing.length; i += IDS_PER_QUERY) {
    for (const [id, value] of await fetch(missing.slice(i, i + IDS_PER_QUERY))) have.set(id, value);
  }
}

/** A translation looked up once per key: a sheet of 50,000 lines names a dozen labels. */
function memo(t: T): (key: string) => string {
  const seen = new Map<string, string>();
  return (key) => {
    let text = seen.get(key);
    if (text === undefined) {
      text = t(key);
      seen.set(key, text);
    }
    return text;
  };
}

interface Cursor {
  spentOn: string;
  id: number;
}

/**
 * Finance's expense sheet of a period (expenses.report): a row per line, a totals row, and (XLSX)
 * the summary by department × category. Every sum is made in integer fen from the rows written,
 * so the totals are the sums of the rows.
 */
export async function openExpenses(
  ctx: ServiceContext,
  period: Period,
  t: T,
): Promise<OpenedSource> {
  const actor = requireActor(ctx);
  if (!hasPermission(actor.roles, 'expenses.report')) {
    throw new AppError('FORBIDDEN', 'errors.FORBIDDEN');
  }
  const counted = await periodLines(ctx.db, period)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const sums = { amount: 0, overCap: 0, borne: 0 };
  /** Department (id, or 0 for none) → category → fen. */
  const byDept = new Map<number, { name: string; fen: Map<ExpenseCategory, number> }>();
  const noDepartment = t('exports.noDepartment');
  const names = new NameCache();
  const label = memo(t);

  return {
    total: Number(counted?.n ?? 0),
    fileBase: t('exports.file.expenses', { period: periodLabel(period.from, period.to) }),
    sheetName: t('exports.sheet.expenses'),
    columns: EXPENSE_COLUMNS,
    async read(readCtx, after) {
      const rows = await expensePageQuery(
        readCtx.db,
        period,
        (after as Cursor | null) ?? null,
        PAGE_ROWS + 1,
      ).execute();
      const more = rows.length > PAGE_ROWS;
      const page = more ? rows.slice(0, PAGE_ROWS) : rows;
      await names.fill(readCtx.db, page);
      const out: ExportRow[] = [];
      for (const l of page) {
        sums.amount += l.amountFen;
        sums.overCap += l.overCapFen;
        sums.borne += l.borneByHostFen;
        const key = l.departmentId ?? 0;
        const departmentName =
          l.departmentId === null ? noDepartment : (names.departments.get(l.departmentId) ?? '');
        const dept = byDept.get(key) ?? {
          name: departmentName,
          fen: new Map<ExpenseCategory, number>(),
        };
        dept.fen.set(l.category, (dept.fen.get(l.category) ?? 0) + l.amountFen);
        byDept.set(key, dept);
        const request = names.requests.get(l.requestId);
        out.push({
          requestCode: request?.code ?? '',
          orgName: request?.orgName ?? '',
          tier: label(`labels.tier.${l.tier}`),
          department: departmentName,
          host: names.hosts.get(l.hostUserId) ?? '',
          spentOn: l.spentOn,
          category: label(`labels.expense.${l.category}`),
          vendor: l.vendor,
          invoiceNo: l.invoiceNo,
          amount: l.amountFen,
          attendees: l.visitors + l.companions,
          perHead: l.perHeadFen,
          cap: l.capFen,
          overCap: l.overCapFen,
          borneByHost: l.borneByHostFen,
          status: label(`expenses.reconciliationStatus.${l.status}`),
        });
      }
      const last = page[page.length - 1];
      return { rows: out, next: more && last ? { spentOn: last.spentOn, id: last.id } : null };
    },
    totals: () => ({
      requestCode: t('exports.total'),
      amount: sums.amount,
      overCap: sums.overCap,
      borneByHost: sums.borne,
    }),
    summary() {
      const used = EXPENSE_CATEGORIES.filter((c) => [...byDept.values()].some((d) => d.fen.has(c)));
      const columns = [
        col('department', 'text', 16),
        ...used.map((c) => ({
          key: c,
          headerKey: `labels.expense.${c}`,
          kind: 'money' as const,
          width: 14,
        })),
        col('total', 'money', 16, 'exports.total'),
      ];
      const depts = [...byDept.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
      const rows: ExportRow[] = depts.map((d) => {
        const row: Record<string, string | number | null> = { department: d.name };
        let total = 0;
        for (const c of used) {
          const fen = d.fen.get(c) ?? 0;
          row[c] = fen;
          total += fen;
        }
        row.total = total;
        return row;
      });
      const grand: Record<string, string | number | null> = { department: t('exports.total') };
      let all = 0;
      for (const c of used) {
        const fen = depts.reduce((s, d) => s + (d.fen.get(c) ?? 0), 0);
        grand[c] = fen;
        all += fen;
      }
      grand.total = all;
      rows.push(grand);
      return { name: t('exports.sheet.summary'), columns, rows };
    },
  };
}
