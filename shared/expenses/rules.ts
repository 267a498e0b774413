import type { Fen } from '../money';
import { EXPENSE_CATEGORIES, type ExpenseCategory } from '../policy';
import { addDays } from '../dates';
import type { ExceptionKind, PaidBy } from './schema';

/**
 * The money rules of a visit's spend, pure and in integer fen (DESIGN.md §3): a meal's cost per
 * head against the cap of the policy version the request was approved under, the part over the cap
 * borne by the host (超标自负) unless an executive allowed it, costs arranged outside the process,
 * company-paid lodging, and the visit's budget against what it really cost.
 */

/**
 * Amount ÷ people, rounded half up to the fen with integer arithmetic: per head × people is within
 * one fen per person of the amount, and no float ever holds money.
 */
export function perHeadFen(amountFen: Fen, people: number): Fen {
  const n = Math.max(1, Math.trunc(people));
  return Math.floor((2 * amountFen + n) / (2 * n));
}

/** The cap per head of one line, or null when no cap applies to it. */
export interface LineCap {
  /** Per person per meal; null: no cap applies to this line. */
  capFen: Fen | null;
  /** Which standard the cap is: the tier's meal cap, or (D) the staff-canteen amount. */
  kind: 'meal' | 'canteen' | null;
}

/** What the checks need of the visit (its request, as approved). */
export interface VisitFacts {
  tier: string;
  /** The cap per person per meal of the tier in the request's policy version; null: none. */
  mealCapFen: Fen | null;
  /** D: the staff-canteen amount per person per meal; null where the tier has none. */
  canteenMealFen: Fen | null;
  /** Who pays the meals by the approved request ('visitor': company-paid meals were not planned). */
  mealPayer: 'visitor' | 'company';
  arrivalDate: string;
  departureDate: string;
  /** The approved request lets the company pay lodging (an executive approved it). */
  companyPaysLodging: boolean;
  /** The approved budget by category (a category at 0 was not arranged through the process). */
  budget: Readonly<Record<ExpenseCategory, Fen>>;
}

/** The cap that applies to a line: meals only (tobacco, alcohol and gifts are never meals). */
export function lineCap(visit: VisitFacts, category: ExpenseCategory, paidBy: PaidBy): LineCap {
  if (category !== 'meals' || paidBy === 'visitor') return { capFen: null, kind: null };
  if (visit.mealCapFen !== null) return { capFen: visit.mealCapFen, kind: 'meal' };
  if (visit.canteenMealFen !== null) return { capFen: visit.canteenMealFen, kind: 'canteen' };
  return { capFen: null, kind: null };
}

/** A line as the rules see it. */
export interface LineFacts {
  id?: number;
  category: ExpenseCategory;
  spentOn: string;
  amountFen: Fen;
  paidBy: PaidBy;
  visitors: number;
  companions: number;
  invoiceKey: string;
  /** Receipts attached to it. */
  receipts: number;
  /** Exceptions an executive granted on it. */
  exceptions: readonly ExceptionKind[];
}

/** How a line's amount divides: what the company bears and what the host bears, and why. */
export interface LineSplit {
  people: number;
  perHeadFen: Fen;
  capFen: Fen | null;
  /** Amount − cap × people, never below 0; 0 where no cap applies. */
  overCapFen: Fen;
  /** What the host pays himself: the over-cap part, or all of a line not reimbursable. */
  borneByHostFen: Fen;
  /** What the company bears: amount − borne by the host; 0 for what the visitor paid. */
  companyFen: Fen;
  /** Why the host bears money, if he does. */
  hostBears: 'over_cap' | 'outside_process' | 'lodging' | null;
}

/**
 * The worked example of the issue: B-tier lunch, 4 visitors + 2 companions, 900.00 → 150.00 per
 * head, cap 130.00, over cap 900.00 − 6 × 130.00 = 120.00, borne by the host.
 */
export function splitLine(visit: VisitFacts, line: LineFacts): LineSplit {
  const people = line.visitors + line.companions;
  const { capFen } = lineCap(visit, line.category, line.paidBy);
  const overCapFen = capFen === null ? 0 : Math.max(0, line.amountFen - capFen * people);
  const base = { people, perHeadFen: perHeadFen(line.amountFen, people), capFen, overCapFen };
  if (line.paidBy === 'visitor') {
    return { ...base, borneByHostFen: 0, companyFen: 0, hostBears: null };
  }
  const allowed = (k: ExceptionKind) => line.exceptions.includes(k);
  // Not arranged through the process: not reimbursed at all, unless an executive allowed it.
  if (outsideProcess(visit, line.category) && !allowed('outside_process')) {
    return { ...base, borneByHostFen: line.amountFen, companyFen: 0, hostBears: 'outside_process' };
  }
  if (line.category === 'lodging' && !visit.companyPaysLodging && !allowed('lodging')) {
    return { ...base, borneByHostFen: line.amountFen, companyFen: 0, hostBears: 'lodging' };
  }
  const borne = allowed('over_cap') ? 0 : overCapFen;
  return {
    ...base,
    borneByHostFen: borne,
    companyFen: line.amountFen - borne,
    hostBears: borne > 0 ? 'over_cap' : null,
  };
}

/** A category with no approved budget was arranged outside the process (its cost is not reimbursed). */
export function outsideProcess(visit: VisitFacts, category: ExpenseCategory): boolean {
  return (visit.budget[category] ?? 0) <= 0;
}

/** Whether a date lies within the visit, one day either side (travel, the dinner the night before). */
export function withinVisit(
  visit: Pick<VisitFacts, 'arrivalDate' | 'departureDate'>,
  date: string,
) {
  return date >= addDays(visit.arrivalDate, -1) && date <= addDays(visit.departureDate, 1);
}

/**
 * An invoice number as compared for duplicates: full-width forms folded (NFKC), every space and
 * dash gone, upper case. "０１２ ３４-5a" and "012345A" are the same invoice.
 */
export function invoiceKey(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\u3000\-_－—]/g, '')
    .toUpperCase();
}

/** How a check weighs: `block` stops the submission, `warn` is shown to everyone who decides. */
export type CheckSeverity = 'block' | 'warn' | 'info';

export const LINE_CHECK_CODES = [
  'over_cap',
  'over_canteen',
  'no_receipt',
  'duplicate_invoice',
  'outside_visit_dates',
  'outside_process',
  'lodging_not_approved',
  'attendees_changed',
] as const;
export type LineCheckCode = (typeof LINE_CHECK_CODES)[number];

export const VISIT_CHECK_CODES = [
  'no_lines',
  'line_returned',
  'supplies_not_returned',
  'advance_not_issued',
  'over_budget',
] as const;
export type VisitCheckCode = (typeof VISIT_CHECK_CODES)[number];

export interface ExpenseCheck<C extends string = LineCheckCode | VisitCheckCode> {
  code: C;
  severity: CheckSeverity;
  /** i18n: `expenses.checks.<code>` with these params (money in fen). */
  params: Record<string, string | number>;
}

/** What the line checks know beyond the line: other lines with the same invoice number. */
export interface LineCheckContext {
  /** Request codes of OTHER lines anywhere with the same invoice key (this request's too). */
  sameInvoice: readonly string[];
  /** The people the front desk recorded as arriving (visitors), or null when nobody checked in. */
  arrivedVisitors: number | null;
}

/** Every check of one line, each with its weight. Pure; the form runs it as the host types. */
export function lineChecks(
  visit: VisitFacts,
  line: LineFacts,
  ctx: LineCheckContext,
): ExpenseCheck<LineCheckCode>[] {
  const out: ExpenseCheck<LineCheckCode>[] = [];
  const add = (code: LineCheckCode, severity: CheckSeverity, params: ExpenseCheck['params'] = {}) =>
    out.push({ code, severity, params });
  const split = splitLine(visit, line);
  const cap = lineCap(visit, line.category, line.paidBy);
  if (split.overCapFen > 0) {
    const params = {
      perHeadFen: split.perHeadFen,
      capFen: split.capFen ?? 0,
      overFen: split.overCapFen,
      people: split.people,
    };
    const allowed = line.exceptions.includes('over_cap');
    add(cap.kind === 'canteen' ? 'over_canteen' : 'over_cap', allowed ? 'info' : 'warn', params);
  }
  if (line.paidBy !== 'visitor' && line.receipts === 0) add('no_receipt', 'block');
  if (line.invoiceKey !== '' && ctx.sameInvoice.length > 0) {
    add('duplicate_invoice', 'block', { codes: [...new Set(ctx.sameInvoice)].join('、') });
  }
  if (!withinVisit(visit, line.spentOn)) {
    add('outside_visit_dates', 'warn', {
      fromDate: visit.arrivalDate,
      toDate: visit.departureDate,
    });
  }
  if (line.paidBy !== 'visitor' && outsideProcess(visit, line.category)) {
    add('outside_process', line.exceptions.includes('outside_process') ? 'info' : 'warn');
  }
  if (
    line.category === 'lodging' &&
    line.paidBy !== 'visitor' &&
    !visit.companyPaysLodging &&
    !outsideProcess(visit, line.category)
  ) {
    add('lodging_not_approved', line.exceptions.includes('lodging') ? 'info' : 'warn');
  }
  if (ctx.arrivedVisitors !== null && line.visitors !== ctx.arrivedVisitors) {
    add('attendees_changed', 'info', { arrived: ctx.arrivedVisitors, entered: line.visitors });
  }
  return out;
}

/** One category of the visit's budget against what it cost. */
export interface BudgetActualRow {
  category: ExpenseCategory;
  budgetFen: Fen;
  actualFen: Fen;
  /** Actual − budget (positive: over budget). */
  varianceFen: Fen;
  /** Variance in basis points of the budget (10000 = 100 %); null when the budget is 0. */
  varianceBp: number | null;
}

/** The visit's budget against its actual spend (company-borne and host-borne alike), by category. */
export function budgetVsActual(
  budget: Readonly<Record<ExpenseCategory, Fen>>,
  lines: readonly { category: ExpenseCategory; amountFen: Fen; paidBy: PaidBy }[],
): { rows: BudgetActualRow[]; budgetFen: Fen; actualFen: Fen } {
  const actual = Object.fromEntries(EXPENSE_CATEGORIES.map((c) => [c, 0])) as Record<
    ExpenseCategory,
    Fen
  >;
  // What the visitor paid cost the company nothing: it is on record, not in the actuals.
  for (const l of lines) if (l.paidBy !== 'visitor') actual[l.category] += l.amountFen;
  const rows = EXPENSE_CATEGORIES.map((category): BudgetActualRow => {
    const budgetFen = budget[category] ?? 0;
    const actualFen = actual[category];
    const varianceFen = actualFen - budgetFen;
    return {
      category,
      budgetFen,
      actualFen,
      varianceFen,
      varianceBp: budgetFen === 0 ? null : Math.round((varianceFen * 10000) / budgetFen),
    };
  });
  return {
    rows,
    budgetFen: rows.reduce((s, r) => s + r.budgetFen, 0),
    actualFen: rows.reduce((s, r) => s + r.actualFen, 0),
  };
}
