import { describe, expect, it } from 'vitest';
import type { PlanLineView } from '../../../../../shared/bookings';
import { oneClickDetail } from './oneClick';
import {
  bookedView,
  fit,
  giftsLine,
  hotelLine,
  lunchLine,
  misfit,
  pickupLine,
  roomLine,
} from './planFixtures';

/** What one click books: the chosen ids of the detail (or null: the clerk must adjust). */
const chosen = (l: PlanLineView) => {
  const d = oneClickDetail(l);
  if (!d) return null;
  switch (d.kind) {
    case 'car':
      return { vehicleId: d.vehicleId, driverId: d.driverId };
    case 'room':
      return { roomId: d.roomId };
    case 'hotel':
      return { hotelId: d.hotelId, roomType: d.roomType };
    case 'restaurant':
      return { restaurantId: d.restaurantId, privateRoom: d.privateRoom };
    case 'supply':
      return { items: d.items };
    case 'ticket':
      return { ticket: d.number };
  }
};

describe('oneClickDetail', () => {
  const cases: [string, PlanLineView, unknown][] = [
    ['car: the first fitting vehicle and driver', pickupLine(), { vehicleId: 11, driverId: 22 }],
    [
      'car: no fitting driver → adjust',
      pickupLine({ drivers: [misfit(21, '赵师傅', 0, 'busy')] }),
      null,
    ],
    [
      'car: no fitting vehicle → adjust',
      pickupLine({ candidates: [misfit(11, '京A12345', 4, 'seats')] }),
      null,
    ],
    ['room: the first that fits', roomLine(), { roomId: 32 }],
    [
      'room: misfits ahead of it are skipped',
      roomLine({ candidates: [misfit(31, '小会议室', 6, 'busy'), fit(33, '三号', 8)] }),
      { roomId: 33 },
    ],
    ['hotel: the first room type', hotelLine(), { hotelId: 41, roomType: '标准间' }],
    [
      'hotel without room types → adjust',
      hotelLine({ candidates: [fit(41, '锦江宾馆', 0, { roomTypes: [] })] }),
      null,
    ],
    [
      'restaurant: the smallest private room that seats everyone',
      lunchLine(),
      { restaurantId: 51, privateRoom: '小包间' },
    ],
    [
      'restaurant without private rooms: none',
      lunchLine({ candidates: [fit(52, '食堂', 0, { privateRooms: [] })] }),
      { restaurantId: 52, privateRoom: '' },
    ],
    ['supply: the first in stock', giftsLine(), { items: [{ supplyId: 61, quantity: 2 }] }],
    ['nothing in the catalogue → adjust', roomLine({ candidates: [] }), null],
  ];
  it.each(cases)('%s', (_name, l, expected) => {
    expect(chosen(l)).toEqual(expected);
  });

  it('keeps the rest of the proposal as the plan made it', () => {
    expect(oneClickDetail(pickupLine())).toMatchObject({
      carKind: 'pickup',
      from: '首都机场T3',
      transportNo: 'CA1234',
      startTime: '09:30',
    });
  });

  it('a booked line is not booked again', () => {
    const l = pickupLine();
    const d = oneClickDetail(l);
    if (!d) throw new Error('no detail');
    expect(oneClickDetail({ ...l, booking: bookedView(l, d) })).toBeNull();
  });
});
