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

export async function createDepartment(ctx: ServiceContext, input: OpParsed<'departments.create'>) {
  await assertValid(ctx.db, input.name, input.headUserId);
  const { id } = await ctx.db
    .insertInto('departments')
    .values({ ...input, createdAtMs: ctx.nowMs, updatedAtMs: ctx.nowMs })
    .returning('id')
    .executeTakeFirstOrThrow();
  ctx.audit({ entityType: 'department', entityId: id, summary: input });
  return getDepartment(ctx.db, id);
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
  ctx.audit({
    entityType: 'department',
    entityId: input.id,
    summary: {
      from: { name: before.name, headUserId: before.headUserId },
      to: { name: input.name, headUserId: input.headUserId },
    },
  });
  return getDepartment(ctx.db, input.id);
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
