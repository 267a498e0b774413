import { ensureApprovedBudget } from './budgets';
import type { ServiceContext } from '../../core/context';

/**
 * Tells everyone whose money pages show this visit that it changed: its host, the caller, finance
 * (its queue and reports) and the executives and admin office (the dashboard). Role holders are
 * read in one statement.
 */
export async function moneyChanged(
  ctx: ServiceContext,
  requestId: number,
  hostUserId: number,
): Promise<void> {
  // A visit approved before the budgets were kept gets its approved budget on its first write.
  await ensureApprovedBudget(ctx, requestId);
  const holders = await ctx.db
    .selectFrom('userRoles as ur')
    .innerJoin('users as u', 'u.id', 'ur.userId')
    .select('ur.userId')
    .where('ur.role', 'in', ['finance', 'executive', 'admin_office', 'dept_head'])
    .where('u.disabled', '=', 0)
    .execute();
  const users = new Set<number>([hostUserId, ...holders.map((h) => h.userId)]);
  if (ctx.actor) users.add(ctx.actor.userId);
  ctx.emit('expenses.changed', { requestId }, [...users]);
}
