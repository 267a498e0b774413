import { describe, expect, it } from 'vitest';
import type { ItineraryItem } from '../requests';
import { mergeItinerary } from './itinerary';
import type { BookingStatus } from './schema';

const ZONE = 'Asia/Shanghai';
/** 2026-12-01 hh:mm in Shanghai (UTC+8). */
const at = (hhmm: string, day = '01') => Date.parse(`2026-12-${day}T${hhmm}:00+08:00`);
const item = (date: string, time: string, activity: string): ItineraryItem => ({
  date,
  time,
  activity,
  place: '',
  owner: '',
});
const booking = (id: number, startMs: number, status: BookingStatus = 'confirmed') => ({
  id,
  startMs,
  status,
});

/** The merged order, as short labels: items by activity, bookings as `#id`. */
function order(
  items: ItineraryItem[],
  bookings: { id: number; startMs: number; status: BookingStatus }[],
) {
  return mergeItinerary(items, bookings, ZONE).map((e) =>
    e.type === 'item' ? e.item.activity : `#${e.booking.id}`,
  );
}

describe('mergeItinerary', () => {
  const cases: [
    string,
    ItineraryItem[],
    { id: number; startMs: number; status: BookingStatus }[],
    string[],
  ][] = [
    ['nothing', [], [], []],
    [
      'only items, kept in time order',
      [item('2026-12-01', '14:00', 'b'), item('2026-12-01', '10:00', 'a')],
      [],
      ['a', 'b'],
    ],
    ['only bookings', [], [booking(2, at('12:00')), booking(1, at('09:30'))], ['#1', '#2']],
    [
      'interleaved by time',
      [item('2026-12-01', '10:00', '座谈'), item('2026-12-01', '12:00', '午餐')],
      [
        booking(1, at('09:30')),
        booking(2, at('10:00')),
        booking(3, at('12:00')),
        booking(4, at('14:00')),
      ],
      ['#1', '座谈', '#2', '午餐', '#3', '#4'],
    ],
    [
      'an item without a time starts its day',
      [item('2026-12-02', '', '参观')],
      [booking(1, at('23:30')), booking(2, at('08:00', '02'))],
      ['#1', '参观', '#2'],
    ],
    [
      'cancelled bookings are left out',
      [item('2026-12-01', '10:00', 'a')],
      [booking(1, at('09:00'), 'cancelled'), booking(2, at('11:00'), 'tentative')],
      ['a', '#2'],
    ],
    [
      'equal bookings keep their order',
      [],
      [booking(5, at('09:00')), booking(3, at('09:00'))],
      ['#5', '#3'],
    ],
  ];
  it.each(cases)('%s', (_name, items, bookings, expected) => {
    expect(order(items, bookings)).toEqual(expected);
  });

  it('places items by the company zone, not the machine’s', () => {
    const [first] = mergeItinerary([item('2026-12-01', '10:00', 'a')], [], ZONE);
    expect(first?.startMs).toBe(Date.UTC(2026, 11, 1, 2, 0));
    expect(first?.type === 'item' && first.timeKnown).toBe(true);
  });
});
