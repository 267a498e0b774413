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

/** One page of the period's lines in date order (keyset: spent_on, id), with what they name. */
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
    .innerJoin('requests as r', 'r.id', 'l.requestId')
    .innerJoin('users as u', 'u.id', 'l.hostUserId')
    .leftJoin('departments as d', 'd.id', 'l.departmentId')
    .select([
      'l.id',
      'l.spentOn',
      'r.code',
      'r.orgName',
      'l.tier',
      'l.departmentId',
      'd.name as departmentName',
      'u.displayName as hostName',
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
      const out: ExportRow[] = [];
      for (const l of page) {
        sums.amount += l.amountFen;
        sums.overCap += l.overCapFen;
        sums.borne += l.borneByHostFen;
        const key = l.departmentId ?? 0;
        const dept = byDept.get(key) ?? {
          name: l.departmentName ?? noDepartment,
          fen: new Map<ExpenseCategory, number>(),
        };
        dept.fen.set(l.category, (dept.fen.get(l.category) ?? 0) + l.amountFen);
        byDept.set(key, dept);
        out.push({
          requestCode: l.code,
          orgName: l.orgName,
          tier: t(`labels.tier.${l.tier}`),
          department: l.departmentName ?? noDepartment,
          host: l.hostName,
          spentOn: l.spentOn,
          category: t(`labels.expense.${l.category}`),
          vendor: l.vendor,
          invoiceNo: l.invoiceNo,
          amount: l.amountFen,
          attendees: l.visitors + l.companions,
          perHead: l.perHeadFen,
          cap: l.capFen,
          overCap: l.overCapFen,
          borneByHost: l.borneByHostFen,
          status: t(`expenses.reconciliationStatus.${l.status}`),
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
