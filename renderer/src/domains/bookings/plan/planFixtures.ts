import type {
  BookingDetail,
  BookingView,
  Candidate,
  PlanLineView,
  PlanView,
} from '../../../../../shared/bookings';

/**
 * Plan fixtures for the component and rule tests: what `bookings.plan` returns for a filed
 * request with a pickup, a meeting, a hotel night, a lunch, return tickets and gifts. Instants are
 * 2026-12-01 in Shanghai. Not used by the app.
 */
const at = (hhmm: string) => Date.parse(`2026-12-01T${hhmm}:00+08:00`);

export const fit = (id: number, name: string, capacity: number, extra: Partial<Candidate> = {}) =>
  ({ id, name, capacity, fits: true, misfit: null, priceFen: null, ...extra }) satisfies Candidate;
export const misfit = (id: number, name: string, capacity: number, why: string) =>
  ({
    id,
    name,
    capacity,
    fits: false,
    misfit: `bookings.misfit.${why}`,
    priceFen: null,
  }) satisfies Candidate;

function line(
  key: string,
  proposal: BookingDetail,
  from: string,
  to: string,
  count: number,
  patch: Partial<PlanLineView> = {},
): PlanLineView {
  return {
    key,
    kind: proposal.kind,
    proposal,
    need: { startMs: at(from), endMs: at(to), count },
    timeGuessed: false,
    booking: null,
    stale: false,
    candidates: [],
    drivers: [],
    unmet: null,
    ...patch,
  };
}

export const pickupLine = (patch: Partial<PlanLineView> = {}) =>
  line(
    'pickup',
    {
      kind: 'car',
      carKind: 'pickup',
      vehicleId: 0,
      driverId: 0,
      from: '首都机场T3',
      to: '公司',
      passengers: 3,
      transportNo: 'CA1234',
      startDate: '2026-12-01',
      startTime: '09:30',
      endDate: '2026-12-01',
      endTime: '11:00',
    },
    '09:30',
    '11:00',
    3,
    {
      candidates: [fit(11, '京A12345', 4), fit(12, '京B67890', 7)],
      drivers: [misfit(21, '赵师傅', 0, 'busy'), fit(22, '钱师傅', 0)],
      ...patch,
    },
  );

export const roomLine = (patch: Partial<PlanLineView> = {}) =>
  line(
    'room-2026-12-01-10:00',
    {
      kind: 'room',
      roomId: 0,
      attendees: 3,
      setup: [{ item: 'tea', responsible: '', done: false }],
      startDate: '2026-12-01',
      startTime: '10:00',
      endDate: '2026-12-01',
      endTime: '12:00',
    },
    '10:00',
    '12:00',
    3,
    {
      candidates: [fit(32, '第一会议室', 20), misfit(31, '小会议室', 6, 'equipment')],
      ...patch,
    },
  );

export const hotelLine = (patch: Partial<PlanLineView> = {}) =>
  line(
    'hotel',
    {
      kind: 'hotel',
      hotelId: 0,
      roomType: '',
      rooms: 2,
      checkInDate: '2026-12-01',
      nights: 1,
      payer: 'visitor',
    },
    '14:00',
    '23:00',
    2,
    {
      candidates: [
        fit(41, '锦江宾馆', 0, {
          priceFen: 45_000,
          roomTypes: [
            { name: '标准间', priceFen: 45_000 },
            { name: '大床房', priceFen: 52_000 },
          ],
        }),
      ],
      ...patch,
    },
  );

export const lunchLine = (patch: Partial<PlanLineView> = {}) =>
  line(
    'meal-2026-12-01-lunch',
    {
      kind: 'restaurant',
      restaurantId: 0,
      privateRoom: '',
      meal: 'lunch',
      date: '2026-12-01',
      time: '12:00',
      covers: 3,
      perHeadFen: 10_000,
    },
    '12:00',
    '14:00',
    3,
    {
      candidates: [
        fit(51, '老房子餐厅', 10, {
          priceFen: 9_000,
          privateRooms: [
            { name: '牡丹厅', capacity: 10 },
            { name: '小包间', capacity: 4 },
            { name: '雅间', capacity: 2 },
          ],
        }),
      ],
      ...patch,
    },
  );

export const giftsLine = (patch: Partial<PlanLineView> = {}) =>
  line(
    'gifts',
    { kind: 'supply', date: '2026-12-01', items: [{ supplyId: 0, quantity: 2 }] },
    '00:00',
    '00:00',
    2,
    { candidates: [fit(61, '纪念茶叶', 0, { stock: 10 })], ...patch },
  );

/** The booking a one-click confirm of a line makes, as the server answers it. */
export function bookedView(l: PlanLineView, detail: BookingDetail, id = 100): BookingView {
  return {
    id,
    requestId: 7,
    requestCode: 'JD-20261201-001',
    orgName: '华东精密仪器有限公司',
    kind: detail.kind,
    status: 'confirmed',
    needKey: l.key,
    need: l.need,
    startMs: l.need.startMs,
    endMs: l.need.endMs,
    detail:
      detail.kind === 'supply'
        ? { ...detail, items: detail.items.map((i) => ({ ...i, returned: 0 })) }
        : detail,
    amountFen: 0,
    version: 1,
    names: { 11: '京A12345', 22: '钱师傅', 32: '第一会议室', 41: '锦江宾馆', 51: '老房子餐厅' },
    deactivated: [],
    driverCallMs: detail.kind === 'car' ? l.need.startMs - 15 * 60_000 : null,
    mealCap: null,
    clashes: [],
    createdAtMs: at('08:00'),
    updatedAtMs: at('08:00'),
  };
}

export function planOf(lines: PlanLineView[], others: BookingView[] = []): PlanView {
  return {
    request: {
      id: 7,
      code: 'JD-20261201-001',
      orgName: '华东精密仪器有限公司',
      tier: 'C',
      status: 'filed',
      arrivalDate: '2026-12-01',
      departureDate: '2026-12-02',
      visitorCount: 2,
      bookable: true,
    },
    lines,
    others,
  };
}
