import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { WatchEntry } from '../../../shared/frontdesk/watch';
import type { DB } from '../../db/schema';
import { once } from '../../core/context';
import { parseJson, toJson, type Json } from '../../core/json';

const SECRET_KEY = 'frontdesk.idSecret';

/**
 * The installation's secret the ID numbers on the watchlist are hashed with (HMAC-SHA256): an
 * 18-digit ID has too few possibilities for a plain hash to hide it. Made on first use by a write;
 * a read before any exists matches no ID (nothing was hashed yet).
 */
async function idSecret(db: Kysely<DB>, create: boolean): Promise<string | null> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', SECRET_KEY)
    .executeTakeFirst();
  if (row) return parseJson(row.value as Json<string>);
  if (!create) return null;
  const secret = randomBytes(32).toString('hex');
  await db
    .insertInto('settings')
    .values({ key: SECRET_KEY, value: toJson<unknown>(secret) })
    .execute();
  return secret;
}

/** The ID number as hashed: no spaces, upper case (a trailing x of a resident ID). */
export function normaliseIdNumber(idNumber: string): string {
  return idNumber.replace(/\s+/g, '').toUpperCase();
}

/** The hash of an ID number ('' for none, or when no secret exists yet and `create` is false). */
export async function idHash(
  ctx: { db: Kysely<DB> },
  idNumber: string,
  create = false,
): Promise<string> {
  const n = normaliseIdNumber(idNumber);
  if (n === '') return '';
  const secret = await once(ctx, SECRET_KEY, () => idSecret(ctx.db, create));
  if (secret === null) return '';
  return createHmac('sha256', secret).update(n).digest('hex');
}

/** The active watchlist entries, as matching needs them (read once per call). */
export function activeWatch(ctx: { db: Kysely<DB> }): Promise<WatchEntry[]> {
  return once(ctx, 'frontdesk.watch', async () => {
    const rows = await ctx.db
      .selectFrom('frontdeskWatchlist')
      .select(['id', 'kind', 'nameKey', 'orgKey', 'phone', 'idHash', 'reason'])
      .where('active', '=', 1)
      .execute();
    return rows;
  });
}
