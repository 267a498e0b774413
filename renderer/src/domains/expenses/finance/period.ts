import { addDays, isCalendarDate } from '../../../../../shared/dates';
import type { PeriodFilter, ReconciliationStatus } from '../../../../../shared/expenses';
import { RECONCILIATION_STATUSES } from '../../../../../shared/expenses';
import {
  EXPENSE_CATEGORIES,
  TIERS,
  type ExpenseCategory,
  type Tier,
} from '../../../../../shared/policy';

/**
 * Finance's period and filters, kept in the URL query (back and forward restore them, and every
 * figure is a link to the lines behind it): `kind` month | quarter | year | custom, the dates,
 * the filters. Pure, table-tested.
 */
export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const GROUP_BYS = ['department', 'tier', 'host', 'category', 'status'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export interface FinanceQuery {
  kind: PeriodKind;
  period: PeriodFilter;
  groupBy: GroupBy;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of a month (`YYYY-MM`). */
function monthEnd(y: number, m: number): string {
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`;
  return addDays(next, -1);
}

/** The month, quarter or year holding `date` (custom: the date alone). */
export function periodOf(kind: PeriodKind, date: string): { from: string; to: string } {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  if (kind === 'month') return { from: `${y}-${pad(m)}-01`, to: monthEnd(y, m) };
  if (kind === 'quarter') {
    const first = Math.floor((m - 1) / 3) * 3 + 1;
    return { from: `${y}-${pad(first)}-01`, to: monthEnd(y, first + 2) };
  }
  if (kind === 'year') return { from: `${y}-01-01`, to: `${y}-12-31` };
  return { from: date, to: date };
}

/** The period before or after (−1, +1) one of the same kind. */
export function shiftPeriod(
  kind: PeriodKind,
  from: string,
  step: -1 | 1,
): { from: string; to: string } {
  if (kind === 'custom') return { from, to: from };
  const y = Number(from.slice(0, 4));
  const m = Number(from.slice(5, 7));
  const months = kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12;
  const total = y * 12 + (m - 1) + step * months;
  return periodOf(kind, `${Math.floor(total / 12)}-${pad((total % 12) + 1)}-01`);
}

function positiveInt(raw: string | null): number | null {
  if (!raw || !/^\d{1,9}$/.test(raw)) return null;
  const n = Number(raw);
  return n > 0 ? n : null;
}

function oneOf<T extends string>(raw: string | null, allowed: readonly T[]): T | null {
  return raw !== null && (allowed as readonly string[]).includes(raw) ? (raw as T) : null;
}

/** Reads the query leniently: anything malformed falls back to this month of `today`. */
export function parseFinanceQuery(params: URLSearchParams, today: string): FinanceQuery {
  const kind = oneOf(params.get('period'), PERIOD_KINDS) ?? 'month';
  const rawFrom = params.get('from') ?? '';
  const rawTo = params.get('to') ?? '';
  const base = isCalendarDate(rawFrom) ? rawFrom : today;
  let { from, to } = periodOf(kind === 'custom' ? 'month' : kind, base);
  if (kind === 'custom' && isCalendarDate(rawFrom) && isCalendarDate(rawTo) && rawFrom <= rawTo) {
    from = rawFrom;
    to = rawTo;
  }
  const period: PeriodFilter = { from, to };
  const dept = positiveInt(params.get('dept'));
  if (dept !== null) period.departmentId = dept;
  const host = positiveInt(params.get('host'));
  if (host !== null) period.hostUserId = host;
  const tier = oneOf<Tier>(params.get('tier'), TIERS);
  if (tier) period.tier = tier;
  const category = oneOf<ExpenseCategory>(params.get('category'), EXPENSE_CATEGORIES);
  if (category) period.category = category;
  const status = oneOf<ReconciliationStatus>(params.get('status'), RECONCILIATION_STATUSES);
  if (status) period.status = status;
  if (params.get('over') === '1') period.overCapOnly = true;
  return { kind, period, groupBy: oneOf(params.get('by'), GROUP_BYS) ?? 'department' };
}

/** The query string of `q` (defaults left out). */
export function financeQueryParams(q: FinanceQuery): URLSearchParams {
  const p = new URLSearchParams();
  const { period } = q;
  p.set('period', q.kind);
  p.set('from', period.from);
  if (q.kind === 'custom') p.set('to', period.to);
  if (period.departmentId) p.set('dept', String(period.departmentId));
  if (period.hostUserId) p.set('host', String(period.hostUserId));
  if (period.tier) p.set('tier', period.tier);
  if (period.category) p.set('category', period.category);
  if (period.status) p.set('status', period.status);
  if (period.overCapOnly) p.set('over', '1');
  if (q.groupBy !== 'department') p.set('by', q.groupBy);
  return p;
}

/**
 * The address of the lines behind a figure: the period and filters, narrowed to a row of the
 * report (its group-by key) and/or a category of the matrix. A key of a department-less row
 * ('0') narrows nothing (the lines filter takes departments by id).
 */
export function linesHref(
  q: FinanceQuery,
  narrow: {
    groupBy?: GroupBy;
    key?: string;
    departmentId?: number;
    category?: ExpenseCategory;
  } = {},
): string {
  const period: PeriodFilter = { ...q.period };
  if (narrow.groupBy && narrow.key !== undefined) {
    const k = narrow.key;
    if (narrow.groupBy === 'department' && k !== '0') period.departmentId = Number(k);
    if (narrow.groupBy === 'host') period.hostUserId = Number(k);
    if (narrow.groupBy === 'tier') period.tier = k as Tier;
    if (narrow.groupBy === 'category') period.category = k as ExpenseCategory;
    if (narrow.groupBy === 'status') period.status = k as ReconciliationStatus;
  }
  if (narrow.departmentId) period.departmentId = narrow.departmentId;
  if (narrow.category) period.category = narrow.category;
  // The lines keep the exact dates (a custom period), whatever the report's kind.
  const p = financeQueryParams({ kind: 'custom', period, groupBy: 'department' });
  return `/finance/lines?${p.toString()}`;
}

/** A month (`YYYY-MM`) as a custom period query. */
export function monthPeriod(month: string): { from: string; to: string } {
  return periodOf('month', `${month}-01`);
}
