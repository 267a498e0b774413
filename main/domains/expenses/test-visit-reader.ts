import type { VisitMoneyView } from '../../../shared/expenses';
import type { ServiceContext } from '../../core/context';
import { toSummary } from '../requests';
import { reconciliationPart } from './reconciliation';
import { moneyVisit } from './visit-facts';

/**
 * A small reader of a visit's money page for the reconciliation's own tests, used only while the
 * entry area's reader is not there (its branch sets the real one): the request, the lines as
 * stored, and the reconciliation part.
 */
export async function smallReader(ctx: ServiceContext, requestId: number): Promise<VisitMoneyView> {
  const visit = await moneyVisit(ctx, requestId);
  const rows = await ctx.db
    .selectFrom('expenseLines')
    .selectAll()
    .where('requestId', '=', requestId)
    .orderBy('spentOn')
    .orderBy('id')
    .execute();
  const lines = rows.map((l) => ({
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
    receipts: 0,
    exceptions: [],
    split: {
      people: l.visitors + l.companions,
      perHeadFen: l.perHeadFen,
      capFen: l.capFen,
      overCapFen: l.overCapFen,
      borneByHostFen: l.borneByHostFen,
      companyFen: l.companyFen,
      hostBears: null,
    },
    checks: [],
    returnedReason: l.returnedReason,
    version: l.version,
  }));
  const part = await reconciliationPart(ctx, visit, lines);
  const roles: readonly string[] = ctx.actor?.roles ?? [];
  const mine = ctx.actor?.userId === visit.row.hostUserId;
  return {
    request: toSummary(visit.row),
    policyVersion: visit.policyVersion,
    mealCapFen: visit.facts.mealCapFen,
    canteenMealFen: visit.facts.canteenMealFen,
    advanceShareBp: 8000,
    arrivedVisitors: null,
    companions: visit.body.companions.length,
    advances: [],
    lines,
    budget: { rows: [], budgetFen: 0, actualFen: 0 },
    totals: { amountFen: 0, companyFen: 0, borneByHostFen: 0, overCapFen: 0 },
    payableBookings: [],
    rights: {
      recordLines: false,
      askAdvance: false,
      submit:
        mine &&
        (part.reconciliation.status === 'open' || part.reconciliation.status === 'returned'),
      issueAdvances: false,
      grantExceptions: false,
      archive: roles.includes('finance') && visit.row.status === 'settled',
      reopen:
        roles.includes('sysadmin') &&
        (visit.row.status === 'settled' || visit.row.status === 'archived'),
    },
    ...part,
  };
}
