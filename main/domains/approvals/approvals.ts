import type { Kysely } from 'kysely';
import type { OpParsed } from '../../../shared/contract/operations';
import type { PolicyCheck } from '../../../shared/policy/evaluate';
import type { ChainStepKind } from '../../../shared/policy/policy';
import type { RequestStatus } from '../../../shared/requests/lifecycle';
import type { InboxItem } from '../../../shared/approvals/views';
import type { DB } from '../../db/schema';
import type { Actor, ServiceContext } from '../../core/context';
import { delegatorsOf } from '../delegations';
import { AppError } from '../../core/errors';
import { notify } from '../notifications';
import {
  actingRight,
  activateNext,
  addEvent,
  changesFor,
  companyToday,
  getDossier,
  loadRow,
  loadSteps,
  STEP_ROLE,
  stepWatchers,
  summaryQuery,
  toSummary,
  transition,
} from '../requests/requests';

function me(ctx: { actor: Actor | null }): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'errors.UNAUTHENTICATED');
  return ctx.actor;
}

/** Pending steps this user may decide now: his own, his roles' pools, and his delegators'. */
async function candidateSteps(db: Kysely<DB>, actor: Actor, today: string) {
  const delegators = await delegatorsOf(db, actor.userId, today);
  const roleRows = delegators.length
    ? await db
        .selectFrom('userRoles')
        .select(['userId', 'role'])
        .where('userId', 'in', delegators)
        .execute()
    : [];
  const kinds = new Set<string>();
  for (const [kind, role] of Object.entries(STEP_ROLE)) {
    if (actor.roles.includes(role) || roleRows.some((r) => r.role === role)) kinds.add(kind);
  }
  return db
    .selectFrom('approvalSteps as s')
    .innerJoin('requests as r', 'r.id', 's.requestId')
    .select(['s.id', 's.requestId', 's.kind', 's.assigneeUserId', 's.status', 'r.hostUserId'])
    .where('s.status', '=', 'pending')
    .whereRef('s.revision', '=', 'r.revision')
    .where((eb) =>
      eb.or([
        eb('s.assigneeUserId', 'in', [actor.userId, ...delegators]),
        eb.and([
          eb('s.assigneeUserId', 'is', null),
          eb('s.kind', 'in', kinds.size ? [...kinds] : ['-']),
        ]),
      ]),
    )
    .orderBy('s.id')
    .execute();
}

export async function inbox(db: Kysely<DB>, actor: Actor, nowMs: number): Promise<InboxItem[]> {
  const today = await companyToday(db, nowMs);
  const out: InboxItem[] = [];
  for (const c of await candidateSteps(db, actor, today)) {
    const right = await actingRight(db, actor, c, c.hostUserId, today);
    if (!right) continue;
    const row = await summaryQuery(db).where('r.id', '=', c.requestId).executeTakeFirstOrThrow();
    const step = (await loadSteps(db, c.requestId)).find((s) => s.id === c.id);
    if (!step) continue;
    const rev = await db
      .selectFrom('requestRevisions')
      .select('checks')
      .where('requestId', '=', row.id)
      .where('revision', '=', row.revision)
      .executeTakeFirst();
    out.push({
      request: toSummary(row),
      step,
      onBehalfOfName: right.onBehalfOf?.displayName ?? null,
      checks: rev ? (JSON.parse(rev.checks) as PolicyCheck[]) : [],
      changes: (await changesFor(db, row, actor.userId)).changes,
    });
  }
  return out.sort((a, b) => a.request.arrivalDate.localeCompare(b.request.arrivalDate));
}

export async function inboxCount(db: Kysely<DB>, actor: Actor, nowMs: number) {
  const today = await companyToday(db, nowMs);
  let count = 0;
  for (const c of await candidateSteps(db, actor, today)) {
    if (await actingRight(db, actor, c, c.hostUserId, today)) count += 1;
  }
  return { count };
}

/** Loads a step for a decision, refusing a stale or already decided one with a clear message. */
async function lockStep(ctx: ServiceContext, stepId: number, version: number) {
  const actor = me(ctx);
  const step = await ctx.db
    .selectFrom('approvalSteps')
    .selectAll()
    .where('id', '=', stepId)
    .executeTakeFirst();
  if (!step) throw new AppError('NOT_FOUND', 'errors.stepNotFound');
  const row = await loadRow(ctx.db, step.requestId);
  // Double-click, or two approvers at once: the second finds the step moved on.
  if (step.status !== 'pending' || step.version !== version || step.revision !== row.revision) {
    const decider = step.decidedBy
      ? await ctx.db
          .selectFrom('users')
          .select('displayName')
          .where('id', '=', step.decidedBy)
          .executeTakeFirst()
      : undefined;
    throw new AppError('CONFLICT', 'errors.alreadyDecided', { by: decider?.displayName ?? '—' });
  }
  const right = await actingRight(
    ctx.db,
    actor,
    step,
    row.hostUserId,
    await companyToday(ctx.db, ctx.nowMs),
  );
  if (!right) throw new AppError('FORBIDDEN', 'errors.notYourStep');
  return { actor, step, row, onBehalfOf: right.onBehalfOf };
}

export async function decide(ctx: ServiceContext, input: OpParsed<'approvals.decide'>) {
  const { actor, step, row, onBehalfOf } = await lockStep(ctx, input.stepId, input.version);
  // Everyone who has this task in their inbox (a pool, a delegator, delegates) sees it go away.
  const watchers = await stepWatchers(ctx.db, step, await companyToday(ctx.db, ctx.nowMs));
  const status = { approve: 'approved', reject: 'rejected', return: 'returned' }[input.action];
  const res = await ctx.db
    .updateTable('approvalSteps')
    .set({
      status,
      decidedBy: actor.userId,
      onBehalfOf: onBehalfOf?.userId ?? null,
      decidedAtMs: ctx.nowMs,
      comment: input.comment,
      version: step.version + 1,
    })
    .where('id', '=', step.id)
    .where('version', '=', step.version)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1)
    throw new AppError('CONFLICT', 'errors.alreadyDecided', { by: '—' });
  const kind =
    step.kind === 'admin_office' && input.action === 'approve'
      ? 'filed'
      : input.action === 'approve'
        ? 'approved'
        : status;
  await addEvent(ctx.db, {
    requestId: row.id,
    atMs: ctx.nowMs,
    actorUserId: actor.userId,
    onBehalfOfUserId: onBehalfOf?.userId ?? null,
    kind,
    stepId: step.id,
    comment: input.comment,
    data: { step: step.kind, revision: step.revision },
  });
  if (input.action === 'approve') {
    await activateNext(ctx, row.id, row.revision);
  } else {
    await ctx.db
      .updateTable('approvalSteps')
      .set((eb) => ({ status: 'cancelled', version: eb('version', '+', 1) }))
      .where('requestId', '=', row.id)
      .where('revision', '=', row.revision)
      .where('status', '=', 'waiting')
      .execute();
    await transition(ctx.db, row.id, row.status as RequestStatus, input.action, ctx.nowMs);
    await notify(
      ctx,
      [row.hostUserId],
      input.action === 'reject' ? 'request.rejected' : 'request.returned',
      input.action === 'reject' ? 'notifications.requestRejected' : 'notifications.requestReturned',
      { code: row.code, org: row.orgName, by: actor.displayName, reason: input.comment },
    );
    ctx.emit('approvals.changed', { requestId: row.id }, [row.hostUserId]);
  }
  ctx.emit('approvals.changed', { requestId: row.id }, watchers);
  if (input.action === 'approve' && step.kind !== 'admin_office') {
    await notify(ctx, [row.hostUserId], 'request.stepApproved', 'notifications.stepApproved', {
      code: row.code,
      by: actor.displayName,
    });
  }
  ctx.audit({
    entityType: 'request',
    entityId: row.id,
    summary: {
      step: step.kind,
      action: input.action,
      comment: input.comment,
      revision: step.revision,
    },
    ...(onBehalfOf ? { onBehalfOf } : {}),
  });
  return getDossier(ctx.db, actor, ctx.nowMs, row.id);
}

/** Users who may take over a step: holders of its role, not the host, active. */
export async function transferCandidates(db: Kysely<DB>, stepId: number) {
  const step = await db
    .selectFrom('approvalSteps')
    .select(['kind', 'requestId'])
    .where('id', '=', stepId)
    .executeTakeFirst();
  if (!step) throw new AppError('NOT_FOUND', 'errors.stepNotFound');
  const row = await loadRow(db, step.requestId);
  return db
    .selectFrom('users')
    .innerJoin('userRoles', 'userRoles.userId', 'users.id')
    .select(['users.id', 'users.displayName'])
    .where('userRoles.role', '=', STEP_ROLE[step.kind as ChainStepKind])
    .where('users.disabled', '=', 0)
    .where('users.id', '!=', row.hostUserId)
    .orderBy('users.displayName')
    .execute();
}

export async function transfer(ctx: ServiceContext, input: OpParsed<'approvals.transfer'>) {
  const { actor, step, row, onBehalfOf } = await lockStep(ctx, input.stepId, input.version);
  const today = await companyToday(ctx.db, ctx.nowMs);
  const watchersBefore = await stepWatchers(ctx.db, step, today);
  const eligible = await transferCandidates(ctx.db, step.id);
  const target = eligible.find((u) => u.id === input.toUserId);
  if (!target || target.id === actor.userId) {
    throw new AppError('INVALID_INPUT', 'errors.INVALID_INPUT', undefined, {
      toUserId: { key: 'errors.transferTargetInvalid' },
    });
  }
  await ctx.db
    .updateTable('approvalSteps')
    .set({ assigneeUserId: target.id, version: step.version + 1 })
    .where('id', '=', step.id)
    .execute();
  await addEvent(ctx.db, {
    requestId: row.id,
    atMs: ctx.nowMs,
    actorUserId: actor.userId,
    onBehalfOfUserId: onBehalfOf?.userId ?? null,
    kind: 'transferred',
    stepId: step.id,
    comment: input.comment,
    data: { to: target.displayName, toUserId: target.id },
  });
  await notify(ctx, [target.id], 'approval.transferred', 'notifications.approvalTransferred', {
    code: row.code,
    org: row.orgName,
    by: actor.displayName,
  });
  const watchersAfter = await stepWatchers(ctx.db, { ...step, assigneeUserId: target.id }, today);
  ctx.emit('approvals.changed', { requestId: row.id }, [
    ...new Set([...watchersBefore, ...watchersAfter, target.id, actor.userId]),
  ]);
  ctx.audit({
    entityType: 'request',
    entityId: row.id,
    summary: { step: step.kind, transferredTo: target.displayName, comment: input.comment },
    ...(onBehalfOf ? { onBehalfOf } : {}),
  });
  return getDossier(ctx.db, actor, ctx.nowMs, row.id);
}

export async function comment(ctx: ServiceContext, input: OpParsed<'approvals.comment'>) {
  const actor = me(ctx);
  // Reading the dossier checks that this user may see the request at all.
  await getDossier(ctx.db, actor, ctx.nowMs, input.requestId);
  await addEvent(ctx.db, {
    requestId: input.requestId,
    atMs: ctx.nowMs,
    actorUserId: actor.userId,
    kind: 'commented',
    comment: input.comment,
  });
  ctx.audit({
    entityType: 'request',
    entityId: input.requestId,
    summary: { comment: input.comment },
  });
  return getDossier(ctx.db, actor, ctx.nowMs, input.requestId);
}
