import type { AliasedSelectQueryBuilder, Kysely } from 'kysely';
import type { ListTotal } from '../../shared/contract/types';
import type { DB } from '../db/schema';

/**
 * A list's total counted up to `cap`: `rows` selects the matching rows with `LIMIT cap + 1`
 * (aliased 'm'), so the count reads at most that many, and says "at least" beyond the cap.
 */
export async function cappedTotal(
  db: Kysely<DB>,
  rows: AliasedSelectQueryBuilder<object, 'm'>,
  cap: number,
): Promise<ListTotal> {
  const n = await db
    .selectFrom(rows)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const count = Number(n.n);
  return count > cap ? { count: cap, atLeast: true } : { count, atLeast: false };
}
