import type { Kysely } from 'kysely';
import { DEFAULT_BOOKING_RULES, type BookingRules } from '../../../shared/bookings/rules';
import type { OpParsed } from '../../../shared/contract/operations';
import type { DB } from '../../db/schema';
import { once, type ServiceContext } from '../../core/context';
import { parseJson, toJson, type Json } from '../../core/json';

/** Kept in the settings table under one key of this domain's own. */
const KEY = 'bookings.rules';

export async function getRules(db: Kysely<DB>): Promise<BookingRules> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', KEY)
    .executeTakeFirst();
  if (!row) return { ...DEFAULT_BOOKING_RULES };
  const stored = parseJson(row.value as Json<Partial<BookingRules>>);
  const pick = (v: unknown, d: number) =>
    typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 240 ? v : d;
  return {
    carBufferMinutes: pick(stored.carBufferMinutes, DEFAULT_BOOKING_RULES.carBufferMinutes),
    roomBufferMinutes: pick(stored.roomBufferMinutes, DEFAULT_BOOKING_RULES.roomBufferMinutes),
  };
}

/** The rules, read once per call. */
export function callRules(ctx: { db: Kysely<DB> }): Promise<BookingRules> {
  return once(ctx, KEY, () => getRules(ctx.db));
}

export async function saveRules(
  ctx: ServiceContext,
  input: OpParsed<'bookings.saveRules'>,
): Promise<BookingRules> {
  const value = toJson<unknown>(input);
  await ctx.db
    .insertInto('settings')
    .values({ key: KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
  ctx.audit({ entityType: 'booking_rules', summary: { ...input } });
  return getRules(ctx.db);
}
