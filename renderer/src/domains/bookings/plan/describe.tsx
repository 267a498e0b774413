import { Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type {
  BookingDetail,
  BookingStatus,
  BookingView,
  Need,
} from '../../../../../shared/bookings';
import type { BookingFmt } from './fmt';

/** One colour per booking status: gold while tentative, green confirmed, grey when over. */
export const BOOKING_STATUS_COLOR: Record<BookingStatus, string> = {
  tentative: 'gold',
  confirmed: 'success',
  done: 'blue',
  cancelled: 'default',
};

export function BookingStatusTag({ status, fmt }: { status: BookingStatus; fmt: BookingFmt }) {
  return (
    <Tag color={BOOKING_STATUS_COLOR[status]} data-testid="booking-status">
      {fmt.t(`bookings.status.${status}`)}
    </Tag>
  );
}

/** The kind of a booking, as a short title: 接站 for a pickup, else 会议室, 住宿 … */
export function kindTitle(detail: { kind: BookingDetail['kind'] } & object, fmt: BookingFmt) {
  if (detail.kind === 'car' && 'carKind' in detail) {
    return fmt.t(`bookings.carKind.${String(detail.carKind)}`);
  }
  return fmt.t(`bookings.kind.${detail.kind}`);
}

/**
 * What a plan line asks for, in one line: time, people, flight or train, equipment, rooms and
 * nights, covers and the price per head against the tier's cap.
 */
export function describeNeed(
  p: BookingDetail,
  need: Need,
  fmt: BookingFmt,
  mealCapFen: number | null | undefined,
): ReactNode {
  const { t } = fmt;
  const when = fmt.span(need.startMs, need.endMs);
  switch (p.kind) {
    case 'car':
      return fmt.parts([
        `${p.from} → ${p.to}`,
        when,
        t('bookingsPlan.ask.people', { n: p.passengers }),
        p.transportNo && t('bookingsPlan.ask.transportNo', { no: p.transportNo }),
      ]);
    case 'room':
      return fmt.parts([
        when,
        t('bookingsPlan.ask.people', { n: p.attendees }),
        (need.equipment?.length ?? 0) > 0 &&
          t('bookingsPlan.ask.equipment', {
            list: fmt.list((need.equipment ?? []).map((e) => t(`labels.equipment.${e}`))),
          }),
      ]);
    case 'hotel':
      return fmt.parts([
        fmt.span(need.startMs, need.endMs),
        t('bookingsPlan.ask.roomsNights', { rooms: p.rooms, nights: p.nights }),
        t(`bookings.payer.${p.payer}`),
      ]);
    case 'restaurant': {
      const over = mealCapFen !== null && mealCapFen !== undefined && p.perHeadFen > mealCapFen;
      return (
        <>
          {fmt.parts([
            `${t(`labels.meal.${p.meal}`)} ${fmt.instant(need.startMs)}`,
            t('bookingsPlan.ask.covers', { n: p.covers }),
            t('bookingsPlan.ask.perHead', { amount: fmt.money(p.perHeadFen) }),
            mealCapFen === null
              ? t('bookingsPlan.ask.noCap')
              : mealCapFen !== undefined &&
                t('bookingsPlan.ask.cap', { amount: fmt.money(mealCapFen) }),
          ])}
          {over && (
            <Typography.Text type="danger" className="bp-over">
              {' '}
              {t('bookingsPlan.ask.overCap', { amount: fmt.money(p.perHeadFen - mealCapFen) })}
            </Typography.Text>
          )}
        </>
      );
    }
    case 'ticket':
      return fmt.parts([
        `${t(`bookings.ticketMode.${p.mode}`)} ${p.number}`.trim(),
        `${p.from} → ${p.to}`,
        fmt.instant(need.startMs),
        p.travellers && t('bookingsPlan.ask.travellers', { list: p.travellers }),
      ]);
    case 'supply':
      return fmt.parts([
        fmt.day(p.date),
        t('bookingsPlan.ask.quantity', { n: p.items.reduce((s, i) => s + i.quantity, 0) }),
      ]);
  }
}

/**
 * What was booked, in one line: the resources by name, the time, the driver's call time, the
 * meal against its cap with the over-cap part in red.
 */
export function describeBooking(b: BookingView, fmt: BookingFmt): ReactNode {
  const { t } = fmt;
  const d = b.detail;
  const name = (id: number) => b.names[id] ?? `#${id}`;
  switch (d.kind) {
    case 'car':
      return (
        <>
          {fmt.parts([
            `${name(d.vehicleId)} · ${name(d.driverId)}`,
            `${d.from} → ${d.to}`,
            fmt.span(b.startMs, b.endMs),
            t('bookingsPlan.ask.people', { n: d.passengers }),
            d.transportNo && t('bookingsPlan.ask.transportNo', { no: d.transportNo }),
          ])}
          {b.driverCallMs !== null && (
            <Tag color="processing" className="bp-call" data-testid="driver-call">
              {t('bookingsPlan.booking.driverCall', {
                time: fmt.instant(b.driverCallMs, 'time'),
              })}
            </Tag>
          )}
        </>
      );
    case 'room':
      return fmt.parts([
        name(d.roomId),
        fmt.span(b.startMs, b.endMs),
        t('bookingsPlan.ask.people', { n: d.attendees }),
        d.setup.length > 0 &&
          fmt.list(
            d.setup.map(
              (s) =>
                `${t(`bookings.setupItem.${s.item}`)}${s.done ? ' ✓' : ''}${
                  s.responsible ? fmt.paren(s.responsible) : ''
                }`,
            ),
          ),
      ]);
    case 'hotel':
      return fmt.parts([
        `${name(d.hotelId)} ${d.roomType}`,
        fmt.span(b.startMs, b.endMs),
        t('bookingsPlan.ask.roomsNights', { rooms: d.rooms, nights: d.nights }),
        t(`bookings.payer.${d.payer}`),
        t('bookingsPlan.booking.amount', { amount: fmt.money(b.amountFen) }),
      ]);
    case 'restaurant': {
      const cap = b.mealCap;
      return (
        <>
          {fmt.parts([
            `${name(d.restaurantId)}${d.privateRoom ? ` ${d.privateRoom}` : ''}`,
            `${t(`labels.meal.${d.meal}`)} ${fmt.instant(b.startMs)}`,
            t('bookingsPlan.ask.covers', { n: d.covers }),
            t('bookingsPlan.ask.perHead', { amount: fmt.money(d.perHeadFen) }),
          ])}{' '}
          {cap && cap.overPerHeadFen > 0 ? (
            <Typography.Text type="danger" strong data-testid="over-cap">
              {t('bookingsPlan.booking.overCap', {
                per: fmt.money(cap.overPerHeadFen),
                total: fmt.money(cap.overTotalFen),
              })}
            </Typography.Text>
          ) : (
            cap &&
            cap.capFen !== null && (
              <Typography.Text type="secondary">
                {t('bookingsPlan.booking.withinCap', { cap: fmt.money(cap.capFen) })}
              </Typography.Text>
            )
          )}
        </>
      );
    }
    case 'ticket':
      return fmt.parts([
        `${t(`bookings.ticketMode.${d.mode}`)} ${d.number}`.trim(),
        `${d.from} → ${d.to}`,
        fmt.instant(b.startMs),
        d.travellers,
        d.priceFen > 0 && fmt.money(d.priceFen),
        t(`bookings.ticketStatus.${d.ticketStatus}`),
      ]);
    case 'supply':
      return fmt.parts([
        fmt.day(d.date),
        fmt.list(
          d.items.map(
            (i) =>
              `${name(i.supplyId)} × ${i.quantity}${
                i.returned > 0
                  ? fmt.paren(t('bookingsPlan.booking.returned', { n: i.returned }))
                  : ''
              }`,
          ),
        ),
      ]);
  }
}

/** A short name of what a booking or line is about, for button labels and toasts. */
export function shortWhat(
  p: { kind: BookingDetail['kind'] } & object,
  startMs: number,
  fmt: BookingFmt,
): string {
  return `${kindTitle(p, fmt)} ${fmt.instant(startMs)}`;
}
