import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyRequestBody, type RequestBody, type Visitor } from '../requests/schema';
import { needChanged, planLines, shiftWall, type Need, type PlanLine } from './plan';

const SH = 'Asia/Shanghai';
const MIN = 60_000;
/** Shanghai wall time as an instant (UTC+8, no daylight saving). */
const sh = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);

const LABELS = {
  arrivalPoint: '到达地点',
  company: '公司',
  departurePoint: '离开地点',
  home: '返程目的地',
};

const guest = (name: string): Visitor => ({
  name,
  title: '',
  phone: '',
  idType: null,
  idNumber: '',
  notes: '',
});

type BodyChanges = Partial<Omit<RequestBody, 'needs'>> & { needs?: Partial<RequestBody['needs']> };

/** Two visitors and one companion, 1–2 December 2026, and no needs unless `changes` adds them. */
function body(changes: BodyChanges = {}): RequestBody {
  const empty = emptyRequestBody();
  const { needs, ...rest } = changes;
  return {
    ...empty,
    orgName: '华东精密仪器有限公司',
    purpose: '洽谈',
    arrivalDate: '2026-12-01',
    arrivalTime: '09:30',
    departureDate: '2026-12-02',
    departureTime: '15:00',
    visitors: [guest('陈立'), guest('Anna Müller')],
    companions: [{ userId: null, name: '销售经理' }],
    ...rest,
    needs: { ...empty.needs, ...needs },
  };
}

function plan(changes: BodyChanges = {}, mealCapFen: number | null = 10_000): PlanLine[] {
  return planLines({ body: body(changes), timeZone: SH, mealCapFen, labels: LABELS });
}

function only(lines: PlanLine[], kind: PlanLine['kind']): PlanLine {
  const found = lines.filter((l) => l.kind === kind);
  expect(found).toHaveLength(1);
  return found[0] as PlanLine;
}

describe('shiftWall', () => {
  it.each([
    ['2026-12-01', '09:30', 90, '2026-12-01', '11:00'],
    ['2026-12-01', '23:30', 90, '2026-12-02', '01:00'],
    ['2026-11-30', '23:00', 60, '2026-12-01', '00:00'],
    ['2026-12-31', '23:59', 1, '2027-01-01', '00:00'],
    ['2027-01-01', '01:00', -120, '2026-12-31', '23:00'],
    ['2026-12-02', '00:00', -1, '2026-12-01', '23:59'],
    ['2028-02-28', '22:00', 180, '2028-02-29', '01:00'],
    ['2026-12-01', '10:00', 3 * 1440, '2026-12-04', '10:00'],
  ])('%s %s %+d min is %s %s', (date, time, minutes, toDate, toTime) => {
    expect(shiftWall(date, time, minutes)).toEqual({ date: toDate, time: toTime });
  });
});

describe('planLines', () => {
  it('a request without needs plans nothing', () => {
    expect(plan()).toEqual([]);
  });

  describe('pickup', () => {
    it('at the arrival time, from the pickup place, with the flight or train number', () => {
      const line = only(
        plan({ needs: { pickup: true, pickupPlace: '首都机场T3', arrivalTransportNo: 'CA1234' } }),
        'car',
      );
      expect(line.key).toBe('pickup');
      expect(line.timeGuessed).toBe(false);
      expect(line.proposal).toEqual({
        kind: 'car',
        carKind: 'pickup',
        vehicleId: 0,
        driverId: 0,
        from: '首都机场T3',
        to: '公司',
        // Two visitors and one companion.
        passengers: 3,
        transportNo: 'CA1234',
        startDate: '2026-12-01',
        startTime: '09:30',
        endDate: '2026-12-01',
        endTime: '11:00',
      });
      expect(line.need).toEqual({
        startMs: sh(2026, 12, 1, 9, 30),
        endMs: sh(2026, 12, 1, 11),
        count: 3,
      });
    });

    it('without a place: the arrival point; without a time: 09:00, marked as guessed', () => {
      const line = only(plan({ arrivalTime: '', needs: { pickup: true } }), 'car');
      expect(line.proposal).toMatchObject({
        from: '到达地点',
        transportNo: '',
        startTime: '09:00',
        endTime: '10:30',
      });
      expect(line.timeGuessed).toBe(true);
    });

    it('a late arrival runs past midnight', () => {
      const line = only(
        plan({ arrivalDate: '2026-12-31', arrivalTime: '23:20', needs: { pickup: true } }),
        'car',
      );
      expect(line.proposal).toMatchObject({
        startDate: '2026-12-31',
        startTime: '23:20',
        endDate: '2027-01-01',
        endTime: '00:50',
      });
      expect(line.need.endMs - line.need.startMs).toBe(90 * MIN);
    });

    it('no arrival date, no pickup', () => {
      expect(plan({ arrivalDate: '', needs: { pickup: true } })).toEqual([]);
    });

    it('passengers: at least one, at most the largest car', () => {
      expect(
        only(plan({ visitors: [], companions: [], needs: { pickup: true } }), 'car').need.count,
      ).toBe(1);
      const crowd = Array.from({ length: 70 }, (_, i) => guest(`客人${i}`));
      const line = only(plan({ visitors: crowd, needs: { pickup: true } }), 'car');
      expect(line.proposal).toMatchObject({ passengers: 60 });
    });
  });

  describe('drop-off', () => {
    it('two hours before the departure, to the drop-off place, with the departure number', () => {
      const line = only(
        plan({ needs: { dropoff: true, dropoffPlace: '北京南站', departureTransportNo: 'G102' } }),
        'car',
      );
      expect(line.key).toBe('dropoff');
      expect(line.proposal).toMatchObject({
        carKind: 'dropoff',
        from: '公司',
        to: '北京南站',
        transportNo: 'G102',
        startDate: '2026-12-02',
        startTime: '13:00',
        endDate: '2026-12-02',
        endTime: '14:30',
      });
      expect(line.timeGuessed).toBe(false);
    });

    it('an early departure moves the drop-off to the evening before (and the year before)', () => {
      const line = only(
        plan({
          departureDate: '2027-01-01',
          departureTime: '01:00',
          needs: { dropoff: true },
        }),
        'car',
      );
      expect(line.proposal).toMatchObject({
        to: '离开地点',
        startDate: '2026-12-31',
        startTime: '23:00',
        endDate: '2027-01-01',
        endTime: '00:30',
      });
      expect(line.need.startMs).toBe(sh(2026, 12, 31, 23));
    });

    it('without a departure time: 17:00 assumed, marked as guessed', () => {
      const line = only(plan({ departureTime: '', needs: { dropoff: true } }), 'car');
      expect(line.proposal).toMatchObject({ startTime: '15:00' });
      expect(line.timeGuessed).toBe(true);
    });
  });

  describe('car trips', () => {
    it('one a day from the arrival, the extra ones on the last day, all to be timed', () => {
      const lines = plan({ needs: { carTrips: 3 } });
      expect(lines.map((l) => [l.key, l.proposal])).toEqual(
        ['2026-12-01', '2026-12-02', '2026-12-02'].map((date, i) => [
          `trip-${i + 1}`,
          expect.objectContaining({
            carKind: 'transfer',
            startDate: date,
            startTime: '09:00',
            endDate: date,
            endTime: '11:00',
          }),
        ]),
      );
      expect(lines.every((l) => l.timeGuessed)).toBe(true);
    });

    it('at most ten', () => {
      const lines = plan({ departureDate: '2026-12-20', needs: { carTrips: 14 } });
      expect(lines.map((l) => l.key)).toEqual(
        Array.from({ length: 10 }, (_, i) => `trip-${i + 1}`),
      );
      expect(lines.at(-1)?.proposal).toMatchObject({ startDate: '2026-12-10' });
    });
  });

  describe('meeting room', () => {
    const meeting = {
      meetingRoom: true,
      equipment: ['video_conference', 'projector'] as RequestBody['needs']['equipment'],
      tableCards: true,
      banner: true,
      welcomeSign: true,
      photographer: true,
    };

    it('a line per meeting in the itinerary, until the next item of that day', () => {
      const lines = plan({
        itinerary: [
          { date: '2026-12-02', time: '09:00', activity: '签约仪式', place: '', owner: '' },
          { date: '2026-12-01', time: '12:00', activity: '午餐', place: '', owner: '' },
          { date: '2026-12-01', time: '10:00', activity: '座谈交流', place: '', owner: '' },
          { date: '2026-12-01', time: '14:00', activity: '参观生产线', place: '', owner: '' },
          { date: '2026-12-02', time: '10:30', activity: '送别', place: '', owner: '' },
        ],
        needs: meeting,
      });
      expect(lines.map((l) => [l.key, l.need.startMs, l.need.endMs])).toEqual([
        ['room-2026-12-01-10:00', sh(2026, 12, 1, 10), sh(2026, 12, 1, 12)],
        ['room-2026-12-02-09:00', sh(2026, 12, 2, 9), sh(2026, 12, 2, 10, 30)],
      ]);
      const first = lines[0] as PlanLine;
      expect(first.timeGuessed).toBe(false);
      expect(first.proposal).toMatchObject({
        kind: 'room',
        roomId: 0,
        attendees: 3,
        startDate: '2026-12-01',
        startTime: '10:00',
        endDate: '2026-12-01',
        endTime: '12:00',
      });
      expect(first.need).toMatchObject({ count: 3, equipment: ['projector', 'video_conference'] });
      const setup = first.proposal.kind === 'room' ? first.proposal.setup : [];
      expect(setup.map((s) => s.item)).toEqual([
        'table_cards',
        'name_boards',
        'banner',
        'welcome_sign',
        'projector',
        'photographer',
        'tea',
        'fruit',
      ]);
      expect(setup.every((s) => s.responsible === '' && !s.done)).toBe(true);
    });

    it('finds meetings by the place too, and in English', () => {
      const lines = plan({
        itinerary: [
          { date: '2026-12-01', time: '10:00', activity: '介绍', place: '第一会议室', owner: '' },
          {
            date: '2026-12-01',
            time: '15:00',
            activity: 'Meeting with R&D',
            place: '',
            owner: '',
          },
        ],
        needs: { meetingRoom: true },
      });
      expect(lines.map((l) => l.key)).toEqual(['room-2026-12-01-10:00', 'room-2026-12-01-15:00']);
      // The first lasts until the second; the second, with nothing after it, two hours.
      expect(lines.map((l) => l.proposal)).toEqual([
        expect.objectContaining({ startTime: '10:00', endTime: '15:00' }),
        expect.objectContaining({ startTime: '15:00', endTime: '17:00' }),
      ]);
      // Only tea and fruit without other wishes.
      const setup = lines[0]?.proposal.kind === 'room' ? lines[0].proposal.setup : [];
      expect(setup.map((s) => s.item)).toEqual(['tea', 'fruit']);
    });

    it('a meeting without a time starts at 09:30; a late one ends after midnight', () => {
      const lines = plan({
        itinerary: [
          { date: '2026-12-01', time: '', activity: '工作会议', place: '', owner: '' },
          { date: '2026-12-31', time: '23:00', activity: '年终汇报', place: '', owner: '' },
        ],
        needs: { meetingRoom: true },
      });
      expect(lines.map((l) => l.proposal)).toEqual([
        expect.objectContaining({ startDate: '2026-12-01', startTime: '09:30', endTime: '11:30' }),
        expect.objectContaining({
          startDate: '2026-12-31',
          startTime: '23:00',
          endDate: '2027-01-01',
          endTime: '01:00',
        }),
      ]);
    });

    it('no meeting in the itinerary: one slot half an hour after arrival, marked as guessed', () => {
      const line = only(
        plan({
          itinerary: [
            { date: '2026-12-01', time: '10:00', activity: '参观生产线', place: '车间', owner: '' },
          ],
          needs: { meetingRoom: true },
        }),
        'room',
      );
      expect(line.key).toBe('room-2026-12-01-10:00');
      expect(line.proposal).toMatchObject({ startTime: '10:00', endTime: '12:00' });
      expect(line.timeGuessed).toBe(true);
      expect(line.need.equipment).toEqual([]);
    });

    it('two meetings at the same time are one room line: keys stay unique', () => {
      const lines = plan({
        itinerary: [
          { date: '2026-12-01', time: '10:00', activity: '座谈交流', place: '', owner: '' },
          { date: '2026-12-01', time: '10:00', activity: '', place: '第一会议室', owner: '' },
          { date: '2026-12-02', time: '', activity: '工作会议', place: '', owner: '' },
          { date: '2026-12-02', time: '', activity: '汇报', place: '', owner: '' },
        ],
        needs: { meetingRoom: true },
      });
      expect(lines.map((l) => l.key)).toEqual(['room-2026-12-01-10:00', 'room-2026-12-02-09:30']);
    });

    it('whatever the itinerary, every line has its own key', () => {
      const item = fc.record({
        date: fc.constantFrom('2026-12-01', '2026-12-02', '2026-12-03'),
        time: fc.constantFrom('', '09:30', '10:00', '14:00', '23:30'),
        activity: fc.constantFrom('座谈', '午餐', '参观', 'meeting', '签约', ''),
        place: fc.constantFrom('', '会议室', '车间'),
        owner: fc.constant(''),
      });
      const meal = fc.record({
        date: fc.constantFrom('2026-12-01', '2026-12-02'),
        meal: fc.constantFrom('breakfast' as const, 'lunch' as const, 'dinner' as const),
        perHeadFen: fc.constant(null),
      });
      fc.assert(
        fc.property(
          fc.array(item, { maxLength: 12 }),
          fc.nat({ max: 12 }),
          fc.array(meal, { maxLength: 8 }),
          (itinerary, trips, meals) => {
            const keys = plan({
              departureDate: '2026-12-03',
              itinerary,
              needs: {
                meetingRoom: true,
                pickup: true,
                dropoff: true,
                carTrips: trips,
                meals,
                hotelNights: 1,
                hotelRooms: 1,
                returnTickets: true,
                gifts: true,
                giftCount: 1,
              },
            }).map((l) => l.key);
            expect(new Set(keys).size).toBe(keys.length);
            // What the booking contract accepts as a plan line's key.
            for (const key of keys) expect(key).toMatch(/^[a-z0-9:-]{1,60}$/);
          },
        ),
      );
    });

    it('no meeting room wanted: none planned, however many meetings', () => {
      expect(
        plan({
          itinerary: [
            { date: '2026-12-01', time: '10:00', activity: '座谈', place: '', owner: '' },
          ],
        }),
      ).toEqual([]);
    });
  });

  describe('hotel', () => {
    it('the nights and rooms asked for, from the arrival day; the visitor pays', () => {
      const line = only(
        plan({ arrivalDate: '2026-12-30', needs: { hotelNights: 3, hotelRooms: 2 } }),
        'hotel',
      );
      expect(line.key).toBe('hotel');
      expect(line.proposal).toEqual({
        kind: 'hotel',
        hotelId: 0,
        roomType: '',
        rooms: 2,
        checkInDate: '2026-12-30',
        nights: 3,
        payer: 'visitor',
      });
      // Check-in 14:00 on the 30th, check-out 12:00 on 2 January.
      expect(line.need).toEqual({
        startMs: sh(2026, 12, 30, 14),
        endMs: sh(2027, 1, 2, 12),
        count: 2,
        nights: 3,
      });
    });

    it('company-paid lodging when the request asked for it', () => {
      const line = only(
        plan({ needs: { hotelNights: 1, hotelRooms: 1, companyPaysLodging: true } }),
        'hotel',
      );
      expect(line.proposal).toMatchObject({ payer: 'company' });
    });

    it('nights without rooms, or rooms without nights: nothing to book', () => {
      expect(plan({ needs: { hotelNights: 2, hotelRooms: 0 } })).toEqual([]);
      expect(plan({ needs: { hotelNights: 0, hotelRooms: 2 } })).toEqual([]);
    });
  });

  describe('meals', () => {
    it('a restaurant per planned meal, covers = visitors + companions, at the tier’s cap', () => {
      const lines = plan({
        needs: {
          meals: [
            { date: '2026-12-01', meal: 'lunch', perHeadFen: null },
            { date: '2026-12-01', meal: 'dinner', perHeadFen: 15_000 },
            { date: '2026-12-02', meal: 'breakfast', perHeadFen: null },
          ],
        },
      });
      expect(
        lines.map((l) => [l.key, l.proposal.kind === 'restaurant' && l.proposal, l.need]),
      ).toEqual([
        [
          'meal-2026-12-01-lunch',
          expect.objectContaining({ meal: 'lunch', time: '12:00', covers: 3, perHeadFen: 10_000 }),
          { startMs: sh(2026, 12, 1, 12), endMs: sh(2026, 12, 1, 14), count: 3 },
        ],
        [
          'meal-2026-12-01-dinner',
          expect.objectContaining({ meal: 'dinner', time: '18:00', perHeadFen: 15_000 }),
          { startMs: sh(2026, 12, 1, 18), endMs: sh(2026, 12, 1, 20), count: 3 },
        ],
        [
          'meal-2026-12-02-breakfast',
          expect.objectContaining({ meal: 'breakfast', time: '07:30', perHeadFen: 10_000 }),
          { startMs: sh(2026, 12, 2, 7, 30), endMs: sh(2026, 12, 2, 9, 30), count: 3 },
        ],
      ]);
      expect(lines.every((l) => !l.timeGuessed && l.kind === 'restaurant')).toBe(true);
    });

    it('the same meal twice on a day: two lines, the second numbered', () => {
      const lines = plan({
        needs: {
          meals: [
            { date: '2026-12-01', meal: 'lunch', perHeadFen: null },
            { date: '2026-12-01', meal: 'lunch', perHeadFen: 8_000 },
            { date: '2026-12-01', meal: 'lunch', perHeadFen: null },
          ],
        },
      });
      expect(lines.map((l) => l.key)).toEqual([
        'meal-2026-12-01-lunch',
        'meal-2026-12-01-lunch-2',
        'meal-2026-12-01-lunch-3',
      ]);
    });

    it('no cap (the visitor pays) and no price: zero per head', () => {
      const line = only(
        plan({ needs: { meals: [{ date: '2026-12-01', meal: 'lunch', perHeadFen: null }] } }, null),
        'restaurant',
      );
      expect(line.proposal).toMatchObject({ perHeadFen: 0 });
    });
  });

  describe('return tickets', () => {
    it('rail for a train number, for every visitor, at the departure', () => {
      const line = only(
        plan({ needs: { returnTickets: true, departureTransportNo: 'G102' } }),
        'ticket',
      );
      expect(line.key).toBe('tickets');
      expect(line.proposal).toEqual({
        kind: 'ticket',
        mode: 'rail',
        travellers: '陈立、Anna Müller',
        from: '离开地点',
        to: '返程目的地',
        departDate: '2026-12-02',
        departTime: '15:00',
        number: 'G102',
        priceFen: 0,
        ticketStatus: 'to_book',
      });
      expect(line.need).toEqual({
        startMs: sh(2026, 12, 2, 15),
        endMs: sh(2026, 12, 2, 15),
        count: 2,
      });
      expect(line.timeGuessed).toBe(false);
    });

    it.each([
      ['CA1234', 'air'],
      ['MU5101', 'air'],
      ['3U8888', 'air'],
      ['D3101', 'rail'],
      ['1461', 'rail'],
      ['', 'air'],
    ])('%j → %s', (no, mode) => {
      const line = only(
        plan({ needs: { returnTickets: true, departureTransportNo: no } }),
        'ticket',
      );
      expect(line.proposal).toMatchObject({ mode, number: no });
    });

    it('without a departure time: 17:00, marked as guessed; without a departure day: none', () => {
      const line = only(plan({ departureTime: '', needs: { returnTickets: true } }), 'ticket');
      expect(line.proposal).toMatchObject({ departTime: '17:00' });
      expect(line.timeGuessed).toBe(true);
      expect(plan({ departureDate: '', needs: { returnTickets: true } })).toEqual([]);
    });
  });

  describe('gifts', () => {
    it('the count asked for, issued on the arrival day', () => {
      const line = only(plan({ needs: { gifts: true, giftCount: 5 } }), 'supply');
      expect(line.key).toBe('gifts');
      expect(line.proposal).toEqual({
        kind: 'supply',
        date: '2026-12-01',
        items: [{ supplyId: 0, quantity: 5 }],
      });
      expect(line.need).toMatchObject({ startMs: sh(2026, 12, 1), count: 5 });
    });

    it('gifts without a count, or a count without gifts: none', () => {
      expect(plan({ needs: { gifts: true, giftCount: 0 } })).toEqual([]);
      expect(plan({ needs: { gifts: false, giftCount: 5 } })).toEqual([]);
    });
  });

  it('every need at once: one line each, in a stable order, with distinct keys', () => {
    const lines = plan({
      itinerary: [
        { date: '2026-12-01', time: '10:00', activity: '座谈交流', place: '', owner: '' },
      ],
      needs: {
        pickup: true,
        dropoff: true,
        carTrips: 2,
        meetingRoom: true,
        hotelNights: 1,
        hotelRooms: 2,
        meals: [{ date: '2026-12-01', meal: 'lunch', perHeadFen: null }],
        returnTickets: true,
        gifts: true,
        giftCount: 2,
      },
    });
    expect(lines.map((l) => [l.key, l.kind])).toEqual([
      ['pickup', 'car'],
      ['dropoff', 'car'],
      ['trip-1', 'car'],
      ['trip-2', 'car'],
      ['room-2026-12-01-10:00', 'room'],
      ['hotel', 'hotel'],
      ['meal-2026-12-01-lunch', 'restaurant'],
      ['tickets', 'ticket'],
      ['gifts', 'supply'],
    ]);
    // Pure: the same request plans the same lines.
    expect(
      plan({
        itinerary: [
          { date: '2026-12-01', time: '10:00', activity: '座谈交流', place: '', owner: '' },
        ],
        needs: {
          pickup: true,
          dropoff: true,
          carTrips: 2,
          meetingRoom: true,
          hotelNights: 1,
          hotelRooms: 2,
          meals: [{ date: '2026-12-01', meal: 'lunch', perHeadFen: null }],
          returnTickets: true,
          gifts: true,
          giftCount: 2,
        },
      }),
    ).toEqual(lines);
  });
});

describe('needChanged', () => {
  const line = only(
    plan({
      itinerary: [
        { date: '2026-12-01', time: '10:00', activity: '座谈交流', place: '', owner: '' },
      ],
      needs: { meetingRoom: true, equipment: ['whiteboard', 'projector'] },
    }),
    'room',
  );
  const stored: Need = JSON.parse(JSON.stringify(line.need)) as Need;

  it.each<[string, Need | null, boolean]>([
    ['the same need (stored as JSON)', stored, false],
    ['equipment in another order', { ...stored, equipment: ['whiteboard', 'projector'] }, false],
    ['booked by hand (no need stored)', null, false],
    ['another start', { ...stored, startMs: stored.startMs + 30 * MIN }, true],
    ['another end', { ...stored, endMs: stored.endMs - 30 * MIN }, true],
    ['more people', { ...stored, count: stored.count + 1 }, true],
    ['other equipment', { ...stored, equipment: ['projector'] }, true],
    ['nights where there were none', { ...stored, nights: 1 }, true],
  ])('%s: changed = %s', (_name, need, expected) => {
    expect(needChanged(line, need)).toBe(expected);
  });

  it('a line that is gone has changed', () => {
    expect(needChanged(undefined, stored)).toBe(true);
    expect(needChanged(undefined, null)).toBe(true);
  });

  it('re-planned from a changed request: the pickup moved, the hotel kept', () => {
    const before = plan({ needs: { pickup: true, hotelNights: 2, hotelRooms: 1 } });
    const after = plan({
      arrivalTime: '10:30',
      needs: { pickup: true, hotelNights: 2, hotelRooms: 1 },
    });
    const byKey = (lines: PlanLine[], key: string) => lines.find((l) => l.key === key);
    expect(needChanged(byKey(after, 'pickup'), byKey(before, 'pickup')?.need ?? null)).toBe(true);
    expect(needChanged(byKey(after, 'hotel'), byKey(before, 'hotel')?.need ?? null)).toBe(false);
    const fewer = plan({ needs: { pickup: true, hotelNights: 1, hotelRooms: 1 } });
    expect(needChanged(byKey(fewer, 'hotel'), byKey(before, 'hotel')?.need ?? null)).toBe(true);
  });
});
