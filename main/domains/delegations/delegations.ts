import type { Kysely } from 'kysely';
import type { OpParsed } from '../../../shared/contract/operations';
import type { DelegationView } from '../../../shared/delegations/views';
import type { DB } from '../../db/schema';
import { ROLES, type Role } from '../../../shared/auth';
import { STEP_ROLE, type DelegatorFacts } from '../../../shared/approvals';
import { requireActor, type ServiceContext } from '../../core/context';
import { AppError, fieldError } from '../../core/errors';
import { daysBetween } from '../../../shared/dates';
import { callPolicy } from '../policy';

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('delegations as d')
    .innerJoin('users as u', 'u.id', 'd.userId')
    .innerJoin('users as s', 's.id', 'd.delegateUserId')
    .select([
      'd.id',
      'd.userId',
      'u.displayName as userName',
      'd.delegateUserId',
      's.displayName as delegateName',
      'd.fromDate',
      'd.toDate',
      'd.revokedAtMs',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;
const toView = ({ revokedAtMs, ...r }: Row): DelegationView => ({
  ...r,
  revoked: revokedAtMs !== null,
});

/** Delegations I gave and those given to me. */
export async function listDelegations(db: Kysely<DB>, userId: number): Promise<DelegationView[]> {
  const rows = await baseQuery(db)
    .where((eb) => eb.or([eb('d.userId', '=', userId), eb('d.delegateUserId', '=', userId)]))
    .orderBy('d.fromDate', 'desc')
    .orderBy('d.id', 'desc')
    .execute();
  return rows.map(toView);
}

/** Whose approvals `delegateId` may act on today (company date). */
export async function delegatorsOf(
  db: Kysely<DB>,
  delegateId: number,
  today: string,
): Promise<number[]> {
  const rows = await db
    .selectFrom('delegations')
    .select('userId')
    .where('delegateUserId', '=', delegateId)
    .where('revokedAtMs', 'is', null)
    .where('fromDate', '<=', today)
    .where('toDate', '>=', today)
    .execute();
  return [...new Set(rows.map((r) => r.userId))];
}

const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

/**
 * Whose approvals `delegateId` may act on today, with what the rights functions need to know
 * about each (name, roles, disabled): two statements, however many there are.
 */
export async function delegatorFacts(
  db: Kysely<DB>,
  delegateId: number,
  today: string,
): Promise<DelegatorFacts[]> {
  const rows = await db
    .selectFrom('delegations as d')
    .innerJoin('users as u', 'u.id', 'd.userId')
    .select(['u.id', 'u.displayName', 'u.disabled'])
    .where('d.delegateUserId', '=', delegateId)
    .where('d.revokedAtMs', 'is', null)
    .where('d.fromDate', '<=', today)
    .where('d.toDate', '>=', today)
    .orderBy('d.id')
    .execute();
  if (rows.length === 0) return [];
  const roles = await db
    .selectFrom('userRoles')
    .select(['userId', 'role'])
    .where(
      'userId',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const seen = new Set<number>();
  return rows.flatMap((r) => {
    if (seen.has(r.id)) return [];
    seen.add(r.id);
    return [
      {
        userId: r.id,
        displayName: r.displayName,
        disabled: r.disabled === 1,
        roles: roles
          .filter((x) => x.userId === r.id)
          .map((x) => x.role)
          .filter(isRole),
      },
    ];
  });
}

/** The people each of `userIds` delegated to, valid today: one statement. */
export async function delegatesOf(
  db: Kysely<DB>,
  userIds: readonly number[],
  today: string,
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('delegations')
    .select(['userId', 'delegateUserId'])
    .where('userId', 'in', [...userIds])
    .where('revokedAtMs', 'is', null)
    .where('fromDate', '<=', today)
    .where('toDate', '>=', today)
    .orderBy('id')
    .execute();
  for (const r of rows) out.set(r.userId, [...(out.get(r.userId) ?? []), r.delegateUserId]);
  return out;
}

export async function createDelegation(
  ctx: ServiceContext,
  input: OpParsed<'delegations.create'>,
): Promise<DelegationView> {
  const me = requireActor(ctx);
  if (input.delegateUserId === me.userId) throw fieldError('delegateUserId', 'errors.delegateSelf');
  // Calendar days, the first and the last included.
  const { policy } = await callPolicy(ctx);
  if (daysBetween(input.fromDate, input.toDate) + 1 > policy.delegationMaxDays) {
    throw fieldError('toDate', 'errors.delegationTooLong', { max: policy.delegationMaxDays });
  }
  const delegate = await ctx.db
    .selectFrom('users')
    .select(['id', 'disabled'])
    .where('id', '=', input.delegateUserId)
    .executeTakeFirst();
  if (!delegate || delegate.disabled) throw fieldError('delegateUserId', 'errors.userNotFound');
  // Only someone who can open an approval inbox can act on the delegated tasks.
  const approver = await ctx.db
    .selectFrom('userRoles')
    .select('userId')
    .where('userId', '=', input.delegateUserId)
    .where('role', 'in', [...new Set(Object.values(STEP_ROLE))])
    .executeTakeFirst();
  if (!approver) throw fieldError('delegateUserId', 'errors.delegateNotApprover');
  const { id } = await ctx.db
    .insertInto('delegations')
    .values({ userId: me.userId, ...input, createdAtMs: ctx.nowMs })
    .returning('id')
    .executeTakeFirstOrThrow();
  const view = toView(await baseQuery(ctx.db).where('d.id', '=', id).executeTakeFirstOrThrow());
  // Names, not ids: the audit log shows the entry as it was written.
  ctx.audit({
    entityType: 'delegation',
    entityId: id,
    summary: { delegate: view.delegateName, fromDate: input.fromDate, toDate: input.toDate },
  });
  return view;
}

export async function revokeDelegation(ctx: ServiceContext, input: OpParsed<'delegations.revoke'>) {
  const me = requireActor(ctx);
  const row = await baseQuery(ctx.db).where('d.id', '=', input.id).executeTakeFirst();
  if (!row || row.userId !== me.userId) throw new AppError('NOT_FOUND', 'errors.NOT_FOUND');
  const view = toView(row);
  await ctx.db
    .updateTable('delegations')
    .set({ revokedAtMs: ctx.nowMs })
    .where('id', '=', input.id)
    .execute();
  ctx.audit({
    entityType: 'delegation',
    entityId: input.id,
    summary: { delegate: view.delegateName, fromDate: view.fromDate, toDate: view.toDate },
  });
  return null;
}
