import type { Kysely } from 'kysely';
import type { Tier } from '../../../shared/policy';
import type { RequestStatus } from '../../../shared/requests/lifecycle';
import type { MessageParams } from '../../../shared/result';
import type { DB } from '../../db/schema';
import type { ServiceContext } from '../../core/context';
import { parseJson } from '../../core/json';
import {
  roundsDecidedBy,
  type ApprovalSubject,
  type InboxSubject,
  type SubjectFacts,
} from '../approvals';
import { notify } from '../notifications';
import { releaseBookingsOf, syncPickupTask } from '../bookings';
import { createVisitTasks, voidVisitTasks } from '../tasks';
import { getDossier } from './dossier';
import { addEvent } from './events';
import { loadListRows, toSummary } from './queries';
import { changesBetween, loadRevisions, revisionOf, sinceRevision } from './revisions';
import { transition } from './status';

/** What the approval engine knows of a reception request. */
export interface RequestFacts extends SubjectFacts {
  /** Kept current by the hooks below as they move the request along. */
  status: RequestStatus;
  code: string;
  orgName: string;
  tier: Tier;
}

async function loadFacts(db: Kysely<DB>, ids: readonly number[]) {
  const out = new Map<number, RequestFacts>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('requests')
    .select(['id', 'hostUserId', 'revision', 'status', 'code', 'orgName', 'tier'])
    .where('id', 'in', [...ids])
    .execute();
  for (const { hostUserId, ...r } of rows) out.set(r.id, { ...r, ownerUserId: hostUserId });
  return out;
}

/**
 * Inbox rows: the summary, the checks of the round being decided, and what changed since the
 * round this approver last decided on. Four statements per thousand rows, whatever their number.
 */
async function inboxRows(ctx: ServiceContext, subjects: readonly RequestFacts[], viewerId: number) {
  const ids = subjects.map((s) => s.id);
  const rows = await loadListRows(ctx.db, ids);
  const revised = subjects.filter((s) => s.revision >= 2).map((s) => s.id);
  const decided = await roundsDecidedBy(ctx.db, 'request', revised, viewerId);
  const since = new Map(
    subjects.map((s) => [s.id, sinceRevision(s.revision, decided.get(s.id) ?? [])]),
  );
  // Bodies only where a row shows what changed; the others need their round's checks.
  const diffed = subjects.filter((s) => (since.get(s.id) ?? null) !== null);
  const plain = subjects.filter((s) => (since.get(s.id) ?? null) === null && s.revision > 0);
  const revs = new Map([
    ...(await loadRevisions(
      ctx.db,
      plain.map((s) => [s.id, s.revision] as const),
      { body: false },
    )),
    ...(await loadRevisions(
      ctx.db,
      diffed.flatMap((s) => [[s.id, s.revision] as const, [s.id, since.get(s.id) ?? 0] as const]),
    )),
  ]);
  const out = new Map<number, InboxSubject>();
  for (const [id, row] of rows) {
    const from = since.get(id) ?? null;
    const current = revisionOf(revs, id, row.revision);
    out.set(id, {
      request: toSummary(row),
      checks: current ? parseJson(current.checks) : [],
      changes: changesBetween(from === null ? undefined : revisionOf(revs, id, from), current, from)
        .changes,
    });
  }
  return out;
}

/** Tells the host what happened to his request; the notification opens it. */
function tellHost(
  ctx: ServiceContext,
  s: RequestFacts,
  kind: string,
  titleKey: string,
  params: MessageParams,
) {
  return notify(ctx, [s.ownerUserId], kind, titleKey, params, { type: 'request', id: s.id });
}

/** Reception requests as subjects of the approval engine: their life cycle and timeline. */
export const requestSubject: ApprovalSubject<RequestFacts> = {
  type: 'request',
  notFoundKey: 'errors.requestNotFound',
  load: loadFacts,
  async departmentOf(db, ids) {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('requests')
      .select(['id', 'departmentId'])
      .where('id', 'in', [...ids])
      .execute();
    return new Map(rows.map((r) => [r.id, r.departmentId]));
  },
  auditName: (s) => ({ code: s.code }),
  noticeParams: (s) => ({ code: s.code, org: s.orgName }),
  taskParams: (s) => ({ code: s.code, org: s.orgName, tier: s.tier }),
  noticeTarget: (s) => ({ type: 'request', id: s.id }),
  changedPayload: (s) => ({ requestId: s.id }),
  view: (ctx, id) => getDossier(ctx, id),
  inboxRows,
  dueDate: (row) => row.request.arrivalDate,
  record: (ctx, requestId, entry) => addEvent(ctx.db, { requestId, atMs: ctx.nowMs, ...entry }),

  async onStepApproved(ctx, s, by) {
    await tellHost(ctx, s, 'request.stepApproved', 'notifications.stepApproved', {
      code: s.code,
      by: by.displayName,
    });
  },

  async onAllApproved(ctx, s, { filingLeft }) {
    if (s.status !== 'approving') return;
    s.status = await transition(ctx.db, s.id, 'approving', 'approve_all', ctx.nowMs);
    // The approved budget by category, for finance's budget against spend. Loaded when called:
    // the expenses domain reads requests through their index (a cycle at load time).
    const { recordApprovedBudget } = await import('../expenses');
    await recordApprovedBudget(ctx, s.id);
    // Before filing, the request counts as approved: the host hears it now.
    if (filingLeft) {
      await tellHost(ctx, s, 'request.approved', 'notifications.requestApproved', {
        code: s.code,
        org: s.orgName,
      });
    }
  },

  async onFiled(ctx, s) {
    // Guests checked in before the admin office filed it: the visit is under way and stays so,
    // but its procedure tasks (reimbursement among them) and the host's notice still come.
    const underWay = s.status === 'in_progress' || s.status === 'completed';
    if (s.status !== 'approved' && !underWay) return;
    if (!underWay) s.status = await transition(ctx.db, s.id, 'approved', 'file', ctx.nowMs);
    // Filed: the visit's procedure tasks (confirm arrival, pickup, signs, …) are set up now.
    await createVisitTasks(ctx, s.id);
    await syncPickupTask(ctx, s.id);
    await tellHost(ctx, s, 'request.filed', 'notifications.requestFiled', {
      code: s.code,
      org: s.orgName,
    });
  },

  async onSentBack(ctx, s, decision, { by, comment }) {
    s.status = await transition(ctx.db, s.id, s.status, decision, ctx.nowMs);
    const rejected = decision === 'reject';
    // A rejected visit will not happen: what was booked for it (tentatively while it waited, or
    // confirmed once approved) is let go, issued supplies go back into stock, tasks are void.
    // A returned one may come back: its bookings stay, and the plan flags what no longer fits.
    if (rejected) {
      await releaseBookingsOf(ctx, s.id, s.ownerUserId);
      await voidVisitTasks(ctx, s.id);
      // Its cash advances not handed out are withdrawn, as on a cancel: none stays waiting on a
      // decision about a visit that will not happen. (Loaded when called: a cycle at load time.)
      const { withdrawAdvancesOf } = await import('../expenses');
      const advances = await withdrawAdvancesOf(ctx, s.id, s.ownerUserId);
      if (advances.watching.length > 0) {
        ctx.emit('approvals.changed', { requestId: s.id }, advances.watching);
      }
    }
    await tellHost(
      ctx,
      s,
      rejected ? 'request.rejected' : 'request.returned',
      rejected ? 'notifications.requestRejected' : 'notifications.requestReturned',
      { code: s.code, org: s.orgName, by: by.displayName, reason: comment },
    );
  },
};
