import type { Kysely } from 'kysely';
import type { OpParsed } from '../../../shared/contract/operations';
import {
  budgetVsActual,
  clearAdvance,
  clearingMessage,
  LINES_EDITABLE,
  nextReconciliationStatus,
  type Clearing,
  type ExpenseCheck,
  type ExpenseLineView,
  type PaidBy,
  type ReconciliationAction,
  type ReconciliationStatus,
  type VisitCheckCode,
  type VisitMoneyView,
} from '../../../shared/expenses';
import type { ExpenseCategory } from '../../../shared/policy';
import type { RequestStatus } from '../../../shared/requests';
import type { StoredDetail } from '../../../shared/bookings';
import type { Message } from '../../../shared/result';
import type { DB } from '../../db/schema';
import { requireActor, type Actor, type ServiceContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { parseJson, toJson, type Json } from '../../core/json';
import type { DomainHandlers } from '../../core/handler';
import {
  activateNext,
  decide,
  planSteps,
  stepViews,
  unstaffedStep,
  voidOpenSteps,
  type PlannedStep,
} from '../approvals';
import { notify } from '../notifications';
import { completeVisitTask } from '../tasks';
import { addEvent, loadRow, transition } from '../requests';
import { moneyChanged } from './events';
import type { ExpensesOp } from './handlers';
import { lineViews } from './lines-view';
import { readVisit } from './visit-reader';
import { moneyVisit, type MoneyVisit } from './visit-facts';

/**
 * The reconciliation (报帐核销) of a visit: the host submits its lines, the department head
 * confirms, finance verifies (and may send it back over one line) and, with the last approval, the
 * visit settles: the issued advances are cleared against the lines in integer fen and the request
 * becomes `settled`; finance archives it, only the sysadmin reopens it.
 */

/** Request statuses from which the host's first submission moves the visit to `reconciling`. */
const RECONCILABLE: readonly RequestStatus[] = ['approved', 'filed', 'completed'];

/** A reconciliation's next status, or a refusal (its life cycle forbids the move). */
function moved(from: ReconciliationStatus, action: ReconciliationAction): ReconciliationStatus {
  const to = nextReconciliationStatus(from, action);
  if (!to) throw new AppError('CONFLICT', 'expensesReconcile.errors.badState', { status: from });
  return to;
}

/**
 * The advances handed out to the host for this visit: issued and not yet cleared, and (once a
 * settled visit was reopened) those its first settlement cleared — the clearing is always of
 * everything he received. One statement. (The advances area keeps its own `issuedAdvanceFen`.)
 */
export async function issuedAdvancesOf(
  db: Kysely<DB>,
  requestId: number,
): Promise<{ fen: number; issued: number }> {
  const rows = await db
    .selectFrom('expenseAdvances')
    .select(['status', 'amountFen'])
    .where('requestId', '=', requestId)
    .where('status', 'in', ['issued', 'cleared'])
    .execute();
  return {
    fen: rows.reduce((s, r) => s + r.amountFen, 0),
    issued: rows.filter((r) => r.status === 'issued').length,
  };
}

/** The money columns of a visit's lines, as the clearing and the budget need them. */
async function moneyLines(db: Kysely<DB>, requestId: number) {
  return db
    .selectFrom('expenseLines')
    .select(['id', 'category', 'amountFen', 'paidBy', 'companyFen', 'borneByHostFen'])
    .where('requestId', '=', requestId)
    .execute();
}

/** Supply bookings of the visit, issued, whose return nobody has recorded yet. One statement. */
async function suppliesToReturn(db: Kysely<DB>, requestId: number) {
  const rows = await db
    .selectFrom('bookings')
    .select(['id', 'detail', 'status'])
    .where('requestId', '=', requestId)
    .where('kind', '=', 'supply')
    .where('status', 'in', ['confirmed', 'done'])
    .orderBy('id')
    .execute();
  const out: { bookingId: number; label: string }[] = [];
  for (const r of rows) {
    const detail = parseJson(r.detail) as StoredDetail;
    if (detail.kind !== 'supply') continue;
    // Nothing recorded as come back of anything issued: the return is still to be recorded.
    if (detail.items.length > 0 && detail.items.every((i) => i.returned === 0)) {
      const count = detail.items.reduce((s, i) => s + i.quantity, 0);
      out.push({ bookingId: r.id, label: `${detail.date} × ${count}` });
    }
  }
  return out;
}

/** The checks of the visit as a whole (a `block` stops the submission). Two statements. */
async function visitChecks(
  ctx: ServiceContext,
  visit: MoneyVisit,
  lines: readonly {
    category: ExpenseCategory;
    amountFen: number;
    paidBy: PaidBy;
    returnedReason: string;
  }[],
  supplies: readonly unknown[],
): Promise<ExpenseCheck<VisitCheckCode>[]> {
  const out: ExpenseCheck<VisitCheckCode>[] = [];
  // No lines is a submission only when it returns an advance whole (the visit spent nothing).
  if (lines.length === 0 && (await issuedAdvancesOf(ctx.db, visit.row.id)).fen === 0) {
    out.push({ code: 'no_lines', severity: 'block', params: {} });
  }
  if (lines.some((l) => l.returnedReason !== '')) {
    out.push({ code: 'line_returned', severity: 'warn', params: {} });
  }
  if (supplies.length > 0) {
    out.push({
      code: 'supplies_not_returned',
      severity: 'warn',
      params: { count: supplies.length },
    });
  }
  const waiting = await ctx.db
    .selectFrom('expenseAdvances')
    .select('id')
    .where('requestId', '=', visit.row.id)
    .where('status', 'in', ['approving', 'approved'])
    .execute();
  if (waiting.length > 0) {
    out.push({ code: 'advance_not_issued', severity: 'warn', params: { count: waiting.length } });
  }
  const budget = budgetVsActual(visit.facts.budget, lines);
  if (budget.actualFen > budget.budgetFen) {
    out.push({
      code: 'over_budget',
      severity: 'warn',
      params: { actualFen: budget.actualFen, budgetFen: budget.budgetFen },
    });
  }
  return out;
}

/** The stored clearing of a settled reconciliation (integer fen, as it was settled). */
function storedClearing(json: string): Clearing {
  const raw = parseJson(json as Json<Partial<Clearing> | null>);
  const fen = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : 0);
  return {
    advanceFen: fen(raw?.advanceFen),
    companyPaysFen: fen(raw?.companyPaysFen),
    cardOwedFen: fen(raw?.cardOwedFen),
    toReturnFen: fen(raw?.toReturnFen),
    toReimburseFen: fen(raw?.toReimburseFen),
  };
}

/**
 * The reconciliation part of a visit's money page: its status, steps of every round and clearing
 * (as settled, or as it stands now), the visit's checks and the supplies still to return. The
 * entry area's `expenses.visit` calls this with the visit and its lines as views.
 */
export async function reconciliationPart(
  ctx: ServiceContext,
  visit: MoneyVisit,
  lines: readonly Pick<
    ExpenseLineView,
    'category' | 'amountFen' | 'paidBy' | 'returnedReason' | 'split'
  >[],
): Promise<Pick<VisitMoneyView, 'reconciliation' | 'checks' | 'suppliesToReturn'>> {
  const requestId = visit.row.id;
  const rec = await ctx.db
    .selectFrom('expenseReconciliations')
    .selectAll()
    .where('requestId', '=', requestId)
    .executeTakeFirst();
  const supplies = await suppliesToReturn(ctx.db, requestId);
  const checks = await visitChecks(ctx, visit, lines, supplies);
  const clearing =
    rec?.status === 'settled'
      ? storedClearing(rec.clearing)
      : clearAdvance(
          (await issuedAdvancesOf(ctx.db, requestId)).fen,
          lines.map((l) => ({
            paidBy: l.paidBy,
            companyFen: l.split.companyFen,
            borneByHostFen: l.split.borneByHostFen,
          })),
        );
  return {
    reconciliation: {
      id: rec?.id ?? null,
      status: rec?.status ?? 'open',
      revision: rec?.revision ?? 0,
      submittedAtMs: rec?.submittedAtMs ?? null,
      settledAtMs: rec?.settledAtMs ?? null,
      returnedLineId: rec?.returnedLineId ?? null,
      returnReason: rec?.returnReason ?? '',
      steps: rec ? await stepViews(ctx.db, { type: 'reconciliation', id: rec.id }) : [],
      clearing,
      version: rec?.version ?? 1,
    },
    checks,
    suppliesToReturn: supplies,
  };
}

/** The visit of a money write: "not found" to whoever may not read it, then its host's alone. */
async function hostsVisit(ctx: ServiceContext, requestId: number): Promise<MoneyVisit> {
  const actor = requireActor(ctx);
  const visit = await moneyVisit(ctx, requestId);
  if (visit.row.hostUserId !== actor.userId) {
    throw new AppError('NOT_FOUND', 'expenses.errors.visitNotFound');
  }
  return visit;
}

/** Why a visit in this request status cannot be reconciled (null: it can). */
function unreconcilable(status: RequestStatus): string | null {
  if (status === 'reconciling' || RECONCILABLE.includes(status)) return null;
  if (status === 'in_progress') return 'expensesReconcile.errors.visitUnderWay';
  if (status === 'settled') return 'expensesReconcile.errors.settled';
  if (status === 'archived') return 'expenses.errors.archived';
  return 'expenses.errors.visitNotApproved';
}

/**
 * The host submits (or resubmits) the visit's spend: at least one line (none only to return an
 * advance whole), no blocking check on any
 * line nor on the visit; the department head confirms, then finance verifies. The first submission
 * moves the request to `reconciling`; the lines follow the reconciliation's status.
 */
async function submit(ctx: ServiceContext, input: OpParsed<'expenses.submit'>) {
  const actor = requireActor(ctx);
  const visit = await hostsVisit(ctx, input.requestId);
  const requestStatus = visit.row.status;
  const refused = unreconcilable(requestStatus);
  if (refused) throw new AppError('CONFLICT', refused, { status: requestStatus });
  const rec = visit.reconciliation;
  if (rec && !LINES_EDITABLE.includes(rec.status)) {
    // A double-click, or a second tab: the first submission already took it.
    throw new AppError(
      'CONFLICT',
      rec.status === 'approving'
        ? 'expensesReconcile.errors.alreadySubmitted'
        : 'expensesReconcile.errors.settled',
    );
  }
  if (rec && input.version !== null && input.version !== rec.version) {
    throw new AppError('CONFLICT', 'expenses.errors.staleReconciliation');
  }

  // The lines as the money page shows them (same statements, same checks); the arrivals only
  // inform (attendees_changed is never a block).
  const lines = await lineViews(ctx, visit, null);
  const lineBlocks = lines.filter((l) => l.checks.some((c) => c.severity === 'block'));
  const checks = await visitChecks(ctx, visit, lines, await suppliesToReturn(ctx.db, visit.row.id));
  const visitBlocks = checks.filter((c) => c.severity === 'block');
  if (visitBlocks.length > 0 || lineBlocks.length > 0) {
    const fieldErrors: Record<string, Message> = {};
    for (const c of visitBlocks) fieldErrors._ = { key: `expenses.checks.${c.code}` };
    for (const l of lineBlocks) {
      const c = l.checks.find((x) => x.severity === 'block');
      if (c) fieldErrors[`lines.${l.id}`] = { key: `expenses.checks.${c.code}`, params: c.params };
    }
    throw new AppError(
      'INVALID_INPUT',
      visitBlocks.some((c) => c.code === 'no_lines')
        ? 'expensesReconcile.errors.noLines'
        : 'expensesReconcile.errors.blocked',
      { count: lineBlocks.length + visitBlocks.length },
      fieldErrors,
    );
  }

  // Dept head of the visit's department by name (none: anyone holding the role), then finance.
  // A host who heads the department does not confirm his own spend: finance alone verifies it.
  const headId = visit.row.departmentHeadUserId;
  const plan: PlannedStep[] = [
    {
      kind: 'dept_head',
      reason: '',
      assigneeUserId: headId,
      skipped: headId === actor.userId,
    },
    { kind: 'finance', reason: '', assigneeUserId: null, skipped: false },
  ];
  const unstaffed = await unstaffedStep(ctx, plan, actor.userId);
  if (unstaffed) {
    throw new AppError('CONFLICT', `expensesReconcile.errors.noApprover.${unstaffed.kind}`, {
      step: unstaffed.kind,
    });
  }

  const current =
    rec ??
    (await ctx.db
      .insertInto('expenseReconciliations')
      .values({ requestId: visit.row.id, status: 'open', updatedAtMs: ctx.nowMs })
      .returning(['id', 'status', 'revision', 'version'])
      .executeTakeFirstOrThrow());
  if (requestStatus !== 'reconciling') {
    await transition(ctx.db, visit.row.id, requestStatus, 'reconcile', ctx.nowMs);
  }
  // The visit's 提交报销 task is done: the receipts are in.
  await completeVisitTask(ctx, visit.row.id, 'submit_reimbursement');
  const revision = current.revision + 1;
  const status = moved(current.status, 'submit');
  const res = await ctx.db
    .updateTable('expenseReconciliations')
    .set({
      status,
      revision,
      submittedAtMs: ctx.nowMs,
      returnedLineId: null,
      returnReason: '',
      updatedAtMs: ctx.nowMs,
      version: current.version + 1,
    })
    .where('id', '=', current.id)
    .where('version', '=', current.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) {
    throw new AppError('CONFLICT', 'expenses.errors.staleReconciliation');
  }
  await ctx.db
    .updateTable('expenseLines')
    .set({ status, returnedReason: '', updatedAtMs: ctx.nowMs })
    .where('requestId', '=', visit.row.id)
    .execute();

  const ref = { type: 'reconciliation', id: current.id } as const;
  await voidOpenSteps(ctx, ref);
  await planSteps(ctx, ref, revision, plan);
  const amountFen = lines.reduce((s, l) => s + l.amountFen, 0);
  await addEvent(ctx.db, {
    requestId: visit.row.id,
    atMs: ctx.nowMs,
    actorUserId: actor.userId,
    kind: 'reconciliation_submitted',
    data: { subject: 'reconciliation', revision, amountFen, lines: lines.length },
  });
  await activateNext(ctx, ref, revision);
  ctx.audit({
    entityType: 'expense_reconciliation',
    entityId: current.id,
    summary: { code: visit.row.code, revision, amountFen, lines: lines.length },
  });
  await moneyChanged(ctx, visit.row.id, visit.row.hostUserId);
  return readVisit(ctx, visit.row.id);
}

/**
 * Finance, at its pending step of the current round, sends the reconciliation back to the host
 * over one line, with the reason: the step is returned through the engine's decision (its audit,
 * timeline and notices), the line and the reconciliation keep which line and why.
 */
async function returnLine(ctx: ServiceContext, input: OpParsed<'expenses.returnLine'>) {
  const step = await ctx.db
    .selectFrom('approvalSteps')
    .select(['id', 'subjectType', 'subjectId', 'kind', 'status', 'revision', 'version'])
    .where('id', '=', input.stepId)
    .executeTakeFirst();
  if (!step || step.subjectType !== 'reconciliation') {
    throw new AppError('NOT_FOUND', 'errors.stepNotFound');
  }
  const rec = await ctx.db
    .selectFrom('expenseReconciliations')
    .select(['id', 'requestId', 'revision', 'status'])
    .where('id', '=', step.subjectId)
    .executeTakeFirst();
  if (!rec) throw new AppError('NOT_FOUND', 'errors.stepNotFound');
  if (step.kind !== 'finance') throw new AppError('FORBIDDEN', 'errors.notYourStep');
  if (
    step.status !== 'pending' ||
    step.version !== input.version ||
    step.revision !== rec.revision ||
    rec.status !== 'approving'
  ) {
    throw new AppError('CONFLICT', 'errors.alreadyDecided', { by: '—' });
  }
  const line = await ctx.db
    .selectFrom('expenseLines')
    .select(['id', 'vendor', 'amountFen', 'spentOn'])
    .where('id', '=', input.lineId)
    .where('requestId', '=', rec.requestId)
    .executeTakeFirst();
  if (!line) throw new AppError('NOT_FOUND', 'expenses.errors.lineNotFound');
  await ctx.db
    .updateTable('expenseLines')
    .set((eb) => ({
      returnedReason: input.reason,
      updatedAtMs: ctx.nowMs,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', line.id)
    .execute();
  await ctx.db
    .updateTable('expenseReconciliations')
    .set({ returnedLineId: line.id, returnReason: input.reason })
    .where('id', '=', rec.id)
    .execute();
  // The engine checks the caller's right to the step and returns it (the hook below follows).
  await decide(ctx, {
    stepId: step.id,
    version: input.version,
    action: 'return',
    comment: input.reason,
  });
  const { code } = await loadRow(ctx.db, rec.requestId);
  ctx.audit({
    entityType: 'expense_line',
    entityId: line.id,
    summary: {
      code,
      vendor: line.vendor,
      amountFen: line.amountFen,
      spentOn: line.spentOn,
      reason: input.reason,
    },
  });
  return readVisit(ctx, rec.requestId);
}

/** What the reconciliation hooks know of it (the subject's facts). */
interface Subject {
  id: number;
  requestId: number;
  ownerUserId: number;
  code: string;
  orgName: string;
}

/**
 * Settlement, on the last approval: the issued advances are cleared against the lines (integer
 * fen, stored as settled), the request and its lines become `settled`, and the host is told the
 * clearing in plain words.
 */
export async function onReconciliationApproved(ctx: ServiceContext, s: Subject): Promise<void> {
  const lines = await moneyLines(ctx.db, s.requestId);
  const { fen } = await issuedAdvancesOf(ctx.db, s.requestId);
  const clearing = clearAdvance(fen, lines);
  await ctx.db
    .updateTable('expenseReconciliations')
    .set((eb) => ({
      status: moved('approving', 'settle'),
      settledAtMs: ctx.nowMs,
      clearing: toJson(clearing),
      updatedAtMs: ctx.nowMs,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', s.id)
    .execute();
  // The advances handed out are accounted for by this clearing.
  await ctx.db
    .updateTable('expenseAdvances')
    .set((eb) => ({
      status: 'cleared',
      clearedAtMs: ctx.nowMs,
      updatedAtMs: ctx.nowMs,
      version: eb('version', '+', 1),
    }))
    .where('requestId', '=', s.requestId)
    .where('status', '=', 'issued')
    .execute();
  await transition(ctx.db, s.requestId, 'reconciling', 'settle', ctx.nowMs);
  await ctx.db
    .updateTable('expenseLines')
    .set({ status: 'settled', updatedAtMs: ctx.nowMs })
    .where('requestId', '=', s.requestId)
    .execute();
  await addEvent(ctx.db, {
    requestId: s.requestId,
    atMs: ctx.nowMs,
    actorUserId: ctx.actor?.userId ?? null,
    kind: 'settled',
    data: { subject: 'reconciliation', ...clearing },
  });
  const words = clearingMessage(clearing);
  await notify(
    ctx,
    [s.ownerUserId],
    'reconciliation.settled',
    `expensesReconcile.notice.settled.${words.key}`,
    { code: s.code, org: s.orgName, ...words.params },
    { type: 'request', id: s.requestId },
  );
  await moneyChanged(ctx, s.requestId, s.ownerUserId);
}

/** Returned (or "rejected", which for spend is a return): back to the host with the reason. */
export async function onReconciliationSentBack(
  ctx: ServiceContext,
  s: Subject,
  { by, comment }: { by: Actor; comment: string },
): Promise<void> {
  await ctx.db
    .updateTable('expenseReconciliations')
    .set((eb) => ({
      status: moved('approving', 'return'),
      returnReason: comment,
      updatedAtMs: ctx.nowMs,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', s.id)
    .execute();
  await ctx.db
    .updateTable('expenseLines')
    .set({ status: 'returned', updatedAtMs: ctx.nowMs })
    .where('requestId', '=', s.requestId)
    .execute();
  const rec = await ctx.db
    .selectFrom('expenseReconciliations as x')
    .leftJoin('expenseLines as l', 'l.id', 'x.returnedLineId')
    .select(['l.vendor', 'l.amountFen', 'l.spentOn'])
    .where('x.id', '=', s.id)
    .executeTakeFirstOrThrow();
  const line = rec.amountFen !== null ? rec : null;
  await notify(
    ctx,
    [s.ownerUserId],
    'reconciliation.returned',
    line ? 'expensesReconcile.notice.lineReturned' : 'expensesReconcile.notice.returned',
    {
      code: s.code,
      org: s.orgName,
      by: by.displayName,
      reason: comment,
      ...(line
        ? {
            vendor: line.vendor ?? '',
            amountFen: line.amountFen ?? 0,
            spentDate: line.spentOn ?? '',
          }
        : {}),
    },
    { type: 'request', id: s.requestId },
  );
  await moneyChanged(ctx, s.requestId, s.ownerUserId);
}

/** Finance archives a settled visit: read-only on record (归档). */
async function archive(ctx: ServiceContext, input: OpParsed<'expenses.archive'>) {
  const actor = requireActor(ctx);
  const visit = await moneyVisit(ctx, input.requestId);
  if (visit.row.status !== 'settled') {
    throw new AppError(
      'CONFLICT',
      visit.row.status === 'archived'
        ? 'expenses.errors.archived'
        : 'expensesReconcile.errors.notSettled',
      { status: visit.row.status },
    );
  }
  await transition(ctx.db, visit.row.id, 'settled', 'archive', ctx.nowMs);
  await addEvent(ctx.db, {
    requestId: visit.row.id,
    atMs: ctx.nowMs,
    actorUserId: actor.userId,
    kind: 'archived',
    data: { subject: 'reconciliation' },
  });
  ctx.audit({
    entityType: 'expense_reconciliation',
    entityId: visit.reconciliation?.id ?? null,
    summary: { code: visit.row.code, status: 'archived' },
  });
  await moneyChanged(ctx, visit.row.id, visit.row.hostUserId);
  return readVisit(ctx, visit.row.id);
}

/**
 * The sysadmin reopens a settled or archived visit, with the reason: the request is reconciling
 * again and the reconciliation is the host's (returned) to correct and resubmit. Audited.
 */
async function reopen(ctx: ServiceContext, input: OpParsed<'expenses.reopen'>) {
  const actor = requireActor(ctx);
  // The permission is the gate: the sysadmin does not otherwise read requests.
  const row = await loadRow(ctx.db, input.requestId);
  const rec = await ctx.db
    .selectFrom('expenseReconciliations')
    .select(['id', 'status', 'version'])
    .where('requestId', '=', row.id)
    .executeTakeFirst();
  if ((row.status !== 'settled' && row.status !== 'archived') || !rec) {
    throw new AppError('CONFLICT', 'expensesReconcile.errors.notSettled', { status: row.status });
  }
  await transition(ctx.db, row.id, row.status, 'reopen', ctx.nowMs);
  const status = moved(rec.status, 'reopen');
  await ctx.db
    .updateTable('expenseReconciliations')
    .set({
      status,
      settledAtMs: null,
      clearing: '{}',
      returnedLineId: null,
      returnReason: input.reason,
      updatedAtMs: ctx.nowMs,
      version: rec.version + 1,
    })
    .where('id', '=', rec.id)
    .execute();
  await ctx.db
    .updateTable('expenseLines')
    .set({ status, updatedAtMs: ctx.nowMs })
    .where('requestId', '=', row.id)
    .execute();
  await addEvent(ctx.db, {
    requestId: row.id,
    atMs: ctx.nowMs,
    actorUserId: actor.userId,
    kind: 'reopened',
    comment: input.reason,
    data: { subject: 'reconciliation', from: row.status },
  });
  await notify(
    ctx,
    [row.hostUserId],
    'reconciliation.reopened',
    'expensesReconcile.notice.reopened',
    { code: row.code, org: row.orgName, by: actor.displayName, reason: input.reason },
    { type: 'request', id: row.id },
  );
  ctx.audit({
    entityType: 'expense_reconciliation',
    entityId: rec.id,
    summary: { code: row.code, from: row.status, reason: input.reason },
  });
  await moneyChanged(ctx, row.id, row.hostUserId);
  return readVisit(ctx, row.id);
}

export const reconciliationHandlers: Pick<
  DomainHandlers<ExpensesOp>,
  'expenses.submit' | 'expenses.returnLine' | 'expenses.archive' | 'expenses.reopen'
> = {
  'expenses.submit': (ctx, input) => submit(ctx, input),
  'expenses.returnLine': (ctx, input) => returnLine(ctx, input),
  'expenses.archive': (ctx, input) => archive(ctx, input),
  'expenses.reopen': (ctx, input) => reopen(ctx, input),
};
