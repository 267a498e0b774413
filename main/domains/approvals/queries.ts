import type { Kysely } from 'kysely';
import {
  OPEN_STEP_STATUSES,
  type StepKind,
  type SubjectType,
} from '../../../shared/approvals/steps';
import type { ApprovalStepView } from '../../../shared/approvals/views';
import type { DB } from '../../db/schema';
import type { SubjectRef } from './subjects';

/** Steps with the names of the people on them, as the dossier and the inbox show them. */
function stepViewQuery(db: Kysely<DB>) {
  return db
    .selectFrom('approvalSteps as s')
    .leftJoin('users as a', 'a.id', 's.assigneeUserId')
    .leftJoin('users as d', 'd.id', 's.decidedBy')
    .leftJoin('users as b', 'b.id', 's.onBehalfOf')
    .select([
      's.id',
      's.revision',
      's.seq',
      's.kind',
      's.reason',
      's.assigneeUserId',
      'a.displayName as assigneeName',
      's.status',
      's.decidedBy',
      'd.displayName as decidedByName',
      's.onBehalfOf',
      'b.displayName as onBehalfOfName',
      's.decidedAtMs',
      's.pendingSinceMs',
      's.comment',
      's.version',
    ]);
}

/** Every step of a subject, every round, in order. */
export async function stepViews(db: Kysely<DB>, ref: SubjectRef): Promise<ApprovalStepView[]> {
  return stepViewQuery(db)
    .where('s.subjectType', '=', ref.type)
    .where('s.subjectId', '=', ref.id)
    .orderBy('s.revision')
    .orderBy('s.seq')
    .execute();
}

/** A step, with the name of whoever decided it (for "already decided by …"). */
export async function stepForDecision(db: Kysely<DB>, stepId: number) {
  return db
    .selectFrom('approvalSteps as s')
    .leftJoin('users as d', 'd.id', 's.decidedBy')
    .selectAll('s')
    .select('d.displayName as decidedByName')
    .where('s.id', '=', stepId)
    .executeTakeFirst();
}

export type StepRow = NonNullable<Awaited<ReturnType<typeof stepForDecision>>>;

/**
 * Pending steps that may be this user's: assigned to him or to one of `delegatorIds`, or pool
 * steps of `kinds`. Every subject and round: the caller keeps the current round's. One statement.
 */
export async function pendingCandidates(
  db: Kysely<DB>,
  userIds: readonly number[],
  kinds: readonly StepKind[],
) {
  return stepViewQuery(db)
    .select(['s.subjectType', 's.subjectId'])
    .where('s.status', '=', 'pending')
    .where((eb) => {
      const mine = eb('s.assigneeUserId', 'in', [...userIds]);
      if (kinds.length === 0) return mine;
      return eb.or([
        mine,
        eb.and([eb('s.assigneeUserId', 'is', null), eb('s.kind', 'in', [...kinds])]),
      ]);
    })
    .orderBy('s.id')
    .execute();
}

/** The first waiting steps of a round, in order (enough to know the next and whether it is the last). */
export async function waitingSteps(db: Kysely<DB>, ref: SubjectRef, revision: number) {
  return db
    .selectFrom('approvalSteps')
    .select(['id', 'kind', 'assigneeUserId', 'seq'])
    .where('subjectType', '=', ref.type)
    .where('subjectId', '=', ref.id)
    .where('revision', '=', revision)
    .where('status', '=', 'waiting')
    .orderBy('seq')
    .limit(2)
    .execute();
}

/** The last approved step of a round. */
export async function lastApproved(db: Kysely<DB>, ref: SubjectRef, revision: number) {
  return db
    .selectFrom('approvalSteps')
    .select('kind')
    .where('subjectType', '=', ref.type)
    .where('subjectId', '=', ref.id)
    .where('revision', '=', revision)
    .where('status', '=', 'approved')
    .orderBy('seq', 'desc')
    .executeTakeFirst();
}

/** Steps of a subject (all rounds) with who is or was on them. */
export async function stepsOf(db: Kysely<DB>, ref: SubjectRef) {
  return db
    .selectFrom('approvalSteps')
    .select(['kind', 'assigneeUserId', 'decidedBy', 'status'])
    .where('subjectType', '=', ref.type)
    .where('subjectId', '=', ref.id)
    .orderBy('id')
    .execute();
}

/**
 * Voids the open steps of a subject: of every round, or only the waiting ones of `revision` (what
 * follows a rejection or a return).
 */
export async function voidSteps(
  db: Kysely<DB>,
  ref: SubjectRef,
  only?: { revision: number; status: 'waiting' },
) {
  let q = db
    .updateTable('approvalSteps')
    .set((eb) => ({ status: 'cancelled', version: eb('version', '+', 1) }))
    .where('subjectType', '=', ref.type)
    .where('subjectId', '=', ref.id);
  q = only
    ? q.where('revision', '=', only.revision).where('status', '=', only.status)
    : q.where('status', 'in', [...OPEN_STEP_STATUSES]);
  await q.execute();
}

/**
 * For each subject, the rounds before its current one on which `userId` decided (himself or as
 * the one acted for): one statement for all of them.
 */
export async function roundsDecidedBy(
  db: Kysely<DB>,
  type: SubjectType,
  ids: readonly number[],
  userId: number,
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('approvalSteps')
    .select(['subjectId', 'revision'])
    .distinct()
    .where('subjectType', '=', type)
    .where('subjectId', 'in', [...ids])
    .where((eb) => eb.or([eb('decidedBy', '=', userId), eb('onBehalfOf', '=', userId)]))
    .execute();
  for (const r of rows) out.set(r.subjectId, [...(out.get(r.subjectId) ?? []), r.revision]);
  return out;
}

/** Active holders of a role, but not `exceptUserId`, by name (who a step may be transferred to). */
export async function activeHolders(db: Kysely<DB>, role: string, exceptUserId: number) {
  return db
    .selectFrom('users')
    .innerJoin('userRoles', 'userRoles.userId', 'users.id')
    .select(['users.id', 'users.displayName'])
    .where('userRoles.role', '=', role)
    .where('users.disabled', '=', 0)
    .where('users.id', '!=', exceptUserId)
    .orderBy('users.displayName')
    .execute();
}

/** Active holders of each of these roles: one statement. */
export async function holdersOf(db: Kysely<DB>, roles: readonly string[]) {
  const out = new Map<string, number[]>();
  if (roles.length === 0) return out;
  const rows = await db
    .selectFrom('userRoles')
    .innerJoin('users', 'users.id', 'userRoles.userId')
    .select(['users.id', 'userRoles.role'])
    .where('userRoles.role', 'in', [...roles])
    .where('users.disabled', '=', 0)
    .execute();
  for (const r of rows) out.set(r.role, [...(out.get(r.role) ?? []), r.id]);
  return out;
}

/**
 * Active users: the holders of each of these roles, and which of `userIds` are active. One
 * statement (none when there is nothing to ask).
 */
export async function activeStaff(
  db: Kysely<DB>,
  roles: readonly string[],
  userIds: readonly number[],
): Promise<{ holders: Map<string, number[]>; active: Set<number> }> {
  const holders = new Map<string, number[]>();
  const active = new Set<number>();
  if (roles.length === 0 && userIds.length === 0) return { holders, active };
  const rows = await db
    .selectFrom('users')
    .leftJoin('userRoles', 'userRoles.userId', 'users.id')
    .select(['users.id', 'userRoles.role'])
    .where('users.disabled', '=', 0)
    .where((eb) =>
      eb.or([
        ...(roles.length > 0 ? [eb('userRoles.role', 'in', [...roles])] : []),
        ...(userIds.length > 0 ? [eb('users.id', 'in', [...new Set(userIds)])] : []),
      ]),
    )
    .execute();
  for (const r of rows) {
    active.add(r.id);
    if (r.role !== null && roles.includes(r.role)) {
      const list = holders.get(r.role) ?? [];
      if (!list.includes(r.id)) holders.set(r.role, [...list, r.id]);
    }
  }
  return { holders, active };
}

/**
 * Open steps (waiting or pending) of each subject's current round assigned to `userId`, with his
 * name. Open steps are only ever of the current round (a new round voids the old). One statement.
 */
export async function openStepsAssignedTo(db: Kysely<DB>, userId: number) {
  return db
    .selectFrom('approvalSteps as s')
    .innerJoin('users as a', 'a.id', 's.assigneeUserId')
    .select([
      's.id',
      's.subjectType',
      's.subjectId',
      's.kind',
      's.status',
      's.assigneeUserId',
      's.version',
      'a.displayName as assigneeName',
    ])
    .where('s.assigneeUserId', '=', userId)
    .where('s.status', 'in', [...OPEN_STEP_STATUSES])
    .orderBy('s.id')
    .execute();
}

export type OpenStep = Awaited<ReturnType<typeof openStepsAssignedTo>>[number];

/** A department's head today (null without one, or an unknown department). */
export async function departmentHead(db: Kysely<DB>, departmentId: number) {
  const row = await db
    .selectFrom('departments')
    .select('headUserId')
    .where('id', '=', departmentId)
    .executeTakeFirst();
  return row?.headUserId ?? null;
}

/** Display names of these users: one statement. */
export async function userNames(db: Kysely<DB>, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'displayName'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

/**
 * Pending steps with their assignee's name: all of them, or only the pool steps of `poolKinds`.
 * One statement.
 */
export async function pendingStepsOf(db: Kysely<DB>, only: { poolKinds?: readonly StepKind[] }) {
  let q = db
    .selectFrom('approvalSteps as s')
    .leftJoin('users as a', 'a.id', 's.assigneeUserId')
    .select([
      's.id',
      's.subjectType',
      's.subjectId',
      's.revision',
      's.seq',
      's.kind',
      's.assigneeUserId',
      's.version',
      'a.displayName as assigneeName',
    ])
    .where('s.status', '=', 'pending');
  if (only.poolKinds) {
    if (only.poolKinds.length === 0) return [];
    q = q.where('s.assigneeUserId', 'is', null).where('s.kind', 'in', [...only.poolKinds]);
  }
  return q.orderBy('s.id').execute();
}

/**
 * For each of these steps, when the last step before it in its round was decided (absent for the
 * first step): one statement.
 */
export async function roundDecisionTimes(
  db: Kysely<DB>,
  steps: readonly {
    id: number;
    subjectType: SubjectType;
    subjectId: number;
    revision: number;
    seq: number;
  }[],
): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (steps.length === 0) return out;
  const rows = await db
    .selectFrom('approvalSteps')
    .select(['subjectType', 'subjectId', 'revision', 'seq', 'decidedAtMs'])
    .where('decidedAtMs', 'is not', null)
    .where('subjectId', 'in', [...new Set(steps.map((s) => s.subjectId))])
    .execute();
  for (const s of steps) {
    const times = rows
      .filter(
        (r) =>
          r.subjectType === s.subjectType &&
          r.subjectId === s.subjectId &&
          r.revision === s.revision &&
          r.seq < s.seq,
      )
      .map((r) => r.decidedAtMs ?? 0);
    if (times.length > 0) out.set(s.id, Math.max(...times));
  }
  return out;
}

/**
 * The pending steps of these subjects (every round: the caller keeps the current one's), with
 * the named approver: whom each waits on now. One statement on the (subject, round, seq) key.
 */
export async function openStepsOf(db: Kysely<DB>, type: SubjectType, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('approvalSteps as s')
    .leftJoin('users as a', 'a.id', 's.assigneeUserId')
    .select([
      's.subjectId',
      's.revision',
      's.kind',
      'a.displayName as assigneeName',
      's.pendingSinceMs',
    ])
    .where('s.subjectType', '=', type)
    .where('s.subjectId', 'in', [...ids])
    .where('s.status', '=', 'pending')
    .execute();
}
