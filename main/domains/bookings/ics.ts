import { toIcs, icsFileName, type IcsEvent } from '../../../shared/bookings/ics';
import type { BookingView, IcsView } from '../../../shared/bookings/views';
import type { OpParsed } from '../../../shared/contract/operations';
import { translate } from '../../../shared/i18n/translate';
import { wallInstant, DRIVER_LEAD_MINUTES } from '../../../shared/bookings/rules';
import { fenToYuanText } from '../../../shared/money';
import { requireActor, type ServiceContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { readableRequest } from '../requests';
import { callSettings } from '../settings';
import { bookingsOfRequest } from './bookings';
import { requestFacts } from './plan';

/** How long an itinerary item lasts in a calendar when the itinerary gives only its start. */
const ITEM_MINUTES = 60;

/** One booking as a calendar event, in the caller's language. */
function bookingEvent(
  b: BookingView,
  t: (key: string, p?: Record<string, string | number>) => string,
): IcsEvent {
  const d = b.detail;
  const name = (id: number) => b.names[id] ?? '';
  let summary: string;
  let location = '';
  const lines: string[] = [`${b.requestCode} · ${b.orgName}`];
  switch (d.kind) {
    case 'car':
      summary = t('bookings.ics.car', {
        carKind: t(`bookings.carKind.${d.carKind}`),
        from: d.from,
        to: d.to,
      });
      location = d.from;
      lines.push(
        t('bookings.ics.carLine', {
          plate: name(d.vehicleId),
          driver: name(d.driverId),
          passengers: d.passengers,
          lead: DRIVER_LEAD_MINUTES,
        }),
      );
      if (d.transportNo) lines.push(d.transportNo);
      break;
    case 'room':
      summary = t('bookings.ics.room', { room: name(d.roomId) });
      location = name(d.roomId);
      lines.push(t('bookings.ics.attendees', { n: d.attendees }));
      break;
    case 'hotel':
      summary = t('bookings.ics.hotel', { hotel: name(d.hotelId) });
      location = name(d.hotelId);
      lines.push(
        t('bookings.ics.hotelLine', { type: d.roomType, rooms: d.rooms, nights: d.nights }),
      );
      break;
    case 'restaurant':
      summary = t('bookings.ics.restaurant', {
        meal: t(`labels.meal.${d.meal}`),
        restaurant: name(d.restaurantId),
      });
      location = [name(d.restaurantId), d.privateRoom].filter(Boolean).join(' ');
      lines.push(
        t('bookings.ics.restaurantLine', {
          covers: d.covers,
          perHead: fenToYuanText(d.perHeadFen) ?? '0',
        }),
      );
      break;
    case 'ticket':
      summary = t('bookings.ics.ticket', { number: d.number || '—', from: d.from, to: d.to });
      lines.push(d.travellers);
      break;
    case 'supply':
      summary = t('bookings.ics.supply');
      break;
  }
  return {
    uid: `booking-${b.id}`,
    startMs: b.startMs,
    endMs: Math.max(b.endMs, b.startMs),
    summary: `${summary} · ${b.orgName}`,
    description: lines.join('\n'),
    location,
    sequence: b.version,
    status:
      b.status === 'cancelled' ? 'CANCELLED' : b.status === 'tentative' ? 'TENTATIVE' : 'CONFIRMED',
    ...(d.kind === 'car' ? { alarmMinutesBefore: DRIVER_LEAD_MINUTES } : {}),
  };
}

/**
 * A request's itinerary merged with its bookings, or one booking, as an .ics file (UTC times,
 * UIDs stable across exports so calendar apps update instead of duplicating).
 */
export async function icsOf(
  ctx: ServiceContext,
  input: OpParsed<'bookings.ics'>,
): Promise<IcsView> {
  const row = requestFacts((await readableRequest(ctx, input.requestId)).row);
  const language = requireActor(ctx).language;
  const t = (key: string, p?: Record<string, string | number>) => translate(language, key, p);
  const timeZone = (await callSettings(ctx)).timeZone;
  const bookings = (await bookingsOfRequest(ctx, row.id)).filter((b) => b.status !== 'cancelled');
  const events: IcsEvent[] = [];
  if (input.bookingId !== null) {
    const one = bookings.find((b) => b.id === input.bookingId);
    if (!one) throw new AppError('NOT_FOUND', 'errors.bookingNotFound');
    events.push(bookingEvent(one, t));
  } else {
    row.body.itinerary.forEach((item, i) => {
      const startMs = wallInstant(item.date, item.time || '09:00', timeZone);
      events.push({
        uid: `request-${row.id}-item-${i + 1}`,
        startMs,
        endMs: startMs + ITEM_MINUTES * 60_000,
        summary: `${item.activity} · ${row.orgName}`,
        description: [row.code, item.owner].filter(Boolean).join('\n'),
        location: item.place,
      });
    });
    for (const b of bookings) events.push(bookingEvent(b, t));
  }
  const base =
    input.bookingId === null ? `${row.code} ${row.orgName}` : `${row.code}-${input.bookingId}`;
  if (events.length === 0) throw new AppError('CONFLICT', 'errors.nothingToExport');
  return {
    fileName: icsFileName(base),
    text: toIcs(events, { nowMs: ctx.nowMs, calendarName: `${row.code} ${row.orgName}` }),
  };
}
