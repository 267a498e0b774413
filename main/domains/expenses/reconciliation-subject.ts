import type { Kysely } from 'kysely';
import type { ReconciliationStatus } from '../../../shared/expenses';
import type { Tier } from '../../../shared/policy';
import type { DB } from '../../db/schema';
import type { ServiceContext } from '../../core/context';
import {
  registerSubject,
  type ApprovalSubject,
  type InboxSubject,
  type SubjectFacts,
} from '../approvals';
import { notify } from '../notifications';
import { addEvent, getDossier, loadListRows, toSummary } from '../requests';
import { onReconciliationApproved, onReconciliationSentBack } from './reconciliation';

/** What the approval engine knows of a visit's reconciliation (报帐核销). */
export interface ReconciliationFacts extends SubjectFacts {
  requestId: number;
  /** Kept current by the hooks as they move it along. */
  status: ReconciliationStatus;
  code: string;
  orgName: string;
  tier: Tier;
}

/** Facts of these reconciliations with their request's code and host: one statement. */
async function loadFacts(db: Kysely<DB>, ids: readonly number[]) {
  const out = new Map<number, ReconciliationFacts>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('expenseReconciliations as x')
    .innerJoin('requests as r', 'r.id', 'x.requestId')
    .select([
      'x.id',
      'x.requestId',
      'x.revision',
      'x.status',
      'r.hostUserId',
      'r.code',
      'r.orgName',
      'r.tier',
    ])
    .where('x.id', 'in', [...ids])
    .execute();
  for (const { hostUserId, ...r } of rows) out.set(r.id, { ...r, ownerUserId: hostUserId });
  return out;
}

/** The request a reconciliation belongs to ("not found" as a request when there is none). */
async function requestOf(db: Kysely<DB>, id: number): Promise<number> {
  const row = await db
    .selectFrom('expenseReconciliations')
    .select('requestId')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.requestId ?? 0;
}

/**
 * Inbox rows: the visit's summary and what its lines cost (no policy checks, no changes: the
 * approver opens the visit's money page for its lines' checks). Two statements per thousand rows.
 */
async function inboxRows(ctx: ServiceContext, subjects: readonly ReconciliationFacts[]) {
  const out = new Map<number, InboxSubject>();
  if (subjects.length === 0) return out;
  const requestIds = subjects.map((s) => s.requestId);
  const rows = await loadListRows(ctx.db, requestIds);
  const totals = new Map<number, number>();
  for (let i = 0; i < requestIds.length; i += 1000) {
    const sums = await ctx.db
      .selectFrom('expenseLines')
      .select((eb) => ['requestId', eb.fn.sum<number>('amountFen').as('amountFen')])
      .where('requestId', 'in', requestIds.slice(i, i + 1000))
      .groupBy('requestId')
      .execute();
    for (const s of sums) totals.set(s.requestId, Number(s.amountFen));
  }
  for (const s of subjects) {
    const row = rows.get(s.requestId);
    if (!row) continue;
    out.set(s.id, {
      request: toSummary(row),
      checks: [],
      changes: [],
      money: { kind: 'reconciliation', id: s.id, amountFen: totals.get(s.requestId) ?? 0 },
    });
  }
  return out;
}

/** A visit's reconciliation as a subject of the approval engine: dept head confirms, finance verifies. */
export const reconciliationSubject: ApprovalSubject<ReconciliationFacts> = {
  type: 'reconciliation',
  notFoundKey: 'expenses.errors.visitNotFound',
  load: loadFacts,
  async departmentOf(db, ids) {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('expenseReconciliations as x')
      .innerJoin('requests as r', 'r.id', 'x.requestId')
      .select(['x.id', 'r.departmentId'])
      .where('x.id', 'in', [...ids])
      .execute();
    return new Map(rows.map((r) => [r.id, r.departmentId]));
  },
  auditName: (s) => ({ code: s.code }),
  // The engine's notices say it is the visit's reconciliation, not the request itself: i18next's
  // context picks notifications.approvalTask_reconciliation and its kin.
  noticeParams: (s) => ({ code: s.code, org: s.orgName, context: 'reconciliation' }),
  taskParams: (s) => ({ code: s.code, org: s.orgName, tier: s.tier, context: 'reconciliation' }),
  noticeTarget: (s) => ({ type: 'request', id: s.requestId }),
  changedPayload: (s) => ({ requestId: s.requestId }),
  // The approvers decide on the visit: the request's dossier, as each of them may see it.
  view: async (ctx, id) => getDossier(ctx, await requestOf(ctx.db, id)),
  inboxRows: (ctx, subjects) => inboxRows(ctx, subjects),
  dueDate: (row) => row.request.departureDate,
  async record(ctx, id, entry) {
    await addEvent(ctx.db, {
      requestId: await requestOf(ctx.db, id),
      atMs: ctx.nowMs,
      ...entry,
      data: { ...entry.data, subject: 'reconciliation' },
    });
  },

  async onStepApproved(ctx, s, by) {
    await notify(
      ctx,
      [s.ownerUserId],
      'reconciliation.stepApproved',
      'expensesReconcile.notice.stepApproved',
      { code: s.code, org: s.orgName, by: by.displayName },
      { type: 'request', id: s.requestId },
    );
  },

  // No filing step: once every approval is in, the visit settles.
  async onAllApproved(ctx, s) {
    if (s.status !== 'approving') return;
    await onReconciliationApproved(ctx, s);
    s.status = 'settled';
  },

  async onFiled() {},

  // Spend is never rejected outright: a reject counts as a return to the host.
  async onSentBack(ctx, s, _decision, { by, comment }) {
    if (s.status !== 'approving') return;
    await onReconciliationSentBack(ctx, s, { by, comment });
    s.status = 'returned';
  },
};

registerSubject(reconciliationSubject);
