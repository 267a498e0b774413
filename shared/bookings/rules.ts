import { addDays, instantOf } from '../dates';
import type { Fen } from '../money';
import type { BookingDetail, BookingKind, ResourceKind } from './schema';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** The procedures: "the driver is at the pickup point 15 minutes early". */
export const DRIVER_LEAD_MINUTES = 15;

/** The buffers kept free around a confirmed booking (minutes), configurable by the admin office. */
export interface BookingRules {
  carBufferMinutes: number;
  roomBufferMinutes: number;
}
export const DEFAULT_BOOKING_RULES: BookingRules = { carBufferMinutes: 15, roomBufferMinutes: 0 };

/** How long a planned meal holds its table, and when a meal starts if the plan says nothing. */
export const MEAL_MINUTES = 120;
export const HOTEL_CHECK_IN = '14:00';
export const HOTEL_CHECK_OUT = '12:00';

/** The instant a company-zone date and `HH:mm` time stand for. */
export function wallInstant(date: string, time: string, timeZone: string): number {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  return instantOf(
    { year: y ?? 1970, month: mo ?? 1, day: d ?? 1, hour: h ?? 0, minute: mi ?? 0, second: 0 },
    timeZone,
  );
}

/**
 * The stretch of time a booking stands for. Cars and rooms: as typed. Hotels: check-in day 14:00
 * to check-out day 12:00. Restaurants: the meal's time for two hours. Tickets: the departure
 * (an instant). Supplies: the day they are issued.
 */
export function bookingSpan(
  detail: BookingDetail,
  timeZone: string,
): { startMs: number; endMs: number } {
  switch (detail.kind) {
    case 'car':
    case 'room':
      return {
        startMs: wallInstant(detail.startDate, detail.startTime, timeZone),
        endMs: wallInstant(detail.endDate, detail.endTime, timeZone),
      };
    case 'hotel':
      return {
        startMs: wallInstant(detail.checkInDate, HOTEL_CHECK_IN, timeZone),
        endMs: wallInstant(addDays(detail.checkInDate, detail.nights), HOTEL_CHECK_OUT, timeZone),
      };
    case 'restaurant': {
      const startMs = wallInstant(detail.date, detail.time, timeZone);
      return { startMs, endMs: startMs + MEAL_MINUTES * MINUTE_MS };
    }
    case 'ticket': {
      const startMs = wallInstant(detail.departDate, detail.departTime, timeZone);
      return { startMs, endMs: startMs };
    }
    case 'supply':
      return {
        startMs: wallInstant(detail.date, '00:00', timeZone),
        endMs: wallInstant(addDays(detail.date, 1), '00:00', timeZone),
      };
  }
}

/** When the driver must be at the pickup point. */
export function driverCallMs(startMs: number): number {
  return startMs - DRIVER_LEAD_MINUTES * MINUTE_MS;
}

/** The resources a booking holds for its time (what the conflict check guards). */
export function heldResources(detail: BookingDetail): number[] {
  if (detail.kind === 'car') return [detail.vehicleId, detail.driverId];
  if (detail.kind === 'room') return [detail.roomId];
  return [];
}

/** The catalogue kind each field of a booking must point at. */
export function resourceRefs(detail: BookingDetail): { id: number; kind: ResourceKind }[] {
  switch (detail.kind) {
    case 'car':
      return [
        { id: detail.vehicleId, kind: 'vehicle' },
        { id: detail.driverId, kind: 'driver' },
      ];
    case 'room':
      return [{ id: detail.roomId, kind: 'room' }];
    case 'hotel':
      return [{ id: detail.hotelId, kind: 'hotel' }];
    case 'restaurant':
      return [{ id: detail.restaurantId, kind: 'restaurant' }];
    case 'ticket':
      return [];
    case 'supply':
      return detail.items.map((i) => ({ id: i.supplyId, kind: 'supply' as const }));
  }
}

/** The buffer around a resource's bookings, by what it is. */
export function bufferMs(kind: ResourceKind, rules: BookingRules): number {
  const minutes =
    kind === 'vehicle' || kind === 'driver' ? rules.carBufferMinutes : rules.roomBufferMinutes;
  return minutes * MINUTE_MS;
}

/**
 * Two holds of one resource collide when they come closer than the buffer. Touching is fine:
 * 09:00–10:00 and 10:00–11:00 with no buffer, or 10:15 after a 10:00 end with 15 minutes.
 * The SQL check (main/domains/bookings/conflicts.ts) is this inequality; a property test holds
 * them to each other.
 */
export function overlaps(
  a: { startMs: number; endMs: number },
  b: { startMs: number; endMs: number },
  buffer: number,
): boolean {
  return a.startMs < b.endMs + buffer && b.startMs < a.endMs + buffer;
}

/** What a booking costs, as far as its own fields tell (tickets and meals and rooms). */
export function bookingAmountFen(detail: BookingDetail, hotelPriceFen: Fen | null): Fen {
  switch (detail.kind) {
    case 'hotel':
      return (hotelPriceFen ?? 0) * detail.rooms * detail.nights;
    case 'restaurant':
      return detail.perHeadFen * detail.covers;
    case 'ticket':
      return detail.priceFen;
    default:
      return 0;
  }
}

/**
 * A meal's price per head against the tier's cap: the part above it is marked (the seed's 超标
 * part, borne by the host unless an executive allows it). No cap (the visitor pays): nothing over.
 */
export function mealOverCap(
  perHeadFen: Fen,
  covers: number,
  capFen: Fen | null,
): { overPerHeadFen: Fen; overTotalFen: Fen } {
  if (capFen === null || perHeadFen <= capFen) return { overPerHeadFen: 0, overTotalFen: 0 };
  const over = perHeadFen - capFen;
  return { overPerHeadFen: over, overTotalFen: over * covers };
}

/** Statuses that hold a resource: a confirmed booking blocks; a tentative one only warns. */
export function blocks(status: string): boolean {
  return status === 'confirmed' || status === 'done';
}

/** The booking kinds that take a vehicle, driver or room for their time. */
export const TIMED_KINDS: readonly BookingKind[] = ['car', 'room'];

export const HOUR = HOUR_MS;
