import type { ItineraryItem } from '../requests';
import { wallInstant } from './rules';
import type { BookingStatus } from './schema';

/** One row of a visit's timeline: an itinerary item of the request, or one of its bookings. */
export type TimelineEntry<B> =
  | {
      type: 'item';
      startMs: number;
      /** The item gave no time: it is placed at the start of its day. */
      timeKnown: boolean;
      item: ItineraryItem;
      /** Its place in the request's itinerary (stable keys). */
      index: number;
    }
  | { type: 'booking'; startMs: number; booking: B };

/**
 * The request's itinerary merged with its bookings in time order (the dossier's 预订与行程 tab).
 * Items are company-zone dates and times; an item without a time stands at 00:00 of its day.
 * Cancelled bookings are left out. At the same instant itinerary items come first, then bookings
 * by start; otherwise the order each list had is kept (the sort is stable).
 */
export function mergeItinerary<B extends { startMs: number; status: BookingStatus }>(
  items: readonly ItineraryItem[],
  bookings: readonly B[],
  timeZone: string,
): TimelineEntry<B>[] {
  const entries: TimelineEntry<B>[] = [
    ...items.map((item, index): TimelineEntry<B> => ({
      type: 'item',
      startMs: wallInstant(item.date, item.time || '00:00', timeZone),
      timeKnown: item.time !== '',
      item,
      index,
    })),
    ...bookings
      .filter((b) => b.status !== 'cancelled')
      .map((booking): TimelineEntry<B> => ({ type: 'booking', startMs: booking.startMs, booking })),
  ];
  const rank = (e: TimelineEntry<B>) => (e.type === 'item' ? 0 : 1);
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.startMs - b.e.startMs || rank(a.e) - rank(b.e) || a.i - b.i)
    .map(({ e }) => e);
}
