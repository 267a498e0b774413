import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTrainNo, isTransportNo, normalizeTransportNo } from '../validation/transport';
import {
  blocks,
  bookingAmountFen,
  bookingSpan,
  bufferMs,
  DEFAULT_BOOKING_RULES,
  driverCallMs,
  heldResources,
  mealOverCap,
  overlaps,
  resourceRefs,
  wallInstant,
} from './rules';
import {
  bookingDetailSchema,
  isPlate,
  normalizePlate,
  resourceInputSchema,
  type BookingDetail,
} from './schema';

const SH = 'Asia/Shanghai';
const MIN = 60_000;
const HOUR = 60 * MIN;
/** Shanghai is UTC+8 all year (no daylight saving): local wall time = UTC + 8 h. */
const sh = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);

const car = (
  startDate: string,
  startTime: string,
  endDate: string,
  endTime: string,
): BookingDetail => ({
  kind: 'car',
  carKind: 'pickup',
  vehicleId: 7,
  driverId: 9,
  from: '首都机场T3',
  to: '公司',
  passengers: 3,
  transportNo: 'CA1234',
  startDate,
  startTime,
  endDate,
  endTime,
});

const room = (
  startDate: string,
  startTime: string,
  endDate: string,
  endTime: string,
): BookingDetail => ({
  kind: 'room',
  roomId: 4,
  attendees: 5,
  setup: [],
  startDate,
  startTime,
  endDate,
  endTime,
});

const hotel = (checkInDate: string, nights: number): BookingDetail => ({
  kind: 'hotel',
  hotelId: 3,
  roomType: '标准间',
  rooms: 2,
  checkInDate,
  nights,
  payer: 'visitor',
});

const restaurant = (date: string, time: string): BookingDetail => ({
  kind: 'restaurant',
  restaurantId: 5,
  privateRoom: '',
  meal: 'dinner',
  date,
  time,
  covers: 4,
  perHeadFen: 12_000,
});

const ticket = (departDate: string, departTime: string): BookingDetail => ({
  kind: 'ticket',
  mode: 'rail',
  travellers: '陈立、Anna Müller',
  from: '北京南',
  to: '上海虹桥',
  departDate,
  departTime,
  number: 'G102',
  priceFen: 55_300,
  ticketStatus: 'to_book',
});

const supply = (date: string): BookingDetail => ({
  kind: 'supply',
  date,
  items: [
    { supplyId: 11, quantity: 2 },
    { supplyId: 12, quantity: 1 },
  ],
});

describe('wallInstant', () => {
  it.each([
    ['2026-12-01', '13:00', sh(2026, 12, 1, 13)],
    ['2026-12-01', '00:00', sh(2026, 12, 1)],
    ['2026-12-31', '23:59', sh(2026, 12, 31, 23, 59)],
    ['2027-01-01', '07:30', sh(2027, 1, 1, 7, 30)],
    ['2028-02-29', '08:00', sh(2028, 2, 29, 8)],
  ])('%s %s in Shanghai is %d', (date, time, ms) => {
    expect(wallInstant(date, time, SH)).toBe(ms);
  });

  it('reads the wall clock of the zone it is given, not the machine’s', () => {
    expect(wallInstant('2026-12-01', '13:00', 'UTC')).toBe(Date.UTC(2026, 11, 1, 13));
    expect(wallInstant('2026-07-01', '13:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 6, 1, 11));
    expect(wallInstant('2026-12-01', '13:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 11, 1, 12));
  });
});

describe('bookingSpan: the stretch of time each kind of booking stands for', () => {
  const cases: [string, BookingDetail, number, number][] = [
    [
      'a car as typed',
      car('2026-12-01', '13:00', '2026-12-01', '14:30'),
      sh(2026, 12, 1, 13),
      sh(2026, 12, 1, 14, 30),
    ],
    [
      'a car across midnight',
      car('2026-12-01', '22:30', '2026-12-02', '01:15'),
      sh(2026, 12, 1, 22, 30),
      sh(2026, 12, 2, 1, 15),
    ],
    [
      'a car across a month end',
      car('2026-11-30', '23:00', '2026-12-01', '00:30'),
      sh(2026, 11, 30, 23),
      sh(2026, 12, 1, 0, 30),
    ],
    [
      'a car across the year end',
      car('2026-12-31', '22:00', '2027-01-01', '02:00'),
      sh(2026, 12, 31, 22),
      sh(2027, 1, 1, 2),
    ],
    [
      'a room as typed',
      room('2026-12-01', '09:00', '2026-12-01', '11:00'),
      sh(2026, 12, 1, 9),
      sh(2026, 12, 1, 11),
    ],
    [
      'a room across the year end',
      room('2026-12-31', '20:00', '2027-01-01', '01:00'),
      sh(2026, 12, 31, 20),
      sh(2027, 1, 1, 1),
    ],
    [
      'a hotel: check-in 14:00 to check-out 12:00',
      hotel('2026-12-01', 2),
      sh(2026, 12, 1, 14),
      sh(2026, 12, 3, 12),
    ],
    [
      'a hotel across a month end',
      hotel('2026-11-30', 1),
      sh(2026, 11, 30, 14),
      sh(2026, 12, 1, 12),
    ],
    [
      'a hotel across the year end',
      hotel('2026-12-31', 3),
      sh(2026, 12, 31, 14),
      sh(2027, 1, 3, 12),
    ],
    [
      'a hotel over 28 February of a common year',
      hotel('2027-02-28', 1),
      sh(2027, 2, 28, 14),
      sh(2027, 3, 1, 12),
    ],
    [
      'a hotel over 29 February of a leap year',
      hotel('2028-02-28', 2),
      sh(2028, 2, 28, 14),
      sh(2028, 3, 1, 12),
    ],
    [
      'a meal holds its table for two hours',
      restaurant('2026-12-01', '18:00'),
      sh(2026, 12, 1, 18),
      sh(2026, 12, 1, 20),
    ],
    [
      'a late meal across the year end',
      restaurant('2026-12-31', '23:00'),
      sh(2026, 12, 31, 23),
      sh(2027, 1, 1, 1),
    ],
    [
      'a ticket is its departure',
      ticket('2026-12-02', '15:00'),
      sh(2026, 12, 2, 15),
      sh(2026, 12, 2, 15),
    ],
    ['supplies: the day they are issued', supply('2026-12-01'), sh(2026, 12, 1), sh(2026, 12, 2)],
    [
      'supplies on the last day of a month',
      supply('2026-11-30'),
      sh(2026, 11, 30),
      sh(2026, 12, 1),
    ],
    ['supplies on new year’s eve', supply('2026-12-31'), sh(2026, 12, 31), sh(2027, 1, 1)],
  ];
  it.each(cases)('%s', (_name, detail, startMs, endMs) => {
    expect(bookingSpan(detail, SH)).toEqual({ startMs, endMs });
  });

  it('a car’s span is exactly the difference of its wall times (no zone drift over midnight)', () => {
    const day = fc.integer({ min: 0, max: 800 });
    const minute = fc.integer({ min: 0, max: 1439 });
    fc.assert(
      fc.property(day, minute, fc.integer({ min: 1, max: 3 * 1440 }), (d, m, length) => {
        const at = (minuteOfRun: number) => {
          const ms = Date.UTC(2026, 0, 1) + minuteOfRun * MIN;
          const iso = new Date(ms).toISOString();
          return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
        };
        const s = at(d * 1440 + m);
        const e = at(d * 1440 + m + length);
        const span = bookingSpan(car(s.date, s.time, e.date, e.time), SH);
        expect(span.endMs - span.startMs).toBe(length * MIN);
        expect(span.startMs).toBe(Date.UTC(2026, 0, 1) + (d * 1440 + m) * MIN - 8 * HOUR);
      }),
    );
  });
});

describe('driverCallMs', () => {
  it('is 15 minutes before the pickup, across midnight and the year end too', () => {
    expect(driverCallMs(sh(2026, 12, 1, 9, 30))).toBe(sh(2026, 12, 1, 9, 15));
    expect(driverCallMs(sh(2026, 12, 2, 0, 10))).toBe(sh(2026, 12, 1, 23, 55));
    expect(driverCallMs(sh(2027, 1, 1, 0, 0))).toBe(sh(2026, 12, 31, 23, 45));
  });
});

describe('overlaps', () => {
  const at = (h: number, m = 0) => sh(2026, 12, 1, h, m);
  const span = (a: [number, number], b: [number, number]) => ({
    startMs: at(...a),
    endMs: at(...b),
  });
  const cases: [string, [number, number], [number, number], number, boolean][] = [
    // [name, b start, b end, buffer minutes, overlaps] against a = 10:00–11:00
    ['the same time', [10, 0], [11, 0], 0, true],
    ['inside', [10, 15], [10, 45], 0, true],
    ['around', [9, 0], [12, 0], 0, true],
    ['starts within', [10, 59], [12, 0], 0, true],
    ['ends within', [9, 0], [10, 1], 0, true],
    ['touching after, no buffer', [11, 0], [12, 0], 0, false],
    ['touching before, no buffer', [9, 0], [10, 0], 0, false],
    ['apart, no buffer', [12, 0], [13, 0], 0, false],
    ['after, within a 15-minute buffer', [11, 10], [12, 0], 15, true],
    ['after, one minute short of the buffer', [11, 14], [12, 0], 15, true],
    ['after, touching the buffer', [11, 15], [12, 0], 15, false],
    ['before, within a 15-minute buffer', [9, 0], [9, 50], 15, true],
    ['before, touching the buffer', [9, 0], [9, 45], 15, false],
    ['apart by more than the buffer', [12, 0], [13, 0], 15, false],
    ['touching with a buffer', [11, 0], [12, 0], 15, true],
  ];
  it.each(cases)('10:00–11:00 and %s', (_name, bStart, bEnd, buffer, expected) => {
    const a = span([10, 0], [11, 0]);
    const b = span(bStart, bEnd);
    expect(overlaps(a, b, buffer * MIN)).toBe(expected);
    expect(overlaps(b, a, buffer * MIN)).toBe(expected);
  });

  it('across midnight and a month end', () => {
    const late = { startMs: sh(2026, 11, 30, 22), endMs: sh(2026, 12, 1, 1) };
    expect(overlaps(late, { startMs: sh(2026, 12, 1, 0, 30), endMs: sh(2026, 12, 1, 2) }, 0)).toBe(
      true,
    );
    expect(overlaps(late, { startMs: sh(2026, 12, 1, 1), endMs: sh(2026, 12, 1, 2) }, 0)).toBe(
      false,
    );
    expect(
      overlaps(late, { startMs: sh(2026, 12, 1, 1, 10), endMs: sh(2026, 12, 1, 2) }, 15 * MIN),
    ).toBe(true);
    expect(
      overlaps(late, { startMs: sh(2026, 11, 30, 20), endMs: sh(2026, 11, 30, 21, 50) }, 15 * MIN),
    ).toBe(true);
  });

  it('is "the gap between the two is shorter than the buffer", for any two spans', () => {
    const spanArb = fc
      .tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 600 }))
      .map(([s, len]) => ({ startMs: s * MIN, endMs: (s + len) * MIN }));
    fc.assert(
      fc.property(spanArb, spanArb, fc.integer({ min: 0, max: 120 }), (a, b, buffer) => {
        // The gap between two spans: negative when they share time, zero when they touch.
        const gap = Math.max(a.startMs, b.startMs) - Math.min(a.endMs, b.endMs);
        expect(overlaps(a, b, buffer * MIN)).toBe(gap < buffer * MIN);
        expect(overlaps(a, b, buffer * MIN)).toBe(overlaps(b, a, buffer * MIN));
      }),
    );
  });
});

describe('buffers, holds and what blocks', () => {
  it('cars and drivers keep the car buffer, rooms the room buffer', () => {
    const rules = { carBufferMinutes: 20, roomBufferMinutes: 5 };
    expect(bufferMs('vehicle', rules)).toBe(20 * MIN);
    expect(bufferMs('driver', rules)).toBe(20 * MIN);
    expect(bufferMs('room', rules)).toBe(5 * MIN);
    expect(bufferMs('room', { carBufferMinutes: 20, roomBufferMinutes: 0 })).toBe(0);
  });

  it('defaults: 15 minutes for cars and drivers, none for rooms', () => {
    expect(DEFAULT_BOOKING_RULES).toEqual({ carBufferMinutes: 15, roomBufferMinutes: 0 });
    expect(bufferMs('vehicle', DEFAULT_BOOKING_RULES)).toBe(15 * MIN);
    expect(bufferMs('driver', DEFAULT_BOOKING_RULES)).toBe(15 * MIN);
    expect(bufferMs('room', DEFAULT_BOOKING_RULES)).toBe(0);
  });

  it('a car holds its vehicle and its driver, a room its room, the rest nothing', () => {
    expect(heldResources(car('2026-12-01', '09:00', '2026-12-01', '10:00'))).toEqual([7, 9]);
    expect(heldResources(room('2026-12-01', '09:00', '2026-12-01', '10:00'))).toEqual([4]);
    for (const d of [
      hotel('2026-12-01', 1),
      restaurant('2026-12-01', '12:00'),
      ticket('2026-12-01', '12:00'),
      supply('2026-12-01'),
    ]) {
      expect(heldResources(d)).toEqual([]);
    }
  });

  it('each booking names the catalogue kind of each id it refers to', () => {
    expect(resourceRefs(car('2026-12-01', '09:00', '2026-12-01', '10:00'))).toEqual([
      { id: 7, kind: 'vehicle' },
      { id: 9, kind: 'driver' },
    ]);
    expect(resourceRefs(hotel('2026-12-01', 1))).toEqual([{ id: 3, kind: 'hotel' }]);
    expect(resourceRefs(restaurant('2026-12-01', '12:00'))).toEqual([
      { id: 5, kind: 'restaurant' },
    ]);
    expect(resourceRefs(ticket('2026-12-01', '12:00'))).toEqual([]);
    expect(resourceRefs(supply('2026-12-01'))).toEqual([
      { id: 11, kind: 'supply' },
      { id: 12, kind: 'supply' },
    ]);
  });

  it.each([
    ['confirmed', true],
    ['done', true],
    ['tentative', false],
    ['cancelled', false],
  ])('a %s booking blocks: %s', (status, expected) => {
    expect(blocks(status)).toBe(expected);
  });
});

describe('money', () => {
  it.each([
    ['above the cap', 12_000, 3, 10_000, 2_000, 6_000],
    ['at the cap', 10_000, 3, 10_000, 0, 0],
    ['below the cap', 8_000, 3, 10_000, 0, 0],
    ['one fen above', 10_001, 12, 10_000, 1, 12],
    ['no cap (the visitor pays)', 30_000, 5, null, 0, 0],
  ])('a meal %s', (_name, perHead, covers, cap, overPerHead, overTotal) => {
    expect(mealOverCap(perHead, covers, cap)).toEqual({
      overPerHeadFen: overPerHead,
      overTotalFen: overTotal,
    });
  });

  it('what a booking costs by its own fields', () => {
    expect(bookingAmountFen(hotel('2026-12-01', 3), 45_000)).toBe(45_000 * 2 * 3);
    expect(bookingAmountFen(hotel('2026-12-01', 3), null)).toBe(0);
    expect(bookingAmountFen(restaurant('2026-12-01', '12:00'), null)).toBe(12_000 * 4);
    expect(bookingAmountFen(ticket('2026-12-01', '12:00'), null)).toBe(55_300);
    expect(bookingAmountFen(car('2026-12-01', '09:00', '2026-12-01', '10:00'), null)).toBe(0);
  });
});

describe('plates (车牌)', () => {
  it.each([
    ['京A12345', '京A12345'],
    ['京A 12345', '京A12345'],
    ['京a12345', '京A12345'],
    ['沪b·d12345', '沪BD12345'],
    ['粤B-12345', '粤B12345'],
    ['粤B.12345', '粤B12345'],
    ['  苏E 123_45 ', '苏E12345'],
    ['京Ａ１２３４５', '京A12345'],
    ['京AD12345', '京AD12345'],
    ['粤B1234学', '粤B1234学'],
    ['京A1234警', '京A1234警'],
  ])('%j is kept as %j and accepted', (raw, kept) => {
    expect(normalizePlate(raw)).toBe(kept);
    expect(isPlate(normalizePlate(raw))).toBe(true);
  });

  it.each(['12345', '京12345', 'AB12345', '京A123', '京A1234567', '京A12 3 4 5 6 7', '', '京'])(
    '%j is refused',
    (raw) => {
      expect(isPlate(normalizePlate(raw))).toBe(false);
    },
  );

  it('the catalogue schema keeps the normalised plate and refuses a bad one on its field', () => {
    const ok = resourceInputSchema.parse({
      kind: 'vehicle',
      plate: '京b·67890',
      model: '别克GL8',
      seats: 7,
    });
    expect(ok).toMatchObject({ plate: '京B67890' });
    const bad = resourceInputSchema.safeParse({
      kind: 'vehicle',
      plate: '67890',
      model: '别克GL8',
      seats: 7,
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['plate', 'validation.plate'],
    ]);
  });
});

describe('flight and train numbers', () => {
  it.each([
    ['CA1234', 'CA1234'],
    ['ca 1234', 'CA1234'],
    [' mu 5101 ', 'MU5101'],
    ['ＭＵ５１０１', 'MU5101'],
    ['3U 8888', '3U8888'],
    ['9C8888', '9C8888'],
    ['CA123A', 'CA123A'],
    ['g 102', 'G102'],
    ['D3101', 'D3101'],
    ['k 1234', 'K1234'],
    ['Z 1', 'Z1'],
    ['1461', '1461'],
  ])('%j is kept as %j and accepted', (raw, kept) => {
    expect(normalizeTransportNo(raw)).toBe(kept);
    expect(isTransportNo(normalizeTransportNo(raw))).toBe(true);
  });

  it.each([
    'CA12345',
    'CA 12 34 56',
    'C',
    'ABC',
    'CA-1234',
    'G1234567',
    '1234567',
    '123456',
    '航班CA1234',
  ])('%j is refused', (raw) => {
    expect(isTransportNo(normalizeTransportNo(raw))).toBe(false);
  });

  it.each([
    ['G102', true],
    ['D3101', true],
    ['K1234', true],
    ['1461', true],
    ['CA1234', false],
    ['MU5101', false],
    ['3U8888', false],
    ['9C8888', false],
    ['GS7505', false],
    ['', false],
  ])('%j is a train: %s', (no, expected) => {
    expect(isTrainNo(no)).toBe(expected);
  });

  it('a booking keeps the number without spaces; an empty one is allowed; a bad one is refused', () => {
    const base = car('2026-12-01', '09:00', '2026-12-01', '10:00');
    expect(bookingDetailSchema.parse({ ...base, transportNo: ' mu 5101 ' })).toMatchObject({
      transportNo: 'MU5101',
    });
    expect(bookingDetailSchema.parse({ ...base, transportNo: '' })).toMatchObject({
      transportNo: '',
    });
    const bad = bookingDetailSchema.safeParse({ ...base, transportNo: 'CA 12 34 56' });
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['transportNo', 'validation.transportNo'],
    ]);
    const ticketBad = bookingDetailSchema.safeParse({
      ...ticket('2026-12-01', '12:00'),
      number: 'G 1 0 2 3 4 5 6',
    });
    expect(ticketBad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['number', 'validation.transportNo'],
    ]);
  });
});
