import { STEP_KINDS, STEP_ROLE, type SubjectType } from '../../../shared/approvals/steps';
import type { UnstaffedStep } from '../../../shared/approvals/views';
import type { OpParsed } from '../../../shared/contract/operations';
import { requireActor, type ServiceContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { notify } from '../notifications';
import {
  activeHolders,
  holdersOf,
  pendingStepsOf,
  roundDecisionTimes,
  stepForDecision,
  userNames,
} from './queries';
import { loadSubject, subjectAdapter, type ApprovalSubject, type SubjectFacts } from './subjects';
import { stepWatchers, withDelegates } from './watchers';

/**
 * Nothing waits forever (issue 7, item 1): the pending steps nobody active could act on, told to
 * the administrators (the sysadmins and the admin office) and listed on their home page, where
 * they reassign them to someone who may.
 */

type Pending = Awaited<ReturnType<typeof pendingStepsOf>>[number];

interface Found {
  step: Pending;
  adapter: ApprovalSubject;
  subject: SubjectFacts;
}

/** The current round's pending steps among these, with their subjects: one statement per type. */
async function withSubjects(ctx: ServiceContext, steps: readonly Pending[]): Promise<Found[]> {
  const subjects = new Map<SubjectType, Map<number, SubjectFacts>>();
  for (const type of new Set(steps.map((s) => s.subjectType))) {
    const ids = [...new Set(steps.filter((s) => s.subjectType === type).map((s) => s.subjectId))];
    subjects.set(type, await subjectAdapter(type).load(ctx.db, ids));
  }
  return steps.flatMap((step) => {
    const subject = subjects.get(step.subjectType)?.get(step.subjectId);
    if (!subject || subject.revision !== step.revision) return [];
    return [{ step, adapter: subjectAdapter(step.subjectType), subject }];
  });
}

/**
 * Those of these pending steps nobody active could act on: a pool step whose role has no active
 * holder but the owner, a named step whose assignee is disabled or no longer holds its role.
 */
async function nobodyOn(ctx: ServiceContext, steps: readonly Pending[]): Promise<Found[]> {
  const found = await withSubjects(ctx, steps);
  if (found.length === 0) return [];
  const holders = await holdersOf(ctx.db, [...new Set(found.map((f) => STEP_ROLE[f.step.kind]))]);
  return found.filter(({ step, subject }) => {
    const role = holders.get(STEP_ROLE[step.kind]) ?? [];
    const audience =
      step.assigneeUserId === null
        ? role
        : role.includes(step.assigneeUserId)
          ? [step.assigneeUserId]
          : [];
    return !audience.some((u) => u !== subject.ownerUserId);
  });
}

/** The active sysadmins and admin office: whom an unstaffed step is told to. */
async function administrators(ctx: ServiceContext): Promise<number[]> {
  const holders = await holdersOf(ctx.db, ['sysadmin', 'admin_office']);
  return [...new Set([...(holders.get('sysadmin') ?? []), ...(holders.get('admin_office') ?? [])])];
}

/** Every pending step nobody could act on, oldest first. */
export async function unstaffedSteps(ctx: ServiceContext): Promise<UnstaffedStep[]> {
  const stuck = await nobodyOn(ctx, await pendingStepsOf(ctx.db, {}));
  const since = await roundDecisionTimes(
    ctx.db,
    stuck.map((f) => f.step),
  );
  return stuck.map(({ step, adapter, subject }) => {
    const params = adapter.noticeParams(subject);
    return {
      stepId: step.id,
      version: step.version,
      subjectId: subject.id,
      code: String(params.code ?? ''),
      org: String(params.org ?? ''),
      kind: step.kind,
      assigneeName: step.assigneeName,
      sinceMs: since.get(step.id) ?? null,
    };
  });
}

/**
 * After a user lost roles (or was disabled): the pending pool steps of those roles that now have
 * nobody are told to the administrators at once (the steps assigned to him were moved, and told,
 * by `reroute`). `exceptStepIds` are those already told.
 */
export async function tellUnstaffedPools(
  ctx: ServiceContext,
  lostRoles: readonly string[],
  exceptStepIds: readonly number[],
): Promise<void> {
  const kinds = STEP_KINDS.filter((k) => lostRoles.includes(STEP_ROLE[k]));
  if (kinds.length === 0) return;
  const pool = (await pendingStepsOf(ctx.db, { poolKinds: kinds })).filter(
    (s) => !exceptStepIds.includes(s.id),
  );
  const stuck = await nobodyOn(ctx, pool);
  if (stuck.length === 0) return;
  const told = await administrators(ctx);
  for (const { adapter, subject } of stuck) {
    await notify(
      ctx,
      told,
      'approval.unstaffed',
      'notifications.approvalUnstaffed',
      adapter.noticeParams(subject),
      adapter.noticeTarget(subject),
    );
    ctx.emit('approvals.changed', adapter.changedPayload(subject), [...told, subject.ownerUserId]);
  }
}

/** Who a pending step may be reassigned to: the active holders of its role but its owner. */
async function pendingForReassign(ctx: ServiceContext, stepId: number) {
  const step = await stepForDecision(ctx.db, stepId);
  if (!step) throw new AppError('NOT_FOUND', 'errors.stepNotFound');
  const adapter = subjectAdapter(step.subjectType);
  const subject = await loadSubject(ctx.db, adapter, step.subjectId);
  const eligible = await activeHolders(ctx.db, STEP_ROLE[step.kind], subject.ownerUserId);
  return { step, adapter, subject, eligible };
}

export async function reassignees(ctx: ServiceContext, stepId: number) {
  return (await pendingForReassign(ctx, stepId)).eligible;
}

/**
 * An administrator hands a pending step to an eligible person (active, holding its role, not the
 * subject's owner), with a reason: on the subject's timeline, told to the new assignee, audited.
 */
export async function reassign(
  ctx: ServiceContext,
  input: OpParsed<'approvals.reassign'>,
): Promise<{ stepId: number }> {
  const actor = requireActor(ctx);
  const { step, adapter, subject, eligible } = await pendingForReassign(ctx, input.stepId);
  if (
    step.status !== 'pending' ||
    step.version !== input.version ||
    step.revision !== subject.revision
  ) {
    throw new AppError('CONFLICT', 'errors.alreadyDecided', { by: step.decidedByName ?? '—' });
  }
  const target = eligible.find((u) => u.id === input.toUserId);
  if (!target) {
    throw new AppError('INVALID_INPUT', 'errors.INVALID_INPUT', undefined, {
      toUserId: { key: 'errors.reassignTargetInvalid' },
    });
  }
  const watchersBefore = await stepWatchers(ctx, step);
  const res = await ctx.db
    .updateTable('approvalSteps')
    .set({ assigneeUserId: target.id, version: step.version + 1 })
    .where('id', '=', step.id)
    .where('version', '=', step.version)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) {
    throw new AppError('CONFLICT', 'errors.alreadyDecided', { by: '—' });
  }
  const from =
    step.assigneeUserId === null
      ? null
      : ((await userNames(ctx.db, [step.assigneeUserId])).get(step.assigneeUserId) ?? null);
  await adapter.record(ctx, subject.id, {
    kind: 'rerouted',
    actorUserId: actor.userId,
    onBehalfOfUserId: null,
    stepId: step.id,
    comment: input.reason,
    data: {
      step: step.kind,
      from,
      fromUserId: step.assigneeUserId,
      to: target.displayName,
      toUserId: target.id,
      reassigned: true,
    },
  });
  await notify(
    ctx,
    [target.id],
    'approval.task',
    'notifications.approvalTask',
    adapter.taskParams(subject),
    adapter.noticeTarget(subject),
  );
  const [watchersAfter = []] = await withDelegates(ctx, [[target.id]]);
  ctx.emit('approvals.changed', adapter.changedPayload(subject), [
    ...new Set([
      ...watchersBefore,
      ...watchersAfter,
      ...(await administrators(ctx)),
      subject.ownerUserId,
      actor.userId,
    ]),
  ]);
  ctx.audit({
    entityType: step.subjectType,
    entityId: subject.id,
    summary: {
      ...adapter.auditName(subject),
      step: step.kind,
      reassignedFrom: from ?? 'pool',
      to: target.displayName,
      reason: input.reason,
    },
  });
  return { stepId: step.id };
}
