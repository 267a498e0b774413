import type { Kysely } from 'kysely';
import { hasPermission } from '../../../shared/auth';
import type { Page } from '../../../shared/contract/types';
import type { OpParsed } from '../../../shared/contract/operations';
import { hostOnly, requestBodySchema, type RequestBody } from '../../../shared/requests';
import { DONE_SHOWN_DAYS } from '../../../shared/tasks/contract';
import { TASK_OWNER_ROLES, visitTasks, type TaskKind } from '../../../shared/tasks/plan';
import { mayActOnTask } from '../../../shared/tasks/rights';
import type { TaskCursor, TaskView } from '../../../shared/tasks/views';
import { requireActor, type ServiceContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { parseJson } from '../../core/json';
import type { DB } from '../../db/schema';
import { stepViews, viewRight } from '../approvals';
import { callSettings } from '../settings';
import {
  activeHolders,
  doneOf,
  openOf,
  taskRows,
  toView,
  type Source,
  type TaskRow,
} from './queries';

const DAY_MS = 86_400_000;

/**
 * Who sees a request's tasks change: their owners (the host, the holders of an owner role) and
 * the caller. Read after the change, so a new task's owners are in.
 */
async function audienceOf(ctx: ServiceContext, requestId: number): Promise<number[]> {
  const rows = await ctx.db
    .selectFrom('tasks')
    .select(['ownerUserId', 'ownerRole'])
    .where('requestId', '=', requestId)
    .execute();
  const users = new Set<number>();
  for (const r of rows) if (r.ownerUserId !== null) users.add(r.ownerUserId);
  const roles = [...new Set(rows.flatMap((r) => (r.ownerRole === null ? [] : [r.ownerRole])))];
  for (const ids of (await activeHolders(ctx.db, roles)).values())
    for (const id of ids) users.add(id);
  if (ctx.actor) users.add(ctx.actor.userId);
  return [...users];
}

async function changed(ctx: ServiceContext, requestId: number): Promise<void> {
  ctx.emit('tasks.changed', { requestId }, await audienceOf(ctx, requestId));
}

/** A stored body as the current schema reads it (older bodies get the defaults of newer fields). */
function bodyOf(text: Parameters<typeof parseJson<RequestBody>>[0]): RequestBody {
  const raw = parseJson(text);
  const parsed = requestBodySchema.safeParse(raw);
  return parsed.success ? parsed.data : raw;
}

/**
 * Creates the tasks of a filed visit (shared/tasks/plan.ts), each at most once: filing again, or
 * two processes filing at once, adds nothing (the unique key on request and kind). Reads the
 * request straight from its table: the requests domain calls this, not the other way round.
 */
export async function createVisitTasks(ctx: ServiceContext, requestId: number): Promise<void> {
  const row = await ctx.db
    .selectFrom('requests')
    .select(['id', 'hostUserId', 'body'])
    .where('id', '=', requestId)
    .executeTakeFirst();
  if (!row) return;
  const settings = await callSettings(ctx);
  const planned = visitTasks(bodyOf(row.body), {
    reimbursementDays: settings.reimbursementDays,
    timeZone: settings.timeZone,
    nowMs: ctx.nowMs,
  });
  if (planned.length === 0) return;
  await ctx.db
    .insertInto('tasks')
    .values(
      planned.map((p) => ({
        requestId,
        kind: p.kind,
        ownerUserId: p.owner === 'host' ? row.hostUserId : null,
        ownerRole: p.owner === 'host' ? null : p.owner,
        dueAtMs: p.dueAtMs,
        createdAtMs: ctx.nowMs,
      })),
    )
    .onConflict((oc) => oc.columns(['requestId', 'kind']).doNothing())
    .execute();
  await changed(ctx, requestId);
}

/** The request was cancelled: its open tasks need no doing (done ones stay as they were). */
export async function voidVisitTasks(ctx: ServiceContext, requestId: number): Promise<void> {
  const res = await ctx.db
    .updateTable('tasks')
    .set({ voidedAtMs: ctx.nowMs })
    .where('requestId', '=', requestId)
    .where('doneAtMs', 'is', null)
    .where('voidedAtMs', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) > 0) await changed(ctx, requestId);
}

/**
 * The work a task stands for was done elsewhere in the app (the host submitted the visit's
 * reconciliation: `submit_reimbursement`): its open task of that kind is done, by the caller. No
 * open task of the kind: nothing changes.
 */
export async function completeVisitTask(
  ctx: ServiceContext,
  requestId: number,
  kind: TaskKind,
): Promise<void> {
  const res = await ctx.db
    .updateTable('tasks')
    .set({ doneAtMs: ctx.nowMs, doneByUserId: ctx.actor?.userId ?? null })
    .where('requestId', '=', requestId)
    .where('kind', '=', kind)
    .where('doneAtMs', 'is', null)
    .where('voidedAtMs', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) > 0) await changed(ctx, requestId);
}

/**
 * A person who can no longer act (disabled) leaves no task waiting on him: his open tasks go to
 * the admin office, anyone of whom may do them, and are reminded again when due. Returns how
 * many moved.
 */
export async function handOverTasksOf(ctx: ServiceContext, userId: number): Promise<number> {
  const open = await ctx.db
    .selectFrom('tasks')
    .select(['id', 'requestId'])
    .where('ownerUserId', '=', userId)
    .where('doneAtMs', 'is', null)
    .where('voidedAtMs', 'is', null)
    .execute();
  if (open.length === 0) return 0;
  await ctx.db
    .updateTable('tasks')
    .set({ ownerUserId: null, ownerRole: 'admin_office', notifiedAtMs: null })
    .where(
      'id',
      'in',
      open.map((t) => t.id),
    )
    .execute();
  for (const requestId of new Set(open.map((t) => t.requestId))) await changed(ctx, requestId);
  return open.length;
}

/**
 * Moves a task's due time (the bookings domain: the driver's task to a confirmed pickup's time).
 * A task moved into the future is reminded again when it falls due. False: no such open task.
 */
export async function setTaskDue(
  ctx: ServiceContext,
  requestId: number,
  kind: TaskKind,
  dueAtMs: number,
): Promise<boolean> {
  const res = await ctx.db
    .updateTable('tasks')
    .set((eb) => ({
      dueAtMs,
      notifiedAtMs: dueAtMs > ctx.nowMs ? null : eb.ref('notifiedAtMs'),
    }))
    .where('requestId', '=', requestId)
    .where('kind', '=', kind)
    .where('doneAtMs', 'is', null)
    .where('voidedAtMs', 'is', null)
    .executeTakeFirst();
  const moved = Number(res.numUpdatedRows) > 0;
  if (moved) await changed(ctx, requestId);
  return moved;
}

/** Whether the caller may see the request (shared/approvals' mayView, as its dossier does). */
async function mayViewRequest(ctx: ServiceContext, requestId: number): Promise<boolean> {
  const actor = requireActor(ctx);
  const row = await ctx.db
    .selectFrom('requests as r')
    .select((eb) => [
      'r.id',
      'r.hostUserId',
      'r.status',
      'r.revision',
      eb
        .selectFrom('departments as dh')
        .select('dh.headUserId')
        .whereRef('dh.id', '=', 'r.departmentId')
        .$asScalar()
        .$castTo<number | null>()
        .as('departmentHeadUserId'),
    ])
    .where('r.id', '=', requestId)
    .executeTakeFirst();
  if (!row) return false;
  const steps = await stepViews(ctx.db, { type: 'request', id: requestId });
  return viewRight(
    ctx,
    {
      ownerUserId: row.hostUserId,
      ownerOnly: hostOnly(row),
      departmentHeadUserId: row.departmentHeadUserId,
      steps,
    },
    hasPermission(actor.roles, 'requests.readAll'),
    async () =>
      (await ctx.db
        .selectFrom('requestEvents')
        .select('id')
        .where('requestId', '=', requestId)
        .where((eb) =>
          eb.or([eb('actorUserId', '=', actor.userId), eb('onBehalfOfUserId', '=', actor.userId)]),
        )
        .executeTakeFirst()) !== undefined,
  );
}

function view(ctx: ServiceContext, row: TaskRow): TaskView {
  return toView(row, mayActOnTask(requireActor(ctx), row));
}

/** A visit's tasks in due order; "not found" to whoever may not see the request. */
export async function tasksOfRequest(ctx: ServiceContext, requestId: number): Promise<TaskView[]> {
  if (!(await mayViewRequest(ctx, requestId))) {
    throw new AppError('NOT_FOUND', 'errors.requestNotFound');
  }
  const rows = await taskRows(ctx.db)
    .where('t.requestId', '=', requestId)
    .orderBy('t.dueAtMs')
    .orderBy('t.id')
    .execute();
  return rows.map((r) => view(ctx, r));
}

/**
 * 我的待办: the caller's tasks and his roles' — open ones by due time, or those done in the last
 * week, newest first. Each source is walked on its own index and the runs merged: a keyset page
 * with no sort of the rows.
 */
export async function myTasks(
  ctx: ServiceContext,
  input: OpParsed<'tasks.mine'>,
): Promise<Page<TaskView, TaskCursor>> {
  const actor = requireActor(ctx);
  const sources: Source[] = [
    { userId: actor.userId },
    ...TASK_OWNER_ROLES.filter((r) => actor.roles.includes(r)).map((role) => ({ role })),
  ];
  const n = input.limit + 1;
  const since = ctx.nowMs - DONE_SHOWN_DAYS * DAY_MS;
  const runs: TaskRow[][] = [];
  for (const s of sources) {
    runs.push(
      input.done
        ? await doneOf(ctx.db, s, since, input.after, n)
        : await openOf(ctx.db, s, input.after, n),
    );
  }
  const key = (r: TaskRow) => (input.done ? (r.doneAtMs ?? 0) : r.dueAtMs);
  const dir = input.done ? -1 : 1;
  const rows = runs
    .flat()
    .sort((a, b) => dir * (key(a) - key(b) || a.id - b.id))
    .slice(0, n);
  const more = rows.length > input.limit;
  const items = more ? rows.slice(0, input.limit) : rows;
  const last = items[items.length - 1];
  const next: TaskCursor | null = more && last ? { key: key(last), id: last.id } : null;
  return { items: items.map((r) => view(ctx, r)), next, total: null };
}

async function loadTask(db: Kysely<DB>, id: number) {
  return taskRows(db).where('t.id', '=', id).executeTakeFirst();
}

/** The task, if the caller may act on it: "not found" if he may not see it, else "not yours". */
async function actionable(ctx: ServiceContext, id: number): Promise<TaskRow> {
  const actor = requireActor(ctx);
  const task = await loadTask(ctx.db, id);
  if (!task) throw new AppError('NOT_FOUND', 'errors.taskNotFound');
  if (!mayActOnTask(actor, task)) {
    if (await mayViewRequest(ctx, task.requestId)) {
      throw new AppError('FORBIDDEN', 'errors.notYourTask');
    }
    throw new AppError('NOT_FOUND', 'errors.taskNotFound');
  }
  if (task.voidedAtMs !== null) throw new AppError('CONFLICT', 'errors.taskVoided');
  return task;
}

/** Marks a task done. Done already: nothing changes (a second click, another window). */
export async function completeTask(ctx: ServiceContext, id: number): Promise<TaskView> {
  const actor = requireActor(ctx);
  const task = await actionable(ctx, id);
  if (task.doneAtMs === null) {
    await ctx.db
      .updateTable('tasks')
      .set({ doneAtMs: ctx.nowMs, doneByUserId: actor.userId })
      .where('id', '=', id)
      .where('doneAtMs', 'is', null)
      .execute();
    await changed(ctx, task.requestId);
  }
  ctx.audit({
    entityType: 'task',
    entityId: id,
    summary: { code: task.requestCode, task: task.kind },
  });
  const after = await loadTask(ctx.db, id);
  return view(ctx, after ?? task);
}

/** Takes a done task back to open (done by mistake). Open already: nothing changes. */
export async function reopenTask(ctx: ServiceContext, id: number): Promise<TaskView> {
  const task = await actionable(ctx, id);
  // A visit that will not happen has nothing left to do: a done task of it stays done.
  const request = await ctx.db
    .selectFrom('requests')
    .select('status')
    .where('id', '=', task.requestId)
    .executeTakeFirst();
  if (request?.status === 'cancelled' || request?.status === 'rejected') {
    throw new AppError('CONFLICT', 'errors.taskVoided');
  }
  if (task.doneAtMs !== null) {
    await ctx.db
      .updateTable('tasks')
      .set({ doneAtMs: null, doneByUserId: null })
      .where('id', '=', id)
      .execute();
    await changed(ctx, task.requestId);
  }
  ctx.audit({
    entityType: 'task',
    entityId: id,
    summary: { code: task.requestCode, task: task.kind },
  });
  const after = await loadTask(ctx.db, id);
  return view(ctx, after ?? task);
}
