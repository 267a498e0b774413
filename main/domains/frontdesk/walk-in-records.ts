import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { ServiceContext } from '../../core/context';
import { notify } from '../notifications';
import { boardChanged, deskUsers } from './listeners';

/** Whether a request is an accepted walk-in's retroactive draft, or has anyone checked in. */
export async function recordsWalkIn(db: Kysely<DB>, requestId: number): Promise<boolean> {
  const walkIn = await db
    .selectFrom('frontdeskWalkIns')
    .select('id')
    .where('requestId', '=', requestId)
    .executeTakeFirst();
  if (walkIn) return true;
  const guest = await db
    .selectFrom('frontdeskGuests')
    .select('id')
    .where('requestId', '=', requestId)
    .executeTakeFirst();
  return guest !== undefined;
}

/**
 * A host who can no longer answer (disabled) leaves no walk-in waiting at the desk: his pending
 * ones are declined, and the desk is told (the board's walk-ins list updates live).
 */
export async function releaseWalkInsOf(ctx: ServiceContext, hostUserId: number): Promise<number> {
  const pending = await ctx.db
    .selectFrom('frontdeskWalkIns')
    .select(['id', 'day', 'orgName'])
    .where('hostUserId', '=', hostUserId)
    .where('status', '=', 'pending')
    .execute();
  if (pending.length === 0) return 0;
  await ctx.db
    .updateTable('frontdeskWalkIns')
    .set((eb) => ({ status: 'declined', answeredAtMs: ctx.nowMs, version: eb('version', '+', 1) }))
    .where(
      'id',
      'in',
      pending.map((w) => w.id),
    )
    .execute();
  const desk = await deskUsers(ctx.db);
  for (const w of pending) {
    await notify(ctx, desk, 'frontdesk.walkInAnswered', 'frontdesk.notice.walkInHostGone', {
      org: w.orgName || '—',
    });
  }
  for (const day of new Set(pending.map((w) => w.day))) await boardChanged(ctx, day);
  return pending.length;
}
