import type { Kysely } from 'kysely';
import type { Role } from '../../../shared/auth';
import type { TaskCursor, TaskView } from '../../../shared/tasks/views';
import type { DB } from '../../db/schema';

/**
 * The tasks' reads, all in Kysely's builder. A row joins its request (code, organisation) and
 * the names of its owner and of who did it; `toView` adds the caller's right.
 */
export function taskRows(db: Kysely<DB>) {
  // One table in FROM, the rest as scalar subqueries: the planner walks the list's index to the
  // page's end instead of looping over requests or users first and sorting.
  return db
    .selectFrom('tasks as t')
    .select((eb) => [
      't.id',
      't.requestId',
      eb
        .selectFrom('requests as r')
        .select('r.code')
        .whereRef('r.id', '=', 't.requestId')
        .$asScalar()
        .$castTo<string>()
        .as('requestCode'),
      eb
        .selectFrom('requests as r')
        .select('r.orgName')
        .whereRef('r.id', '=', 't.requestId')
        .$asScalar()
        .$castTo<string>()
        .as('orgName'),
      't.kind',
      't.ownerUserId',
      eb
        .selectFrom('users as o')
        .select('o.displayName')
        .whereRef('o.id', '=', 't.ownerUserId')
        .$asScalar()
        .$castTo<string | null>()
        .as('ownerName'),
      't.ownerRole',
      't.dueAtMs',
      't.doneAtMs',
      eb
        .selectFrom('users as d')
        .select('d.displayName')
        .whereRef('d.id', '=', 't.doneByUserId')
        .$asScalar()
        .$castTo<string | null>()
        .as('doneByName'),
      't.notifiedAtMs',
      't.voidedAtMs',
    ]);
}
export type TaskRow = Awaited<ReturnType<ReturnType<typeof taskRows>['execute']>>[number];

export function toView(row: TaskRow, canAct: boolean): TaskView {
  return { ...row, ownerRole: row.ownerRole as Role | null, canAct };
}

/** Where a list of tasks is read from: a person's own, or a role's. */
export type Source = { userId: number } | { role: string };

/**
 * One source's open tasks after the cursor, in due order, on its partial index
 * (tasks_open_user / tasks_open_role): `limit` rows at most.
 */
export function openOf(
  db: Kysely<DB>,
  source: Source,
  after: TaskCursor | undefined,
  limit: number,
) {
  let q = taskRows(db)
    .where('t.doneAtMs', 'is', null)
    .where('t.voidedAtMs', 'is', null)
    .where((eb) =>
      'userId' in source
        ? eb('t.ownerUserId', '=', source.userId)
        : eb('t.ownerRole', '=', source.role),
    );
  if (after) {
    q = q.where((eb) => eb(eb.refTuple('t.dueAtMs', 't.id'), '>', eb.tuple(after.key, after.id)));
  }
  return q.orderBy('t.dueAtMs').orderBy('t.id').limit(limit).execute();
}

/**
 * One source's tasks done since `sinceMs`, newest first, on tasks_done_user / tasks_done_role.
 */
export function doneOf(
  db: Kysely<DB>,
  source: Source,
  sinceMs: number,
  after: TaskCursor | undefined,
  limit: number,
) {
  let q = taskRows(db)
    .where('t.doneAtMs', 'is not', null)
    .where('t.doneAtMs', '>=', sinceMs)
    .where((eb) =>
      'userId' in source
        ? eb('t.ownerUserId', '=', source.userId)
        : eb('t.ownerRole', '=', source.role),
    );
  if (after) {
    q = q.where((eb) => eb(eb.refTuple('t.doneAtMs', 't.id'), '<', eb.tuple(after.key, after.id)));
  }
  return q.orderBy('t.doneAtMs', 'desc').orderBy('t.id', 'desc').limit(limit).execute();
}

/** Active holders of these roles, by role: one statement. */
export async function activeHolders(db: Kysely<DB>, roles: readonly string[]) {
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

/** Which of these users are active (not disabled). */
export async function activeUsers(db: Kysely<DB>, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', [...ids])
    .where('disabled', '=', 0)
    .execute();
  return new Set(rows.map((r) => r.id));
}
