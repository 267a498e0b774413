import type { Kysely } from 'kysely';
import type { OpParsed } from '../../../shared/contract/operations';
import type { DepartmentView } from '../../../shared/contract/types';
import type { DB } from '../../db/schema';
import type { ServiceContext } from '../../core/context';
import { AppError, fieldError } from '../../core/errors';
import { reroute } from '../approvals';

export async function listDepartments(db: Kysely<DB>): Promise<DepartmentView[]> {
  const rows = await db
    .selectFrom('departments as d')
    .leftJoin('users as h', 'h.id', 'd.headUserId')
    .select((eb) => [
      'd.id',
      'd.name',
      'd.headUserId',
      'h.displayName as headName',
      eb
        .selectFrom('users as m')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('m.departmentId', '=', 'd.id')
        .as('memberCount'),
    ])
    .orderBy('d.name')
    .execute();
  return rows.map((r) => ({ ...r, memberCount: Number(r.memberCount ?? 0) }));
}

async function getDepartment(db: Kysely<DB>, id: number): Promise<DepartmentView> {
  const found = (await listDepartments(db)).find((d) => d.id === id);
  if (!found) throw new AppError('NOT_FOUND', 'errors.departmentNotFound');
  return found;
}

async function assertValid(
  db: Kysely<DB>,
  name: string,
  headUserId: number | null,
  selfId?: number,
) {
  let q = db.selectFrom('departments').select('id').where('name', '=', name);
  if (selfId !== undefined) q = q.where('id', '!=', selfId);
  if (await q.executeTakeFirst()) throw fieldError('name', 'validation.nameTaken');
  if (headUserId !== null) {
    const head = await db
      .selectFrom('users')
      .select(['id', 'disabled'])
      .where('id', '=', headUserId)
      .executeTakeFirst();
    if (!head || head.disabled) throw fieldError('headUserId', 'errors.headInvalid');
  }
}

/** The fields that differ, each as `{ from, to }` (the audit log's way of showing a change). */
function changesOf<T extends object, K extends keyof T>(before: T, after: T, keys: readonly K[]) {
  const out: Partial<Record<K, { from: T[K]; to: T[K] }>> = {};
  for (const key of keys) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      out[key] = { from: before[key], to: after[key] };
    }
  }
  return out;
}

export async function createDepartment(ctx: ServiceContext, input: OpParsed<'departments.create'>) {
  await assertValid(ctx.db, input.name, input.headUserId);
  const { id } = await ctx.db
    .insertInto('departments')
    .values({ ...input, createdAtMs: ctx.nowMs, updatedAtMs: ctx.nowMs })
    .returning('id')
    .executeTakeFirstOrThrow();
  const created = await getDepartment(ctx.db, id);
  // Names, not ids: the audit log shows the entry as it was written.
  ctx.audit({
    entityType: 'department',
    entityId: id,
    summary: { name: created.name, head: created.headName },
  });
  return created;
}

export async function updateDepartment(ctx: ServiceContext, input: OpParsed<'departments.update'>) {
  const before = await getDepartment(ctx.db, input.id);
  await assertValid(ctx.db, input.name, input.headUserId, input.id);
  await ctx.db
    .updateTable('departments')
    .set({ name: input.name, headUserId: input.headUserId, updatedAtMs: ctx.nowMs })
    .where('id', '=', input.id)
    .execute();
  // The department's steps waiting on its former head go to the new one (or the pool).
  await reroute(ctx, { departmentId: input.id, headUserId: input.headUserId }, before.headUserId);
  const after = await getDepartment(ctx.db, input.id);
  ctx.audit({
    entityType: 'department',
    entityId: input.id,
    summary: {
      name: after.name,
      changes: changesOf(before, after, ['name', 'headName']),
    },
  });
  return after;
}

export async function deleteDepartment(ctx: ServiceContext, input: OpParsed<'departments.delete'>) {
  const dept = await getDepartment(ctx.db, input.id);
  if (dept.memberCount > 0) {
    throw new AppError('CONFLICT', 'errors.departmentHasMembers', { count: dept.memberCount });
  }
  await ctx.db.deleteFrom('departments').where('id', '=', input.id).execute();
  ctx.audit({ entityType: 'department', entityId: input.id, summary: { name: dept.name } });
  return null;
}

/**
 * Creates a department without a head (an import names heads once their accounts exist) and
 * writes the audit entry 新建部门 writes. Answers its id.
 */
export async function addDepartment(ctx: ServiceContext, name: string): Promise<number> {
  await assertValid(ctx.db, name, null);
  const { id } = await ctx.db
    .insertInto('departments')
    .values({ name, headUserId: null, createdAtMs: ctx.nowMs, updatedAtMs: ctx.nowMs })
    .returning('id')
    .executeTakeFirstOrThrow();
  ctx.audit({ entityType: 'department', entityId: id, summary: { name, head: null } });
  return id;
}

/**
 * Names the head of a department that has none (so no step waits on a former head: nothing to
 * move), with the audit entry a change of head writes.
 */
export async function setFirstHead(
  ctx: ServiceContext,
  departmentId: number,
  headUserId: number,
): Promise<void> {
  const before = await getDepartment(ctx.db, departmentId);
  if (before.headUserId !== null) throw fieldError('headUserId', 'errors.headInvalid');
  await assertValid(ctx.db, before.name, headUserId, departmentId);
  await ctx.db
    .updateTable('departments')
    .set({ headUserId, updatedAtMs: ctx.nowMs })
    .where('id', '=', departmentId)
    .execute();
  const after = await getDepartment(ctx.db, departmentId);
  ctx.audit({
    entityType: 'department',
    entityId: departmentId,
    summary: { name: after.name, changes: changesOf(before, after, ['headName']) },
  });
}

/** Each department by name with its head, if active: what setup checks. One statement. */
export async function departmentHeads(
  db: Kysely<DB>,
): Promise<{ id: number; name: string; headName: string | null; headActive: boolean }[]> {
  const rows = await db
    .selectFrom('departments as d')
    .leftJoin('users as h', 'h.id', 'd.headUserId')
    .select(['d.id', 'd.name', 'h.displayName as headName', 'h.disabled as headDisabled'])
    .orderBy('d.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    headName: r.headName,
    headActive: r.headName !== null && r.headDisabled === 0,
  }));
}
