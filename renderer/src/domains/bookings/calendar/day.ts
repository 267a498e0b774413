import type { ResourceView, BookingView, DayView } from '../../../../../shared/bookings/views';
import type { BookingKind } from '../../../../../shared/bookings/schema';
import { companyDate } from '../../../../../shared/dates';
import type { Fmt } from '../../requests';

/** What a cell shows when there is nothing to show. */
export const DASH = '—';

/** A booking whose detail is of one kind (the views carry the detail as a union). */
export type BookingOf<K extends BookingKind> = BookingView & {
  detail: Extract<BookingView['detail'], { kind: K }>;
};

const isKind =
  <K extends BookingKind>(kind: K) =>
  (b: BookingView): b is BookingOf<K> =>
    b.detail.kind === kind;

/** The day's live bookings by kind; cars by the driver's call time, the rest by their start. */
export function byKind(day: DayView) {
  const live = day.bookings.filter((b) => b.status !== 'cancelled');
  const sorted = [...live].sort((a, b) => a.startMs - b.startMs || a.id - b.id);
  return {
    car: sorted
      .filter(isKind('car'))
      .sort((a, b) => (a.driverCallMs ?? a.startMs) - (b.driverCallMs ?? b.startMs) || a.id - b.id),
    room: sorted.filter(isKind('room')),
    restaurant: sorted.filter(isKind('restaurant')),
    hotel: sorted.filter(isKind('hotel')),
    ticket: sorted.filter(isKind('ticket')),
    supply: sorted.filter(isKind('supply')),
  };
}

/** A time on the sheet's day as `HH:mm`; on another day with the day in front. */
export function timeOn(fmt: Fmt, ms: number, date: string): string {
  const time = fmt.instant(ms, 'time');
  const on = companyDate(ms, fmt.tz);
  return on === date ? time : `${fmt.day(on, { year: false })} ${time}`;
}

/** The catalogue entry a booking names (from the day view), if it is still there. */
export function resourceOf<K extends ResourceView['details']['kind']>(
  day: DayView,
  id: number,
  kind: K,
): Extract<ResourceView['details'], { kind: K }> | null {
  const r = day.resources[id];
  return r && r.details.kind === kind
    ? (r.details as Extract<ResourceView['details'], { kind: K }>)
    : null;
}

/** `京A12345 帕萨特（4 座）` / the plate alone when the catalogue entry is gone. */
export function vehicleText(fmt: Fmt, day: DayView, b: BookingOf<'car'>): string {
  const v = resourceOf(day, b.detail.vehicleId, 'vehicle');
  const plate = b.names[b.detail.vehicleId] ?? v?.plate ?? '';
  if (!v) return plate;
  return `${plate} ${v.model}${fmt.paren(fmt.t('bookingsCalendar.calendar.seats', { count: v.seats }))}`;
}

/** `赵师傅 13900001111`. */
export function driverText(day: DayView, b: BookingOf<'car'>): string {
  const d = resourceOf(day, b.detail.driverId, 'driver');
  const name = b.names[b.detail.driverId] ?? d?.name ?? '';
  return d?.phone ? `${name} ${d.phone}` : name;
}
