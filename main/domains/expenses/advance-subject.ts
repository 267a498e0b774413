import type { Kysely } from 'kysely';
import {
  nextAdvanceStatus,
  type AdvanceAction,
  type AdvanceStatus,
} from '../../../shared/expenses';
import { formatYuan } from '../../../shared/money';
import type { Tier } from '../../../shared/policy';
import type { MessageParams } from '../../../shared/result';
import type { DB } from '../../db/schema';
import type { ServiceContext } from '../../core/context';
import { AppError } from '../../core/errors';
import {
  registerSubject,
  type ApprovalSubject,
  type InboxSubject,
  type SubjectFacts,
} from '../approvals';
import { notify } from '../notifications';
import { addEvent, getDossier, loadListRows, toSummary } from '../requests';
import { moneyChanged } from './events';

/** What the approval engine knows of a cash advance (and of the visit it is for). */
export interface AdvanceFacts extends SubjectFacts {
  requestId: number;
  seq: number;
  amountFen: number;
  /** Kept current by the hooks below as they move the advance along. */
  status: AdvanceStatus;
  version: number;
  code: string;
  orgName: string;
  tier: Tier;
}

async function loadFacts(db: Kysely<DB>, ids: readonly number[]) {
  const out = new Map<number, AdvanceFacts>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('expenseAdvances as a')
    .innerJoin('requests as r', 'r.id', 'a.requestId')
    .select([
      'a.id',
      'a.requestedBy',
      'a.revision',
      'a.requestId',
      'a.seq',
      'a.amountFen',
      'a.status',
      'a.version',
      'r.code',
      'r.orgName',
      'r.tier',
    ])
    .where('a.id', 'in', [...ids])
    .execute();
  for (const { requestedBy, ...r } of rows) out.set(r.id, { ...r, ownerUserId: requestedBy });
  return out;
}

/** Moves the advance by the life cycle (a move it forbids is a bug of the engine's hooks). */
async function move(ctx: ServiceContext, s: AdvanceFacts, action: AdvanceAction) {
  const to = nextAdvanceStatus(s.status, action);
  if (!to) throw new Error(`an advance ${s.status} cannot ${action}`);
  await ctx.db
    .updateTable('expenseAdvances')
    .set({ status: to, updatedAtMs: ctx.nowMs, version: s.version + 1 })
    .where('id', '=', s.id)
    .where('version', '=', s.version)
    .execute();
  s.status = to;
  s.version += 1;
  await moneyChanged(ctx, s.requestId, s.ownerUserId);
}

/** Tells the host what happened to his advance; the notification opens the visit. */
function tellHost(ctx: ServiceContext, s: AdvanceFacts, kind: string, params: MessageParams) {
  return notify(
    ctx,
    [s.ownerUserId],
    `advance.${kind}`,
    `expensesAdvances.notices.${kind}`,
    { code: s.code, advance: s.seq, amount: formatYuan(s.amountFen, 'zh-CN'), ...params },
    { type: 'request', id: s.requestId },
  );
}

/** What the engine's notices about an advance say of it (its visit and its amount). */
function advanceNotice(s: AdvanceFacts): MessageParams {
  return {
    code: s.code,
    org: s.orgName,
    amount: formatYuan(s.amountFen, 'zh-CN'),
    context: 'advance',
  };
}

/** Cash advances as subjects of the approval engine: dept head, then finance. */
export const advanceSubject: ApprovalSubject<AdvanceFacts> = {
  type: 'advance',
  notFoundKey: 'expenses.errors.advanceNotFound',
  load: loadFacts,
  async departmentOf(db, ids) {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('expenseAdvances as a')
      .innerJoin('requests as r', 'r.id', 'a.requestId')
      .select(['a.id', 'r.departmentId'])
      .where('a.id', 'in', [...ids])
      .execute();
    return new Map(rows.map((r) => [r.id, r.departmentId]));
  },
  auditName: (s) => ({ code: s.code, advance: String(s.seq) }),
  // The engine's notices (a task, a transfer, a reminder, nobody to decide) say it is an advance
  // and of how much: i18next's context picks notifications.approvalTask_advance and its kin.
  noticeParams: (s) => advanceNotice(s),
  taskParams: (s) => ({ ...advanceNotice(s), tier: s.tier }),
  noticeTarget: (s) => ({ type: 'request', id: s.requestId }),
  changedPayload: (s) => ({ requestId: s.requestId }),
  // The advance is decided on its visit's page: the request's dossier, as whoever may read it.
  async view(ctx, id) {
    const facts = (await loadFacts(ctx.db, [id])).get(id);
    if (!facts) throw new AppError('NOT_FOUND', 'expenses.errors.advanceNotFound');
    return getDossier(ctx, facts.requestId);
  },
  async inboxRows(ctx, subjects) {
    // The visit's summary (one statement per 1,000 visits), with what is asked for.
    const rows = await loadListRows(ctx.db, [...new Set(subjects.map((s) => s.requestId))]);
    const out = new Map<number, InboxSubject>();
    for (const s of subjects) {
      const row = rows.get(s.requestId);
      if (!row) continue;
      out.set(s.id, {
        request: toSummary(row),
        checks: [],
        changes: [],
        money: { kind: 'advance', id: s.id, amountFen: s.amountFen },
      });
    }
    return out;
  },
  dueDate: (row) => row.request.arrivalDate,
  async record(ctx, advanceId, entry) {
    const a = await ctx.db
      .selectFrom('expenseAdvances')
      .select(['requestId', 'seq', 'amountFen'])
      .where('id', '=', advanceId)
      .executeTakeFirstOrThrow();
    // The timeline names the advance by its number and amount (借款 2（¥500.00）): "approved"
    // alone would read as the request's own approval.
    await addEvent(ctx.db, {
      requestId: a.requestId,
      atMs: ctx.nowMs,
      ...entry,
      data: { ...entry.data, advance: a.seq, advanceId, amountFen: a.amountFen },
    });
  },

  async onStepApproved() {
    // The host hears the outcome (approved, returned, rejected), not each step.
  },

  async onAllApproved(ctx, s) {
    if (s.status !== 'approving') return;
    await move(ctx, s, 'approve_all');
    await tellHost(ctx, s, 'approved', {});
  },

  async onFiled() {
    // An advance has no filing step.
  },

  async onSentBack(ctx, s, decision, { by, comment }) {
    await move(ctx, s, decision);
    await tellHost(ctx, s, decision === 'reject' ? 'rejected' : 'returned', {
      by: by.displayName,
      reason: comment,
    });
  },
};

registerSubject(advanceSubject);
