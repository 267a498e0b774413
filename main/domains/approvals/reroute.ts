import { STEP_ROLE, type SubjectType } from '../../../shared/approvals/steps';
import type { StepImpact } from '../../../shared/approvals/views';
import type { OpParsed } from '../../../shared/contract/operations';
import { requireActor, type ServiceContext } from '../../core/context';
import { notify } from '../notifications';
import {
  departmentHead,
  holdersOf,
  openStepsAssignedTo,
  userNames,
  type OpenStep,
} from './queries';
import { subjectAdapter, type ApprovalSubject, type SubjectFacts } from './subjects';
import { tellUnstaffedPools } from './unstaffed';
import { audiencesFrom, poolRoles, withDelegates } from './watchers';

/**
 * Nothing waits on someone who can no longer act (issue 7, item 1). A change of staff — a user
 * disabled or losing a role, a department's head changed or removed — moves the open steps
 * assigned to whoever loses the right: a `dept_head` step of the department whose head changed
 * goes to the new head, else (and for every other step) to the pool of its kind's role. The
 * sysadmin sees the moves first (`impactOf`); the change's own write applies them (`reroute`).
 */

/** A change of staff, as it is saved: a user's new state, or a department's new head. */
export type StaffChange = OpParsed<'approvals.impact'>['change'];

interface Move {
  step: OpenStep;
  adapter: ApprovalSubject;
  subject: SubjectFacts;
  /** The named person the step goes to; null for the pool of its role. */
  to: number | null;
}

/** The subjects of these steps, per type: one statement per subject type. */
async function subjectsOf(ctx: ServiceContext, steps: readonly OpenStep[]) {
  const out = new Map<SubjectType, { adapter: ApprovalSubject; byId: Map<number, SubjectFacts> }>();
  for (const type of new Set(steps.map((s) => s.subjectType))) {
    const adapter = subjectAdapter(type);
    const ids = [...new Set(steps.filter((s) => s.subjectType === type).map((s) => s.subjectId))];
    out.set(type, { adapter, byId: await adapter.load(ctx.db, ids) });
  }
  return out;
}

/**
 * The steps a change moves, and where. `formerHead` is the department's head before a head change
 * (the caller knows it; read from the database when not given).
 */
async function movesFor(
  ctx: ServiceContext,
  change: StaffChange,
  formerHead?: number | null,
): Promise<Move[]> {
  let steps: OpenStep[];
  if ('userId' in change) {
    steps = (await openStepsAssignedTo(ctx.db, change.userId)).filter(
      (s) => change.disabled || !change.roles.includes(STEP_ROLE[s.kind]),
    );
  } else {
    const from =
      formerHead === undefined ? await departmentHead(ctx.db, change.departmentId) : formerHead;
    if (from === null || from === change.headUserId) return [];
    steps = (await openStepsAssignedTo(ctx.db, from)).filter((s) => s.kind === 'dept_head');
  }
  if (steps.length === 0) return [];
  const subjects = await subjectsOf(ctx, steps);
  const departments = new Map<SubjectType, Map<number, number | null>>();
  if (!('userId' in change)) {
    for (const [type, { adapter, byId }] of subjects) {
      departments.set(type, await adapter.departmentOf(ctx.db, [...byId.keys()]));
    }
  }
  return steps.flatMap((step) => {
    const found = subjects.get(step.subjectType);
    const subject = found?.byId.get(step.subjectId);
    if (!found || !subject) return [];
    if ('userId' in change) return [{ step, adapter: found.adapter, subject, to: null }];
    // A head change moves only the steps of that department's subjects.
    if (departments.get(step.subjectType)?.get(step.subjectId) !== change.departmentId) return [];
    const head = change.headUserId;
    // The owner never approves his own subject: his step goes to the pool instead.
    const to = head !== null && head !== subject.ownerUserId ? head : null;
    return [{ step, adapter: found.adapter, subject, to }];
  });
}

/**
 * Each step's audience once moved (its new assignee, or the active holders of its role), without
 * its owner. `holders` are the active holders as they are (before a change) or will be.
 */
function audiencesAfter(moves: readonly Move[], holders: ReadonlyMap<string, readonly number[]>) {
  const steps = moves.map((m) => ({ kind: m.step.kind, assigneeUserId: m.to }));
  return audiencesFrom(steps, holders).map((users, i) =>
    users.filter((u) => u !== moves[i]?.subject.ownerUserId),
  );
}

function impacts(
  moves: readonly Move[],
  audience: readonly number[][],
  names: ReadonlyMap<number, string>,
): StepImpact[] {
  return moves.map((m, i) => {
    const params = m.adapter.noticeParams(m.subject);
    return {
      stepId: m.step.id,
      subjectId: m.subject.id,
      code: String(params.code ?? ''),
      org: String(params.org ?? ''),
      kind: m.step.kind,
      status: m.step.status,
      fromName: m.step.assigneeName,
      toUserId: m.to,
      toName: m.to === null ? null : (names.get(m.to) ?? null),
      nobody: (audience[i] ?? []).length === 0,
    };
  });
}

/** What a change of staff would move, before it is made (nothing is written). */
export async function impactOf(ctx: ServiceContext, change: StaffChange): Promise<StepImpact[]> {
  const moves = await movesFor(ctx, change);
  if (moves.length === 0) return [];
  const holders = new Map(
    [
      ...(await holdersOf(
        ctx.db,
        poolRoles(moves.map((m) => ({ ...m.step, assigneeUserId: m.to }))),
      )),
    ].map(([role, users]) => [role, [...users]]),
  );
  // The pools as they will be: without the user if he loses the role, with him if he gains it.
  if ('userId' in change) {
    for (const [role, users] of holders) {
      const keeps = !change.disabled && (change.roles as readonly string[]).includes(role);
      const rest = users.filter((u) => u !== change.userId);
      holders.set(role, keeps ? [...rest, change.userId] : rest);
    }
  }
  const names = await userNames(
    ctx.db,
    moves.flatMap((m) => (m.to === null ? [] : [m.to])),
  );
  return impacts(moves, audiencesAfter(moves, holders), names);
}

/** Who the user was before a change of his (for the pools he leaves). */
export interface FormerUser {
  disabled: boolean;
  roles: readonly string[];
}

/**
 * Applies a change of staff to the open steps waiting on it, inside the change's own write and
 * after it (the pools are read as the change left them). Each moved step gets a timeline entry
 * and an audit entry on its subject; the new audience of a pending step is told of the task; when
 * nobody could act on it, the sysadmins and the admin office are told at once. `former` is the
 * department's former head, or the user as he was: a pool he leaves empty with a step pending
 * is told to them too, though no step moves.
 */
export async function reroute(
  ctx: ServiceContext,
  change: StaffChange,
  former?: number | null | FormerUser,
): Promise<StepImpact[]> {
  const formerHead = typeof former === 'object' && former !== null ? undefined : former;
  const moved = await moveSteps(ctx, change, formerHead);
  if ('userId' in change && typeof former === 'object' && former !== null && !former.disabled) {
    const kept: readonly string[] = change.disabled ? [] : change.roles;
    const lost = former.roles.filter((r) => !kept.includes(r));
    await tellUnstaffedPools(
      ctx,
      lost,
      moved.map((m) => m.stepId),
    );
  }
  return moved;
}

async function moveSteps(
  ctx: ServiceContext,
  change: StaffChange,
  formerHead?: number | null,
): Promise<StepImpact[]> {
  const moves = await movesFor(ctx, change, formerHead);
  if (moves.length === 0) return [];
  const actor = requireActor(ctx);
  const before = await withDelegates(
    ctx,
    moves.map((m) => (m.step.assigneeUserId === null ? [] : [m.step.assigneeUserId])),
  );
  for (const m of moves) {
    await ctx.db
      .updateTable('approvalSteps')
      .set((eb) => ({ assigneeUserId: m.to, version: eb('version', '+', 1) }))
      .where('id', '=', m.step.id)
      .where('status', '=', m.step.status)
      .execute();
  }
  const steps = moves.map((m) => ({ kind: m.step.kind, assigneeUserId: m.to }));
  const holders = await holdersOf(ctx.db, [...poolRoles(steps), 'sysadmin', 'admin_office']);
  const audience = audiencesAfter(moves, holders);
  const after = await withDelegates(ctx, audience);
  const names = await userNames(
    ctx.db,
    moves.flatMap((m) => (m.to === null ? [] : [m.to])),
  );
  const out = impacts(moves, audience, names);
  const administrators = [
    ...(holders.get('sysadmin') ?? []),
    ...(holders.get('admin_office') ?? []),
  ];
  for (const [i, m] of moves.entries()) {
    const moved = out[i];
    if (!moved) continue;
    await m.adapter.record(ctx, m.subject.id, {
      kind: 'rerouted',
      actorUserId: actor.userId,
      onBehalfOfUserId: null,
      stepId: m.step.id,
      comment: '',
      data: {
        step: m.step.kind,
        from: moved.fromName,
        fromUserId: m.step.assigneeUserId,
        to: moved.toName,
        toUserId: m.to,
      },
    });
    if (m.step.status === 'pending') {
      await notify(
        ctx,
        audience[i] ?? [],
        'approval.task',
        'notifications.approvalTask',
        m.adapter.taskParams(m.subject),
        m.adapter.noticeTarget(m.subject),
      );
    }
    if (moved.nobody) {
      await notify(
        ctx,
        administrators,
        'approval.unstaffed',
        'notifications.approvalUnstaffed',
        m.adapter.noticeParams(m.subject),
        m.adapter.noticeTarget(m.subject),
      );
    }
    ctx.emit('approvals.changed', m.adapter.changedPayload(m.subject), [
      ...new Set([...(before[i] ?? []), ...(after[i] ?? []), m.subject.ownerUserId]),
    ]);
    ctx.audit({
      entityType: m.step.subjectType,
      entityId: m.subject.id,
      summary: {
        ...m.adapter.auditName(m.subject),
        step: m.step.kind,
        reroutedFrom: moved.fromName,
        to: moved.toName ?? 'pool',
      },
    });
  }
  return out;
}
