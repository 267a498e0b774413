import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

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
