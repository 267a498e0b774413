import type { OpParsed } from '../../../shared/contract/operations';
import {
  decisionStatus,
  isFilingStep,
  nextStepStatus,
  STEP_ROLE,
  type StepAction,
  type StepKind,
  type StepStatus,
} from '../../../shared/approvals/steps';
import { requireActor, type ServiceContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { notify } from '../notifications';
import {
  activeHolders,
  activeStaff,
  lastApproved,
  stepForDecision,
  stepsOf,
  voidSteps,
  waitingSteps,
} from './queries';
import { actingRight } from './rights';
import {
  loadSubject,
  subjectAdapter,
  type ApprovalSubject,
  type SubjectFacts,
  type SubjectRef,
  type SubjectView,
  type TimelineEntry,
} from './subjects';
import { audiences, audiencesFrom, poolRoles, stepWatchers, withDelegates } from './watchers';

/** The status a step moves to, by the step state machine; a move it forbids is a bug here. */
function moved(from: StepStatus, action: StepAction): StepStatus {
  const to = nextStepStatus(from, action);
  if (!to) throw new Error(`a ${from} step cannot ${action}`);
  return to;
}

/** A step of a planned chain, as the subject's rules decided it. */
export interface PlannedStep {
  kind: StepKind;
  reason: string;
  /** A named decider, or null for the pool of the kind's role. */
  assigneeUserId: number | null;
  /** On record but not asked. */
  skipped: boolean;
}

/** A new round: the planned chain becomes steps waiting their turn (or skipped). One statement. */
export async function planSteps(
  ctx: ServiceContext,
  ref: SubjectRef,
  revision: number,
  plan: readonly PlannedStep[],
): Promise<void> {
  if (plan.length === 0) return;
  await ctx.db
    .insertInto('approvalSteps')
    .values(
      plan.map((p, i) => ({
        subjectType: ref.type,
        subjectId: ref.id,
        revision,
        seq: i + 1,
        kind: p.kind,
        reason: p.reason,
        assigneeUserId: p.assigneeUserId,
        status: p.skipped ? moved('waiting', 'skip') : 'waiting',
      })),
    )
    .execute();
}

/**
 * The first step of a plan that nobody could act on: asked (not skipped), and without one active
 * person in its audience (its assignee, or the holders of its role: who the engine would ask)
 * other than the owner, who never approves his own subject. Null when every step has someone.
 * Submitting into such a chain would wait forever. One statement.
 */
export async function unstaffedStep(
  ctx: ServiceContext,
  plan: readonly PlannedStep[],
  ownerUserId: number,
): Promise<PlannedStep | null> {
  const asked = plan.filter((p) => !p.skipped);
  const assignees = asked.flatMap((p) => (p.assigneeUserId === null ? [] : [p.assigneeUserId]));
  const { holders, active } = await activeStaff(ctx.db, poolRoles(asked), assignees);
  const audience = audiencesFrom(asked, holders);
  const nobody = (users: readonly number[] = []) =>
    !users.some((u) => u !== ownerUserId && active.has(u));
  return asked.find((_p, i) => nobody(audience[i])) ?? null;
}

/** Voids the open steps of every round (a resubmission starts a new one). */
export async function voidOpenSteps(ctx: ServiceContext, ref: SubjectRef): Promise<void> {
  await voidSteps(ctx.db, ref);
}

/**
 * Withdraws a subject from approval (it was cancelled): its open steps become void. Returns whom
 * to tell (everyone who decided, and whoever had it waiting) and who had it in an inbox.
 */
export async function withdraw(
  ctx: ServiceContext,
  ref: SubjectRef,
): Promise<{ told: number[]; watching: number[] }> {
  const steps = await stepsOf(ctx.db, ref);
  await voidSteps(ctx.db, ref);
  const pending = steps.filter((s) => s.status === 'pending');
  const audience = await audiences(ctx.db, pending);
  const watching = await withDelegates(ctx, audience);
  const told = new Set<number>();
  let p = 0;
  for (const s of steps) {
    if (s.decidedBy !== null) told.add(s.decidedBy);
    if (s.status === 'pending') for (const u of audience[p++] ?? []) told.add(u);
  }
  return { told: [...told], watching: [...new Set(watching.flat())] };
}

/** Opens the next waiting step of the round, or finishes the chain (see `advance`). */
export async function activateNext(
  ctx: ServiceContext,
  ref: SubjectRef,
  revision: number,
): Promise<void> {
  const adapter = subjectAdapter(ref.type);
  await advance(ctx, adapter, await loadSubject(ctx.db, adapter, ref.id), ref, revision);
}

/**
 * Opens the next waiting step of the round and tells its audience; before the filing step, when
 * it is the last, the subject counts as approved. With no step left, the chain is done: approved,
 * and filed when its last approval was the filing step.
 */
async function advance(
  ctx: ServiceContext,
  adapter: ApprovalSubject,
  subject: SubjectFacts,
  ref: SubjectRef,
  revision: number,
): Promise<void> {
  const [next, after] = await waitingSteps(ctx.db, ref, revision);
  if (next) {
    if (isFilingStep(next.kind) && !after) {
      await adapter.onAllApproved(ctx, subject, { filingLeft: true });
    }
    await ctx.db
      .updateTable('approvalSteps')
      .set((eb) => ({
        status: moved('waiting', 'activate'),
        pendingSinceMs: ctx.nowMs,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', next.id)
      .execute();
    const audience = await audiences(ctx.db, [next]);
    await notify(
      ctx,
      (audience[0] ?? []).filter((u) => u !== subject.ownerUserId),
      'approval.task',
      'notifications.approvalTask',
      adapter.taskParams(subject),
      adapter.noticeTarget(subject),
    );
    const [watching = []] = await withDelegates(ctx, audience);
    ctx.emit('approvals.changed', adapter.changedPayload(subject), [
      ...new Set([...watching, subject.ownerUserId]),
    ]);
    return;
  }
  const last = await lastApproved(ctx.db, ref, revision);
  await adapter.onAllApproved(ctx, subject, { filingLeft: false });
  if (last && isFilingStep(last.kind)) await adapter.onFiled(ctx, subject);
  ctx.emit('approvals.changed', adapter.changedPayload(subject), [subject.ownerUserId]);
}

/** Loads a step for a decision, refusing a stale or already decided one with a clear message. */
async function lockStep(ctx: ServiceContext, stepId: number, version: number) {
  const actor = requireActor(ctx);
  const step = await stepForDecision(ctx.db, stepId);
  if (!step) throw new AppError('NOT_FOUND', 'errors.stepNotFound');
  const adapter = subjectAdapter(step.subjectType);
  const subject = await loadSubject(ctx.db, adapter, step.subjectId);
  // Double-click, or two approvers at once: the second finds the step moved on.
  if (step.status !== 'pending' || step.version !== version || step.revision !== subject.revision) {
    throw new AppError('CONFLICT', 'errors.alreadyDecided', { by: step.decidedByName ?? '—' });
  }
  const right = await actingRight(ctx, step, subject.ownerUserId);
  if (!right) throw new AppError('FORBIDDEN', 'errors.notYourStep');
  const ref: SubjectRef = { type: step.subjectType, id: step.subjectId };
  return { actor, step, adapter, subject, ref, onBehalfOf: right.onBehalfOf };
}

const TIMELINE_KIND: Record<
  OpParsed<'approvals.decide'>['action'],
  (filing: boolean) => TimelineEntry['kind']
> = {
  approve: (filing) => (filing ? 'filed' : 'approved'),
  reject: () => 'rejected',
  return: () => 'returned',
};

/** Approve, reject or return a pending step (the caller's own, or a delegator's). */
export async function decide(
  ctx: ServiceContext,
  input: OpParsed<'approvals.decide'>,
): Promise<SubjectView> {
  const { actor, step, adapter, subject, ref, onBehalfOf } = await lockStep(
    ctx,
    input.stepId,
    input.version,
  );
  // Everyone who has this task in their inbox (a pool, a delegator, delegates) sees it go away.
  const watching = await stepWatchers(ctx, step);
  const res = await ctx.db
    .updateTable('approvalSteps')
    .set({
      status: decisionStatus(input.action),
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
  if (Number(res.numUpdatedRows) !== 1) {
    throw new AppError('CONFLICT', 'errors.alreadyDecided', { by: '—' });
  }
  const filing = isFilingStep(step.kind);
  await adapter.record(ctx, ref.id, {
    kind: TIMELINE_KIND[input.action](filing),
    actorUserId: actor.userId,
    onBehalfOfUserId: onBehalfOf?.userId ?? null,
    stepId: step.id,
    comment: input.comment,
    data: { step: step.kind, revision: step.revision },
  });
  if (input.action === 'approve') {
    await advance(ctx, adapter, subject, ref, subject.revision);
  } else {
    await voidSteps(ctx.db, ref, { revision: subject.revision, status: 'waiting' });
    await adapter.onSentBack(ctx, subject, input.action, { by: actor, comment: input.comment });
    ctx.emit('approvals.changed', adapter.changedPayload(subject), [subject.ownerUserId]);
  }
  ctx.emit('approvals.changed', adapter.changedPayload(subject), watching);
  if (input.action === 'approve' && !filing) await adapter.onStepApproved(ctx, subject, actor);
  ctx.audit({
    entityType: ref.type,
    entityId: ref.id,
    summary: {
      ...adapter.auditName(subject),
      step: step.kind,
      action: input.action,
      comment: input.comment,
      revision: step.revision,
    },
    ...(onBehalfOf ? { onBehalfOf } : {}),
  });
  return adapter.view(ctx, ref.id);
}

/**
 * Users who may take over a step: active holders of its role, not the subject's owner. Asked only
 * by someone who may see the subject ("not found" to anyone else, as a read would answer) and act
 * on the step now (its current round, pending): whoever may transfer it.
 */
export async function transferCandidates(ctx: ServiceContext, stepId: number) {
  const step = await stepForDecision(ctx.db, stepId);
  if (!step) throw new AppError('NOT_FOUND', 'errors.stepNotFound');
  const adapter = subjectAdapter(step.subjectType);
  const subject = await loadSubject(ctx.db, adapter, step.subjectId);
  await adapter.view(ctx, subject.id);
  const right =
    step.revision === subject.revision ? await actingRight(ctx, step, subject.ownerUserId) : null;
  if (!right) throw new AppError('FORBIDDEN', 'errors.notYourStep');
  return activeHolders(ctx.db, STEP_ROLE[step.kind], subject.ownerUserId);
}

/** Hands a pending step to another holder of its role; it stays pending. */
export async function transfer(
  ctx: ServiceContext,
  input: OpParsed<'approvals.transfer'>,
): Promise<SubjectView> {
  const { actor, step, adapter, subject, ref, onBehalfOf } = await lockStep(
    ctx,
    input.stepId,
    input.version,
  );
  const watchersBefore = await stepWatchers(ctx, step);
  const eligible = await activeHolders(ctx.db, STEP_ROLE[step.kind], subject.ownerUserId);
  const target = eligible.find((u) => u.id === input.toUserId);
  if (!target || target.id === actor.userId) {
    throw new AppError('INVALID_INPUT', 'errors.INVALID_INPUT', undefined, {
      toUserId: { key: 'errors.transferTargetInvalid' },
    });
  }
  await ctx.db
    .updateTable('approvalSteps')
    .set({
      status: moved(step.status, 'transfer'),
      assigneeUserId: target.id,
      version: step.version + 1,
    })
    .where('id', '=', step.id)
    .execute();
  await adapter.record(ctx, ref.id, {
    kind: 'transferred',
    actorUserId: actor.userId,
    onBehalfOfUserId: onBehalfOf?.userId ?? null,
    stepId: step.id,
    comment: input.comment,
    data: { to: target.displayName, toUserId: target.id },
  });
  await notify(
    ctx,
    [target.id],
    'approval.transferred',
    'notifications.approvalTransferred',
    { ...adapter.noticeParams(subject), by: actor.displayName },
    adapter.noticeTarget(subject),
  );
  const watchersAfter = await stepWatchers(ctx, { ...step, assigneeUserId: target.id });
  ctx.emit('approvals.changed', adapter.changedPayload(subject), [
    ...new Set([...watchersBefore, ...watchersAfter, target.id, actor.userId]),
  ]);
  ctx.audit({
    entityType: ref.type,
    entityId: ref.id,
    summary: {
      ...adapter.auditName(subject),
      step: step.kind,
      transferredTo: target.displayName,
      comment: input.comment,
    },
    ...(onBehalfOf ? { onBehalfOf } : {}),
  });
  return adapter.view(ctx, ref.id);
}

/** A remark on the subject's timeline by anyone who may see it. */
export async function comment(
  ctx: ServiceContext,
  ref: SubjectRef,
  text: string,
): Promise<SubjectView> {
  const actor = requireActor(ctx);
  const adapter = subjectAdapter(ref.type);
  // Reading it checks that this user may see it at all.
  await adapter.view(ctx, ref.id);
  const subject = await loadSubject(ctx.db, adapter, ref.id);
  await adapter.record(ctx, ref.id, {
    kind: 'commented',
    actorUserId: actor.userId,
    onBehalfOfUserId: null,
    stepId: null,
    comment: text,
  });
  ctx.audit({
    entityType: ref.type,
    entityId: ref.id,
    summary: { ...adapter.auditName(subject), comment: text },
  });
  return adapter.view(ctx, ref.id);
}
