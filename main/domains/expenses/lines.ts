import type { OpParsed } from '../../../shared/contract/operations';
import {
  canRecordLines,
  invoiceKey,
  MONEY_STATUSES,
  splitLine,
  type ExceptionKind,
  type LineInput,
  type VisitMoneyView,
} from '../../../shared/expenses';
import { fenToYuanText } from '../../../shared/money';
import { requireActor, type ServiceContext } from '../../core/context';
import type { DomainHandlers } from '../../core/handler';
import { AppError, fieldError } from '../../core/errors';
import { moneyChanged } from './events';
import type { ExpensesOp } from './handlers';
import { arrivedVisitors, factsOf, visitMoney, type LineRowDb } from './lines-view';
import { moneyVisit, type MoneyVisit } from './visit-facts';

/**
 * Expense lines: the host records what the visit cost (while the reconciliation is his), an
 * executive allows what the rules would make the host bear. Each write stores the rules' split so
 * that the reports sum columns, and answers with the visit's money as it now stands.
 */

async function loadLine(ctx: ServiceContext, id: number): Promise<LineRowDb> {
  const line = await ctx.db
    .selectFrom('expenseLines')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!line) throw new AppError('NOT_FOUND', 'expenses.errors.lineNotFound');
  return line;
}

/**
 * Refuses a change of the visit's lines by anyone but its host while they are his: another
 * reader is told he is not the host; the host why the lines are closed.
 */
function mustRecord(ctx: ServiceContext, visit: MoneyVisit): void {
  const actor = requireActor(ctx);
  if (canRecordLines(actor, visit.subject)) return;
  if (actor.userId !== visit.subject.hostUserId || !actor.roles.includes('host')) {
    throw new AppError('FORBIDDEN', 'expenses.errors.notHost');
  }
  if (visit.row.status === 'archived') throw new AppError('CONFLICT', 'expenses.errors.archived');
  if (!MONEY_STATUSES.includes(visit.row.status) && visit.row.status !== 'settled') {
    throw new AppError('CONFLICT', 'expenses.errors.visitNotApproved');
  }
  throw new AppError('CONFLICT', 'expenses.errors.notEditable');
}

/** The audit's words for a line: its visit's code, what and when, the amount in yuan. */
const lineSummary = (code: string, l: Pick<LineRowDb, 'category' | 'spentOn' | 'amountFen'>) => ({
  code,
  category: l.category,
  spentOn: l.spentOn,
  amount: fenToYuanText(l.amountFen) ?? '',
});

/**
 * A new line's id: past every line there is and every receipt ever filed under a line. A deleted
 * line's receipts stay on record under its id, which therefore never comes back (SQLite would
 * otherwise hand the highest id out again). Two index lookups.
 */
async function nextLineId(ctx: ServiceContext): Promise<number> {
  const line = await ctx.db
    .selectFrom('expenseLines')
    .select((eb) => eb.fn.max('id').as('n'))
    .executeTakeFirst();
  const file = await ctx.db
    .selectFrom('attachments')
    .select((eb) => eb.fn.max('ownerId').as('n'))
    .where('ownerType', '=', 'expense_line')
    .executeTakeFirst();
  return Math.max(Number(line?.n ?? 0), Number(file?.n ?? 0)) + 1;
}

/** The visit's reconciliation, opened (status open) by its first line. */
async function openReconciliation(ctx: ServiceContext, visit: MoneyVisit) {
  if (visit.reconciliation) return visit.reconciliation;
  await ctx.db
    .insertInto('expenseReconciliations')
    .values({ requestId: visit.row.id, status: 'open', updatedAtMs: ctx.nowMs })
    .onConflict((oc) => oc.column('requestId').doNothing())
    .execute();
  return ctx.db
    .selectFrom('expenseReconciliations')
    .select(['id', 'status', 'revision', 'version'])
    .where('requestId', '=', visit.row.id)
    .executeTakeFirstOrThrow();
}

/** The columns of a line that follow from its input, the rules and the request. */
function lineColumns(visit: MoneyVisit, line: LineInput, exceptions: readonly ExceptionKind[]) {
  const key = line.invoiceType === 'none' ? '' : invoiceKey(line.invoiceNo);
  const split = splitLine(visit.facts, {
    category: line.category,
    spentOn: line.spentOn,
    amountFen: line.amountFen,
    paidBy: line.paidBy,
    visitors: line.visitors,
    companions: line.companions,
    invoiceKey: key,
    receipts: 0,
    exceptions,
  });
  return {
    category: line.category,
    spentOn: line.spentOn,
    vendor: line.vendor,
    amountFen: line.amountFen,
    invoiceType: line.invoiceType,
    invoiceNo: line.invoiceType === 'none' ? '' : line.invoiceNo.trim(),
    invoiceKey: key,
    noInvoiceReason: line.invoiceType === 'none' ? line.noInvoiceReason : '',
    paidBy: line.paidBy,
    bookingId: line.bookingId,
    visitors: line.visitors,
    companions: line.companions,
    attendeesReason: line.attendeesReason,
    note: line.note,
    perHeadFen: split.perHeadFen,
    capFen: split.capFen,
    overCapFen: split.overCapFen,
    borneByHostFen: split.borneByHostFen,
    companyFen: split.companyFen,
    departmentId: visit.row.departmentId,
    tier: visit.row.tier,
    hostUserId: visit.row.hostUserId,
  };
}

/**
 * Adds a line (id null) or changes one, as the visit's host while the lines are his. The people
 * default to the arrivals: entering others needs a reason. A booking it pays for must be a live
 * booking of the same visit. The first line opens the visit's reconciliation.
 */
export async function saveLine(
  ctx: ServiceContext,
  input: OpParsed<'expenses.saveLine'>,
): Promise<VisitMoneyView> {
  const actor = requireActor(ctx);
  const visit = await moneyVisit(ctx, input.requestId);
  const before = input.id === null ? null : await loadLine(ctx, input.id);
  if (before && before.requestId !== input.requestId) {
    throw new AppError('NOT_FOUND', 'expenses.errors.lineNotFound');
  }
  mustRecord(ctx, visit);
  if (before && before.version !== input.version) {
    throw new AppError('CONFLICT', 'expenses.errors.staleLine');
  }
  const line = input.line;
  const arrived = await arrivedVisitors(ctx, input.requestId);
  if (arrived !== null && line.visitors !== arrived && line.attendeesReason.trim() === '') {
    throw fieldError('line.attendeesReason', 'expensesEntry.errors.attendeesReason', {
      arrived,
    });
  }
  if (line.bookingId !== null) {
    const booking = await ctx.db
      .selectFrom('bookings')
      .select('id')
      .where('id', '=', line.bookingId)
      .where('requestId', '=', input.requestId)
      .where('status', '!=', 'cancelled')
      .executeTakeFirst();
    if (!booking) throw fieldError('line.bookingId', 'expensesEntry.errors.bookingNotOfVisit');
  }
  // An exception was granted for the line as it was: a change of what it costs, for whom or who
  // paid voids it (the executive decides again on the new facts).
  const sameMoney =
    before !== null &&
    before.amountFen === line.amountFen &&
    before.category === line.category &&
    before.visitors === line.visitors &&
    before.companions === line.companions &&
    before.paidBy === line.paidBy;
  if (before && !sameMoney) {
    await ctx.db.deleteFrom('expenseExceptions').where('lineId', '=', before.id).execute();
  }
  const exceptions = sameMoney
    ? (
        await ctx.db
          .selectFrom('expenseExceptions')
          .select('kind')
          .where('lineId', '=', before.id)
          .execute()
      ).map((e) => e.kind)
    : [];
  const rec = await openReconciliation(ctx, visit);
  const values = { ...lineColumns(visit, line, exceptions), status: rec.status };
  let id: number;
  if (before === null) {
    id = await nextLineId(ctx);
    await ctx.db
      .insertInto('expenseLines')
      .values({
        ...values,
        id,
        requestId: input.requestId,
        createdBy: actor.userId,
        createdAtMs: ctx.nowMs,
        updatedAtMs: ctx.nowMs,
      })
      .execute();
  } else {
    id = before.id;
    const done = await ctx.db
      .updateTable('expenseLines')
      .set((eb) => ({ ...values, updatedAtMs: ctx.nowMs, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', before.version)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) {
      throw new AppError('CONFLICT', 'expenses.errors.staleLine');
    }
  }
  ctx.audit({
    entityType: 'expense_line',
    entityId: id,
    summary: lineSummary(visit.row.code, line),
  });
  await moneyChanged(ctx, input.requestId, visit.row.hostUserId);
  return visitMoney(ctx, input.requestId);
}

/**
 * Deletes a line and the exceptions granted on it, as its host while the lines are his. Its
 * receipts stay on record (the attachments' rows and files, under the line's id, which is never
 * given to another line): nobody reads them any more through the visit's money.
 */
export async function deleteLine(
  ctx: ServiceContext,
  input: OpParsed<'expenses.deleteLine'>,
): Promise<VisitMoneyView> {
  const before = await loadLine(ctx, input.id);
  const visit = await moneyVisit(ctx, before.requestId);
  mustRecord(ctx, visit);
  if (before.version !== input.version) {
    throw new AppError('CONFLICT', 'expenses.errors.staleLine');
  }
  await ctx.db.deleteFrom('expenseExceptions').where('lineId', '=', before.id).execute();
  const done = await ctx.db
    .deleteFrom('expenseLines')
    .where('id', '=', before.id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(done.numDeletedRows) !== 1) {
    throw new AppError('CONFLICT', 'expenses.errors.staleLine');
  }
  ctx.audit({
    entityType: 'expense_line',
    entityId: before.id,
    summary: lineSummary(visit.row.code, before),
  });
  await moneyChanged(ctx, before.requestId, visit.row.hostUserId);
  return visitMoney(ctx, before.requestId);
}

/**
 * An executive allows, with his reason, what the rules would make the host bear on a line (over
 * the cap, arranged outside the process, company-paid lodging); again, the reason is replaced.
 * The line's split is computed again and stored. Only before the reconciliation is settled.
 */
export async function grantException(
  ctx: ServiceContext,
  input: OpParsed<'expenses.grantException'>,
): Promise<VisitMoneyView> {
  const actor = requireActor(ctx);
  const before = await loadLine(ctx, input.lineId);
  const visit = await moneyVisit(ctx, before.requestId);
  if (visit.row.status === 'archived') throw new AppError('CONFLICT', 'expenses.errors.archived');
  if (visit.subject.reconciliationStatus === 'settled' || visit.row.status === 'settled') {
    throw new AppError('CONFLICT', 'expenses.errors.notEditable');
  }
  if (before.version !== input.version) {
    throw new AppError('CONFLICT', 'expenses.errors.staleLine');
  }
  // Nobody waives what he himself would bear: an executive who hosts asks another.
  if (actor.userId === visit.row.hostUserId) {
    throw new AppError('FORBIDDEN', 'expenses.errors.ownException');
  }
  const granted = { byUserId: actor.userId, reason: input.reason, atMs: ctx.nowMs };
  await ctx.db
    .insertInto('expenseExceptions')
    .values({ lineId: before.id, kind: input.kind, ...granted })
    .onConflict((oc) => oc.columns(['lineId', 'kind']).doUpdateSet(granted))
    .execute();
  const kinds = (
    await ctx.db
      .selectFrom('expenseExceptions')
      .select('kind')
      .where('lineId', '=', before.id)
      .execute()
  ).map((e) => e.kind);
  const split = splitLine(visit.facts, factsOf(before, 0, kinds));
  const done = await ctx.db
    .updateTable('expenseLines')
    .set((eb) => ({
      perHeadFen: split.perHeadFen,
      capFen: split.capFen,
      overCapFen: split.overCapFen,
      borneByHostFen: split.borneByHostFen,
      companyFen: split.companyFen,
      updatedAtMs: ctx.nowMs,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', before.id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) {
    throw new AppError('CONFLICT', 'expenses.errors.staleLine');
  }
  ctx.audit({
    entityType: 'expense_line',
    entityId: before.id,
    summary: { code: visit.row.code, exceptionKind: input.kind, reason: input.reason },
  });
  await moneyChanged(ctx, before.requestId, visit.row.hostUserId);
  return visitMoney(ctx, before.requestId);
}

export const lineHandlers: Pick<
  DomainHandlers<ExpensesOp>,
  'expenses.visit' | 'expenses.saveLine' | 'expenses.deleteLine' | 'expenses.grantException'
> = {
  'expenses.visit': (ctx, input) => visitMoney(ctx, input.requestId),
  'expenses.saveLine': (ctx, input) => saveLine(ctx, input),
  'expenses.deleteLine': (ctx, input) => deleteLine(ctx, input),
  'expenses.grantException': (ctx, input) => grantException(ctx, input),
};
