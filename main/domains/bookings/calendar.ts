import { addDays } from '../../../shared/dates';
import { MAX_SLOT_MS, type BookingKind } from '../../../shared/bookings/schema';
import { wallInstant } from '../../../shared/bookings/rules';
import type { CalendarView, DayView } from '../../../shared/bookings/views';
import type { OpParsed } from '../../../shared/contract/operations';
import type { ServiceContext } from '../../core/context';
import { callSettings } from '../settings';
import { bookingRows, bookingViews } from './bookings';
import { resourcesById } from './resources';

/**
 * Day and week timelines of one kind of resource: its rows, and the slots that fall in the days
 * shown (a slot from the evening before reaches into the first day). Inactive resources appear
 * only where they still hold something.
 */
export async function calendarOf(
  ctx: ServiceContext,
  input: OpParsed<'bookings.calendar'>,
): Promise<CalendarView> {
  const timeZone = (await callSettings(ctx)).timeZone;
  const fromMs = wallInstant(input.from, '00:00', timeZone);
  const toMs = wallInstant(addDays(input.from, input.days), '00:00', timeZone);
  const resources = await ctx.db
    .selectFrom('bookingResources')
    .select(['id', 'name', 'capacity', 'active'])
    .where('kind', '=', input.resourceKind)
    .orderBy('active', 'desc')
    .orderBy('capacity')
    .orderBy('nameKey')
    .execute();
  const ids = resources.map((r) => r.id);
  const slots =
    ids.length === 0
      ? []
      : await ctx.db
          .selectFrom('bookingSlots as s')
          .innerJoin('bookings as b', 'b.id', 's.bookingId')
          .innerJoin('requests as r', 'r.id', 'b.requestId')
          .select([
            's.resourceId',
            's.bookingId',
            'b.requestId',
            'r.code as requestCode',
            'r.orgName',
            'b.kind',
            'b.status',
            's.startMs',
            's.endMs',
          ])
          .where('s.resourceId', 'in', ids)
          .where('s.startMs', '<', toMs)
          .where('s.startMs', '>', fromMs - MAX_SLOT_MS)
          .where('s.endMs', '>', fromMs)
          .orderBy('s.startMs')
          .orderBy('s.bookingId')
          .execute();
  const holding = new Set(slots.map((s) => s.resourceId));
  return {
    fromMs,
    toMs,
    resources: resources
      .filter((r) => r.active === 1 || holding.has(r.id))
      .map((r) => ({ id: r.id, name: r.name, capacity: r.capacity, active: r.active === 1 })),
    slots,
  };
}

/** More bookings on one day than a sheet can hold: the office's busiest day is a few dozen. */
const DAY_LIMIT = 500;
/** The longest hotel stay a booking may have (shared/bookings/schema.ts: nights ≤ 60). */
const MAX_NIGHTS = 60;

/**
 * Every live booking that touches a company day: the day sheets and the office's today. With
 * them the catalogue entries they name (a car's model, a driver's phone, a room's place) and each
 * request's host, for the printed sheets.
 */
export async function dayOf(
  ctx: ServiceContext,
  input: OpParsed<'bookings.day'>,
): Promise<DayView> {
  const timeZone = (await callSettings(ctx)).timeZone;
  const fromMs = wallInstant(input.date, '00:00', timeZone);
  const toMs = wallInstant(addDays(input.date, 1), '00:00', timeZone);
  // Each kind is looked back only as far as its longest booking can reach into the day: a hotel
  // stay up to 60 nights, anything else up to MAX_SLOT_MS. Two short ranges of bookings_day.
  const touching = (kinds: readonly BookingKind[], longestMs: number) =>
    bookingRows(ctx.db)
      .where('b.kind', 'in', [...kinds])
      .where('b.status', '!=', 'cancelled')
      .where('b.startMs', '<', toMs)
      .where('b.startMs', '>', fromMs - longestMs)
      .where((eb) => eb.or([eb('b.endMs', '>', fromMs), eb('b.startMs', '>=', fromMs)]))
      .limit(DAY_LIMIT)
      .execute();
  const rows = [
    ...(await touching(['car', 'room', 'restaurant', 'ticket', 'supply'], MAX_SLOT_MS)),
    ...(await touching(['hotel'], (MAX_NIGHTS + 1) * 86_400_000)),
  ]
    .sort((a, b) => a.startMs - b.startMs || a.id - b.id)
    .slice(0, DAY_LIMIT);
  const bookings = await bookingViews(ctx, rows, { clashes: false });
  const named = await resourcesById(
    ctx.db,
    bookings.flatMap((b) => Object.keys(b.names).map(Number)),
  );
  const requestIds = [...new Set(bookings.map((b) => b.requestId))];
  const hostRows =
    requestIds.length === 0
      ? []
      : await ctx.db
          .selectFrom('requests as r')
          .innerJoin('users as u', 'u.id', 'r.hostUserId')
          .select(['r.id', 'u.displayName'])
          .where('r.id', 'in', requestIds)
          .execute();
  return {
    date: input.date,
    bookings,
    resources: Object.fromEntries(named),
    hosts: Object.fromEntries(hostRows.map((h) => [h.id, h.displayName])),
  };
}
