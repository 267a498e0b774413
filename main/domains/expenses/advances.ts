import type { Kysely } from 'kysely';
import type { OpParsed } from '../../../shared/contract/operations';
import type { ListTotal, Page } from '../../../shared/contract/types';
import {
  ADVANCE_REQUEST_STATUSES,
  canAskAdvance,
  LINES_EDITABLE,
  LIVE_ADVANCE_STATUSES,
  nextAdvanceStatus,
  type AdvanceAction,
  type AdvanceRow,
  type AdvanceStatus,
  type AdvanceView,
  type VisitMoneyView,
} from '../../../shared/expenses';
import { fenToYuanText, formatYuan } from '../../../shared/money';
import { estimateBudget } from '../../../shared/policy';
import type { DB } from '../../db/schema';
import { requireActor, type ServiceContext } from '../../core/context';
import { AppError, fieldError } from '../../core/errors';
import type { DomainHandlers } from '../../core/handler';
import {
  activateNext,
  planSteps,
  stepViews,
  unstaffedStep,
  voidOpenSteps,
  withdraw,
  type PlannedStep,
  type SubjectRef,
} from '../approvals';
import { notify } from '../notifications';
import { companyToday } from '../settings';
import { moneyChanged } from './events';
import type { ExpensesOp } from './handlers';
import { moneyVisit, type MoneyVisit } from './visit-facts';
import { readVisit } from './visit-reader';

/**
 * Cash advances (借款 / 备用金): the host asks on an approved visit, up to the policy's share of
 * its approved budget (all live advances together); the department head, then finance, approve
 * through the approval engine (advance-subject.ts moves the advance along); finance hands it out
 * (date, method); the settlement clears it.
 */

const ref = (id: number): SubjectRef => ({ type: 'advance', id });

/** Yuan as the audit log shows an amount ("2000.00"): entries are read in either language. */
const yuan = (fen: number) => fenToYuanText(fen) ?? '';
/** An amount in a notification (¥2,000.00: the same in both languages). */
const money = (fen: number) => formatYuan(fen, 'zh-CN');

/** An advance's row, with its visit's host and code: "not found" when there is none. */
async function loadAdvance(db: Kysely<DB>, id: number) {
  const row = await db
    .selectFrom('expenseAdvances as a')
    .innerJoin('requests as r', 'r.id', 'a.requestId')
    .selectAll('a')
    .select(['r.hostUserId', 'r.code', 'r.orgName'])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'expenses.errors.advanceNotFound');
  return row;
}
type AdvanceRecord = Awaited<ReturnType<typeof loadAdvance>>;

/** The status an action moves an advance to, or a conflict naming why it may not. */
function moved(a: { status: AdvanceStatus }, action: AdvanceAction, refusal: string) {
  const to = nextAdvanceStatus(a.status, action);
  if (!to) throw new AppError('CONFLICT', refusal, { status: a.status });
  return to;
}

/** Refuses a stale version (a double-click, or someone else was first). */
function fresh(a: { version: number }, version: number) {
  if (a.version !== version) throw new AppError('CONFLICT', 'expenses.errors.staleAdvance');
}

/**
 * The most all live advances of the visit may reach: the policy share (basis points) of the
 * budget of the request as approved, under the policy version it was approved with. Integer fen,
 * rounded down: `limit * 10000 <= share * budget`.
 */
export function advanceLimitFen(visit: MoneyVisit): number {
  const budget = estimateBudget(visit.body, visit.policy).totalFen;
  return Math.floor((visit.policy.advanceShareBp * budget) / 10000);
}

/** The sum of the visit's live advances other than `exceptId`. */
async function otherLiveFen(db: Kysely<DB>, requestId: number, exceptId: number | null) {
  let q = db
    .selectFrom('expenseAdvances')
    .select((eb) => eb.fn.sum<number | null>('amountFen').as('fen'))
    .where('requestId', '=', requestId)
    .where('status', 'in', [...LIVE_ADVANCE_STATUSES]);
  if (exceptId !== null) q = q.where('id', '!=', exceptId);
  return Number((await q.executeTakeFirstOrThrow()).fen ?? 0);
}

/** The host of the visit, and the rights say he may ask now; else "not found" or why not. */
function mayAsk(ctx: ServiceContext, visit: MoneyVisit) {
  const actor = requireActor(ctx);
  if (visit.row.hostUserId !== actor.userId) {
    throw new AppError('NOT_FOUND', 'expenses.errors.visitNotFound');
  }
  if (canAskAdvance(actor, visit.subject)) return;
  if (visit.row.status === 'cancelled') {
    throw new AppError('CONFLICT', 'expensesAdvances.errors.visitCancelled');
  }
  if (!LINES_EDITABLE.includes(visit.subject.reconciliationStatus)) {
    throw new AppError('CONFLICT', 'expenses.errors.notEditable');
  }
  if (visit.subject.reconciliationStatus !== 'open') {
    throw new AppError('CONFLICT', 'expensesAdvances.errors.reconciling');
  }
  throw new AppError('CONFLICT', 'expenses.errors.visitNotApproved');
}

/** Dept head (the department's, by name), then finance (its pool). A head asking skips his own step. */
async function planFor(ctx: ServiceContext, visit: MoneyVisit): Promise<PlannedStep[]> {
  const actor = requireActor(ctx);
  const head = visit.row.departmentHeadUserId;
  const plan: PlannedStep[] = [
    {
      kind: 'dept_head',
      reason: 'advance',
      assigneeUserId: head,
      skipped: head !== null && head === actor.userId,
    },
    { kind: 'finance', reason: 'advance', assigneeUserId: null, skipped: false },
  ];
  const unstaffed = await unstaffedStep(ctx, plan, actor.userId);
  if (unstaffed) {
    throw new AppError('CONFLICT', `expensesAdvances.errors.noApprover.${unstaffed.kind}`, {
      step: unstaffed.kind,
    });
  }
  return plan;
}

/** Refuses an amount that takes the live advances past the policy share of the budget. */
async function withinShare(
  ctx: ServiceContext,
  visit: MoneyVisit,
  amountFen: number,
  exceptId: number | null,
) {
  const others = await otherLiveFen(ctx.db, visit.row.id, exceptId);
  const budgetFen = estimateBudget(visit.body, visit.policy).totalFen;
  const share = visit.policy.advanceShareBp;
  if ((amountFen + others) * 10000 <= share * budgetFen) return;
  const limitFen = advanceLimitFen(visit);
  throw fieldError('amountFen', 'expensesAdvances.errors.overShare', {
    sharePct: share / 100,
    limitFen,
    otherFen: others,
    availableFen: Math.max(0, limitFen - others),
  });
}

/** What a write answers: the visit's money as `expenses.visit` reads it. */
function answer(ctx: ServiceContext, requestId: number): Promise<VisitMoneyView> {
  return readVisit(ctx, requestId);
}

/** Asks for a new advance, or changes and resubmits a returned one: a new approval round. */
async function saveAdvance(ctx: ServiceContext, input: OpParsed<'expenses.saveAdvance'>) {
  const actor = requireActor(ctx);
  const visit = await moneyVisit(ctx, input.requestId);
  mayAsk(ctx, visit);
  let existing: AdvanceRecord | null = null;
  if (input.id !== null) {
    existing = await loadAdvance(ctx.db, input.id);
    if (existing.requestId !== visit.row.id) {
      throw new AppError('NOT_FOUND', 'expenses.errors.advanceNotFound');
    }
    if (input.version === null) throw fieldError('version', 'validation.required');
    fresh(existing, input.version);
    moved(existing, 'resubmit', 'expensesAdvances.errors.notReturned');
  }
  await withinShare(ctx, visit, input.amountFen, existing?.id ?? null);
  const plan = await planFor(ctx, visit);

  let id: number;
  let seq: number;
  let revision: number;
  if (existing === null) {
    const last = await ctx.db
      .selectFrom('expenseAdvances')
      .select((eb) => eb.fn.max<number | null>('seq').as('seq'))
      .where('requestId', '=', visit.row.id)
      .executeTakeFirstOrThrow();
    seq = Number(last.seq ?? 0) + 1;
    revision = 1;
    const row = await ctx.db
      .insertInto('expenseAdvances')
      .values({
        requestId: visit.row.id,
        seq,
        amountFen: input.amountFen,
        purpose: input.purpose,
        status: 'approving',
        revision,
        requestedBy: actor.userId,
        requestedAtMs: ctx.nowMs,
        updatedAtMs: ctx.nowMs,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  } else {
    id = existing.id;
    seq = existing.seq;
    revision = existing.revision + 1;
    await ctx.db
      .updateTable('expenseAdvances')
      .set({
        amountFen: input.amountFen,
        purpose: input.purpose,
        status: 'approving',
        revision,
        requestedAtMs: ctx.nowMs,
        updatedAtMs: ctx.nowMs,
        version: existing.version + 1,
      })
      .where('id', '=', id)
      .execute();
    await voidOpenSteps(ctx, ref(id));
  }
  await planSteps(ctx, ref(id), revision, plan);
  await activateNext(ctx, ref(id), revision);
  ctx.audit({
    entityType: 'expense_advance',
    entityId: id,
    summary: {
      code: visit.row.code,
      advance: seq,
      advanceAmount: yuan(input.amountFen),
      advancePurpose: input.purpose,
      ...(revision > 1 ? { revision } : {}),
    },
  });
  await moneyChanged(ctx, visit.row.id, visit.row.hostUserId);
  return answer(ctx, visit.row.id);
}

/** The host withdraws an advance not yet handed out: its open steps become void. */
async function cancelAdvance(ctx: ServiceContext, input: OpParsed<'expenses.cancelAdvance'>) {
  const actor = requireActor(ctx);
  const a = await loadAdvance(ctx.db, input.id);
  if (a.hostUserId !== actor.userId) {
    throw new AppError('NOT_FOUND', 'expenses.errors.advanceNotFound');
  }
  const visit = await moneyVisit(ctx, a.requestId);
  fresh(a, input.version);
  const status = moved(a, 'cancel', 'expensesAdvances.errors.notCancellable');
  if (!LINES_EDITABLE.includes(visit.subject.reconciliationStatus)) {
    throw new AppError('CONFLICT', 'expenses.errors.notEditable');
  }
  await ctx.db
    .updateTable('expenseAdvances')
    .set({ status, updatedAtMs: ctx.nowMs, version: a.version + 1 })
    .where('id', '=', a.id)
    .execute();
  const { told, watching } = await withdraw(ctx, ref(a.id));
  const others = told.filter((u) => u !== actor.userId);
  await notify(
    ctx,
    others,
    'advance.cancelled',
    'expensesAdvances.notices.cancelled',
    { code: a.code, advance: a.seq, amount: money(a.amountFen), by: actor.displayName },
    { type: 'request', id: a.requestId },
  );
  ctx.emit('approvals.changed', { requestId: a.requestId }, [...new Set([...watching, ...others])]);
  ctx.audit({
    entityType: 'expense_advance',
    entityId: a.id,
    summary: { code: a.code, advance: a.seq, advanceAmount: yuan(a.amountFen) },
  });
  await moneyChanged(ctx, a.requestId, a.hostUserId);
  return answer(ctx, a.requestId);
}

/** Finance hands an approved advance out: on which day, and how. */
async function issueAdvance(ctx: ServiceContext, input: OpParsed<'expenses.issueAdvance'>) {
  const actor = requireActor(ctx);
  const a = await loadAdvance(ctx.db, input.id);
  fresh(a, input.version);
  const status = moved(a, 'issue', 'expensesAdvances.errors.notApproved');
  // A visit already settled (or closed) cleared its advances: money handed out now would stay
  // outstanding with nothing to clear it against.
  const visit = await moneyVisit(ctx, a.requestId);
  if (
    !ADVANCE_REQUEST_STATUSES.includes(visit.row.status) ||
    visit.subject.reconciliationStatus !== 'open'
  ) {
    throw new AppError('CONFLICT', 'expenses.errors.notEditable');
  }
  if (input.issuedOn > (await companyToday(ctx))) {
    throw fieldError('issuedOn', 'expensesAdvances.errors.issuedInFuture');
  }
  await ctx.db
    .updateTable('expenseAdvances')
    .set({
      status,
      issuedOn: input.issuedOn,
      issuedMethod: input.method,
      issuedBy: actor.userId,
      issuedAtMs: ctx.nowMs,
      updatedAtMs: ctx.nowMs,
      version: a.version + 1,
    })
    .where('id', '=', a.id)
    .execute();
  await notify(
    ctx,
    [a.hostUserId],
    'advance.issued',
    'expensesAdvances.notices.issued',
    { code: a.code, advance: a.seq, amount: money(a.amountFen), issuedOn: input.issuedOn },
    { type: 'request', id: a.requestId },
  );
  ctx.audit({
    entityType: 'expense_advance',
    entityId: a.id,
    summary: {
      code: a.code,
      advance: a.seq,
      advanceAmount: yuan(a.amountFen),
      issuedOn: input.issuedOn,
      issueMethod: input.method,
    },
  });
  await moneyChanged(ctx, a.requestId, a.hostUserId);
  return answer(ctx, a.requestId);
}

/** An advance's columns as its views show them, with the names of the people on it. */
function advanceViewQuery(db: Kysely<DB>) {
  return db
    .selectFrom('expenseAdvances as a')
    .select((eb) => [
      'a.id',
      'a.requestId',
      'a.seq',
      'a.amountFen',
      'a.purpose',
      'a.status',
      eb
        .selectFrom('users as q')
        .select('q.displayName')
        .whereRef('q.id', '=', 'a.requestedBy')
        .$asScalar()
        .$notNull()
        .as('requestedByName'),
      'a.requestedAtMs',
      'a.issuedOn',
      'a.issuedMethod',
      eb
        .selectFrom('users as i')
        .select('i.displayName')
        .whereRef('i.id', '=', 'a.issuedBy')
        .$asScalar()
        .$castTo<string | null>()
        .as('issuedByName'),
      'a.version',
    ]);
}

/** Steps of each advance, the current round first (then earlier rounds, newest first). */
async function withSteps<T extends { id: number }>(ctx: ServiceContext, rows: readonly T[]) {
  const out: (T & Pick<AdvanceView, 'steps'>)[] = [];
  for (const r of rows) {
    const steps = await stepViews(ctx.db, ref(r.id));
    steps.sort((x, y) => y.revision - x.revision || x.seq - y.seq);
    out.push({ ...r, steps });
  }
  return out;
}

/**
 * The advances of a visit as its money page shows them, in order (借款 1, 2, …), with their
 * steps. The caller has already checked that the reader may see the visit's money.
 */
export async function advancesOf(ctx: ServiceContext, requestId: number): Promise<AdvanceView[]> {
  const rows = await advanceViewQuery(ctx.db)
    .where('a.requestId', '=', requestId)
    .orderBy('a.seq')
    .execute();
  return withSteps(ctx, rows);
}

const TOTAL_CAP = 1000;

/**
 * Finance's advances: approved and waiting to be handed out, or issued and not yet cleared; the
 * oldest request first, a keyset page on expense_advances_status (status, requested_at_ms, id).
 */
async function listAdvances(
  ctx: ServiceContext,
  input: OpParsed<'expenses.advances'>,
): Promise<Page<AdvanceRow>> {
  let q = advanceViewQuery(ctx.db)
    .innerJoin('requests as r', 'r.id', 'a.requestId')
    .select((eb) => [
      'r.code as requestCode',
      'r.orgName',
      eb
        .selectFrom('users as h')
        .select('h.displayName')
        .whereRef('h.id', '=', 'r.hostUserId')
        .$asScalar()
        .$notNull()
        .as('hostName'),
      eb
        .selectFrom('departments as d')
        .select('d.name')
        .whereRef('d.id', '=', 'r.departmentId')
        .$asScalar()
        .$castTo<string | null>()
        .as('departmentName'),
    ])
    .where('a.status', '=', input.status);
  const after = input.after;
  if (after) {
    const key = typeof after.key === 'number' ? after.key : Number(after.key);
    if (!Number.isSafeInteger(key)) throw fieldError('after.key', 'validation.invalidOption');
    q = q.where((eb) =>
      eb.or([
        eb('a.requestedAtMs', '>', key),
        eb.and([eb('a.requestedAtMs', '=', key), eb('a.id', '>', after.id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('a.requestedAtMs')
    .orderBy('a.id')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  let total: ListTotal | null = null;
  if (!after) {
    const counted = await ctx.db
      .selectFrom((eb) =>
        eb
          .selectFrom('expenseAdvances')
          .select('id')
          .where('status', '=', input.status)
          .limit(TOTAL_CAP + 1)
          .as('c'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const n = Number(counted.n);
    total = { count: Math.min(n, TOTAL_CAP), atLeast: n > TOTAL_CAP };
  }
  return {
    items: await withSteps(ctx, page),
    next: rows.length > input.limit && last ? { key: last.requestedAtMs, id: last.id } : null,
    total,
  };
}

/** Advances not handed out yet: what a cancelled visit withdraws. */
const NOT_HANDED_OUT: readonly AdvanceStatus[] = ['approving', 'returned', 'approved'];

/**
 * The visit was cancelled (in the same transaction): its advances not handed out yet are
 * withdrawn and their open steps void, so that nobody is left deciding on, or handing out, money
 * for a visit that will not happen. Issued ones stay issued: the cash is out, and finance's
 * outstanding list (借款发放 · 已发放未核销) shows it until it is returned. Returns whom the
 * caller tells (whoever decided on or had one of them waiting) and who had one in an inbox.
 */
export async function withdrawAdvancesOf(
  ctx: ServiceContext,
  requestId: number,
  hostUserId: number,
): Promise<{ told: number[]; watching: number[]; withdrawn: number }> {
  const open = await ctx.db
    .selectFrom('expenseAdvances')
    .select(['id', 'status', 'version'])
    .where('requestId', '=', requestId)
    .where('status', 'in', [...NOT_HANDED_OUT])
    .execute();
  const told = new Set<number>();
  const watching = new Set<number>();
  for (const a of open) {
    await ctx.db
      .updateTable('expenseAdvances')
      .set({
        status: moved(a, 'cancel', 'expensesAdvances.errors.notCancellable'),
        updatedAtMs: ctx.nowMs,
        version: a.version + 1,
      })
      .where('id', '=', a.id)
      .execute();
    const out = await withdraw(ctx, ref(a.id));
    for (const u of out.told) told.add(u);
    for (const u of out.watching) watching.add(u);
  }
  if (open.length > 0) await moneyChanged(ctx, requestId, hostUserId);
  return { told: [...told], watching: [...watching], withdrawn: open.length };
}

/**
 * Whether money already moved on the visit: a line recorded or cash handed out. Such a visit is
 * not cancelled — its lines could no longer be reimbursed nor its cash cleared — but settled
 * through its reconciliation (with no lines when nothing was spent: the advance comes back whole).
 */
export async function moneyMovedOn(db: Kysely<DB>, requestId: number): Promise<boolean> {
  const line = await db
    .selectFrom('expenseLines')
    .select('id')
    .where('requestId', '=', requestId)
    .limit(1)
    .executeTakeFirst();
  return line !== undefined || (await issuedAdvanceFen(db, requestId)) > 0;
}

/** The advances issued for a visit and not yet cleared (what the settlement clears), in fen. */
export async function issuedAdvanceFen(db: Kysely<DB>, requestId: number): Promise<number> {
  const row = await db
    .selectFrom('expenseAdvances')
    .select((eb) => eb.fn.sum<number | null>('amountFen').as('fen'))
    .where('requestId', '=', requestId)
    .where('status', '=', 'issued')
    .executeTakeFirstOrThrow();
  return Number(row.fen ?? 0);
}

/**
 * At settlement: the visit's issued advances are cleared (the reconciliation's own audit entry
 * says so). Advances approved but never handed out stay as they are. Returns how many.
 */
export async function clearAdvances(ctx: ServiceContext, requestId: number): Promise<number> {
  const to = nextAdvanceStatus('issued', 'clear');
  if (!to) throw new Error('an issued advance cannot be cleared');
  const res = await ctx.db
    .updateTable('expenseAdvances')
    .set((eb) => ({
      status: to,
      clearedAtMs: ctx.nowMs,
      updatedAtMs: ctx.nowMs,
      version: eb('version', '+', 1),
    }))
    .where('requestId', '=', requestId)
    .where('status', '=', 'issued')
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export const advanceHandlers: Pick<
  DomainHandlers<ExpensesOp>,
  'expenses.saveAdvance' | 'expenses.cancelAdvance' | 'expenses.issueAdvance' | 'expenses.advances'
> = {
  'expenses.saveAdvance': (ctx, input) => saveAdvance(ctx, input),
  'expenses.cancelAdvance': (ctx, input) => cancelAdvance(ctx, input),
  'expenses.issueAdvance': (ctx, input) => issueAdvance(ctx, input),
  'expenses.advances': (ctx, input) => listAdvances(ctx, input),
};
