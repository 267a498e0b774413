import type { Selectable } from 'kysely';
import type { StoredDetail } from '../../../shared/bookings';
import {
  budgetVsActual,
  canAskAdvance,
  canRecordLines,
  lineChecks,
  splitLine,
  type ExceptionKind,
  type ExpenseLineView,
  type GrantedException,
  type LineFacts,
  type LineSplit,
  type MoneyRights,
  type PayableBooking,
  type VisitMoneyView,
} from '../../../shared/expenses';
import type { DB } from '../../db/schema';
import { requireActor, type ServiceContext } from '../../core/context';
import { parseJson } from '../../core/json';
import { toSummary } from '../requests';
import { advancesOf } from './advances';
import { reconciliationPart } from './reconciliation';
import { moneyVisit, type MoneyVisit } from './visit-facts';
import { setVisitReader } from './visit-reader';

export type LineRowDb = Selectable<DB['expenseLines']>;

/**
 * Visitors the front desk recorded as arriving for the request (each visitor of its list once,
 * whatever the days; walk-ins not counted), or null when nobody checked in. One statement on the
 * attendance's (request, seq, day) key.
 */
export async function arrivedVisitors(
  ctx: ServiceContext,
  requestId: number,
): Promise<number | null> {
  const row = await ctx.db
    .selectFrom('frontdeskGuests')
    .select((eb) => eb.fn.count<number>('seq').distinct().as('n'))
    .where('requestId', '=', requestId)
    .where('walkInId', 'is', null)
    .where('seq', '>=', 0)
    .executeTakeFirst();
  const n = Number(row?.n ?? 0);
  return n > 0 ? n : null;
}

/** A line as the rules see it, from its stored row. */
export function factsOf(
  l: LineRowDb,
  receipts: number,
  exceptions: readonly ExceptionKind[],
): LineFacts {
  return {
    id: l.id,
    category: l.category,
    spentOn: l.spentOn,
    amountFen: l.amountFen,
    paidBy: l.paidBy,
    visitors: l.visitors,
    companions: l.companions,
    invoiceKey: l.invoiceKey,
    receipts,
    exceptions,
  };
}

/** The split as stored on the line (what the reports sum), with why the host bears money. */
function storedSplit(visit: MoneyVisit, l: LineRowDb, facts: LineFacts): LineSplit {
  const fresh = splitLine(visit.facts, facts);
  return {
    people: l.visitors + l.companions,
    perHeadFen: l.perHeadFen,
    capFen: l.capFen,
    overCapFen: l.overCapFen,
    borneByHostFen: l.borneByHostFen,
    companyFen: l.companyFen,
    hostBears: l.borneByHostFen === 0 ? null : (fresh.hostBears ?? 'over_cap'),
  };
}

/**
 * The visit's lines as the money page shows them: receipts (one statement), exceptions (one), the
 * other lines anywhere with the same invoice number (one, on the invoice index) and each line's
 * checks.
 */
export async function lineViews(
  ctx: ServiceContext,
  visit: MoneyVisit,
  arrived: number | null,
): Promise<ExpenseLineView[]> {
  const rows = await ctx.db
    .selectFrom('expenseLines')
    .selectAll()
    .where('requestId', '=', visit.row.id)
    .orderBy('spentOn')
    .orderBy('id')
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const receipts = await ctx.db
    .selectFrom('attachments')
    .select((eb) => ['ownerId', eb.fn.countAll<number>().as('n')])
    .where('ownerType', '=', 'expense_line')
    .where('ownerId', 'in', ids)
    .where('removedAtMs', 'is', null)
    .groupBy('ownerId')
    .execute();
  const receiptsOf = new Map(receipts.map((r) => [r.ownerId, Number(r.n)]));
  const exceptions = await ctx.db
    .selectFrom('expenseExceptions as e')
    .innerJoin('users as u', 'u.id', 'e.byUserId')
    .select(['e.lineId', 'e.kind', 'e.reason', 'e.atMs', 'u.displayName'])
    .where('e.lineId', 'in', ids)
    .orderBy('e.atMs')
    .orderBy('e.lineId')
    .orderBy('e.kind')
    .execute();
  const exceptionsOf = new Map<number, GrantedException[]>();
  for (const e of exceptions) {
    const list = exceptionsOf.get(e.lineId) ?? [];
    list.push({ kind: e.kind, byName: e.displayName, reason: e.reason, atMs: e.atMs });
    exceptionsOf.set(e.lineId, list);
  }
  const keys = [...new Set(rows.map((r) => r.invoiceKey).filter((k) => k !== ''))];
  const same =
    keys.length === 0
      ? []
      : await ctx.db
          .selectFrom('expenseLines as o')
          .innerJoin('requests as r', 'r.id', 'o.requestId')
          .select(['o.id', 'o.invoiceKey', 'r.code'])
          .where('o.invoiceKey', '<>', '')
          .where('o.invoiceKey', 'in', keys)
          .execute();
  return rows.map((l): ExpenseLineView => {
    const granted = exceptionsOf.get(l.id) ?? [];
    const facts = factsOf(
      l,
      receiptsOf.get(l.id) ?? 0,
      granted.map((g) => g.kind),
    );
    const sameInvoice =
      l.invoiceKey === ''
        ? []
        : same.filter((o) => o.invoiceKey === l.invoiceKey && o.id !== l.id).map((o) => o.code);
    return {
      id: l.id,
      requestId: l.requestId,
      category: l.category,
      spentOn: l.spentOn,
      vendor: l.vendor,
      amountFen: l.amountFen,
      invoiceType: l.invoiceType,
      invoiceNo: l.invoiceNo,
      noInvoiceReason: l.noInvoiceReason,
      paidBy: l.paidBy,
      bookingId: l.bookingId,
      visitors: l.visitors,
      companions: l.companions,
      attendeesReason: l.attendeesReason,
      note: l.note,
      receipts: facts.receipts,
      exceptions: granted,
      split: storedSplit(visit, l, facts),
      checks: lineChecks(visit.facts, facts, { sameInvoice, arrivedVisitors: arrived }),
      returnedReason: l.returnedReason,
      version: l.version,
    };
  });
}

/** What a booking is called on the line form: its resource, or a ticket's journey. */
function bookingLabel(detail: StoredDetail, resourceName: string | null): string {
  if (resourceName) return resourceName;
  if (detail.kind === 'ticket') return `${detail.from} → ${detail.to} ${detail.number}`.trim();
  return '';
}

/** The request's live bookings a line may pay for (on the request's bookings index). */
export async function payableBookings(
  ctx: ServiceContext,
  requestId: number,
): Promise<PayableBooking[]> {
  const rows = await ctx.db
    .selectFrom('bookings as b')
    .leftJoin('bookingResources as res', 'res.id', 'b.resourceId')
    .select(['b.id', 'b.kind', 'b.amountFen', 'b.startMs', 'b.detail', 'res.name'])
    .where('b.requestId', '=', requestId)
    .where('b.status', '!=', 'cancelled')
    .orderBy('b.startMs')
    .orderBy('b.id')
    .execute();
  return rows.map((b) => ({
    id: b.id,
    kind: b.kind,
    label: bookingLabel(parseJson(b.detail), b.name),
    amountFen: b.amountFen,
    startMs: b.startMs,
  }));
}

/** What the caller may do on this visit's money. */
function rightsOf(ctx: ServiceContext, visit: MoneyVisit, lines: number): MoneyRights {
  const actor = requireActor(ctx);
  const recordLines = canRecordLines(actor, visit.subject);
  const settled = ['settled', 'archived'].includes(visit.row.status);
  return {
    recordLines,
    askAdvance: canAskAdvance(actor, visit.subject),
    submit: recordLines && lines > 0,
    issueAdvances: actor.roles.includes('finance'),
    grantExceptions:
      actor.roles.includes('executive') &&
      visit.subject.reconciliationStatus !== 'settled' &&
      !settled,
    archive: actor.roles.includes('finance') && visit.row.status === 'settled',
    reopen: actor.roles.includes('sysadmin') && settled,
  };
}

/**
 * One visit's money (expenses.visit): "not found" to whoever may not read the request, finance
 * reads every visit. The request and its policy, the arrivals, the advances, the lines with their
 * checks, the budget against the actuals, the reconciliation, the bookings a line may pay for and
 * what the caller may do.
 */
export async function visitMoney(ctx: ServiceContext, requestId: number): Promise<VisitMoneyView> {
  const visit = await moneyVisit(ctx, requestId);
  const tier = visit.policy.tiers[visit.row.tier];
  const arrived = await arrivedVisitors(ctx, requestId);
  const lines = await lineViews(ctx, visit, arrived);
  const sum = (f: (l: ExpenseLineView) => number) => lines.reduce((s, l) => s + f(l), 0);
  const part = await reconciliationPart(ctx, visit, lines);
  return {
    request: toSummary(visit.row),
    policyVersion: visit.policyVersion,
    mealCapFen: tier.mealCapFen,
    canteenMealFen: tier.canteenMealFen,
    advanceShareBp: visit.policy.advanceShareBp,
    arrivedVisitors: arrived,
    companions: visit.body.companions.length,
    advances: await advancesOf(ctx, requestId),
    lines,
    checks: part.checks,
    budget: budgetVsActual(visit.facts.budget, lines),
    totals: {
      amountFen: sum((l) => l.amountFen),
      companyFen: sum((l) => l.split.companyFen),
      borneByHostFen: sum((l) => l.split.borneByHostFen),
      overCapFen: sum((l) => l.split.overCapFen),
    },
    reconciliation: part.reconciliation,
    payableBookings: await payableBookings(ctx, requestId),
    suppliesToReturn: part.suppliesToReturn,
    rights: rightsOf(ctx, visit, lines.length),
  };
}

// Every area's writes answer with the visit's money page as this reads it.
setVisitReader(visitMoney);
