import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/**
 * The departments this user heads now, by id (a handful of rows: departments stay few). The lists
 * and the session read it afresh: a head set or changed shows at the next read.
 */
export async function departmentsHeadedBy(db: Kysely<DB>, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('departments')
    .select('id')
    .where('headUserId', '=', userId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}
