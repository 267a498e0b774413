import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { ServiceContext } from '../../core/context';

/** Who watches the boards: every active user of the front desk and the admin office. */
export async function deskUsers(db: Kysely<DB>): Promise<number[]> {
  const rows = await db
    .selectFrom('userRoles')
    .innerJoin('users', 'users.id', 'userRoles.userId')
    .select('users.id')
    .where('userRoles.role', 'in', ['front_desk', 'admin_office'])
    .where('users.disabled', '=', 0)
    .execute();
  return [...new Set(rows.map((r) => r.id))];
}

/**
 * Tells the desk (and the hosts concerned) that `day`'s board changed, after commit; `requestIds`:
 * the visits whose status or dossier may have changed with it.
 */
export async function boardChanged(
  ctx: ServiceContext,
  day: string,
  alsoUserIds: readonly number[] = [],
  requestIds: readonly number[] = [],
): Promise<void> {
  const users = [...new Set([...(await deskUsers(ctx.db)), ...alsoUserIds])];
  ctx.emit('frontdesk.changed', { day, requestIds: [...requestIds] }, users);
}
