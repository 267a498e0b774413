import type { OpInput } from '../../../shared/contract/operations';
import type { RequestBody } from '../../../shared/requests';
import {
  decideAs,
  receptionCompany,
  requestBody,
  type Reception,
  type TestApp,
} from '../../test-support';

/**
 * A company with a booking catalogue (the unit tests' and the bench's shared setup): two cars
 * (5 and 7 seats), two drivers, two meeting rooms, an agreement hotel, a designated restaurant and
 * a gift in stock. Not a test file.
 */
export async function bookingCompany(t: TestApp) {
  const r = await receptionCompany(t);
  const save = (resource: OpInput<'bookings.saveResource'>['resource']) =>
    t.ok('bookings.saveResource', { id: null, version: null, resource }, r.office.token);
  const sedan = await save({ kind: 'vehicle', plate: '京A 12345', model: '帕萨特', seats: 4 });
  const van = await save({ kind: 'vehicle', plate: '京B·67890', model: '别克GL8', seats: 7 });
  const driverA = await save({
    kind: 'driver',
    name: '赵师傅',
    phone: '139 0000 1111',
    licenceClass: 'C1',
  });
  const driverB = await save({
    kind: 'driver',
    name: '钱师傅',
    phone: '13900002222',
    licenceClass: 'B1',
  });
  const small = await save({
    kind: 'room',
    name: '小会议室',
    place: '3楼',
    capacity: 6,
    equipment: ['whiteboard'],
  });
  const big = await save({
    kind: 'room',
    name: '第一会议室',
    place: '5楼',
    capacity: 20,
    equipment: ['projector', 'video_conference'],
  });
  const hotel = await save({
    kind: 'hotel',
    name: '锦江宾馆',
    star: 4,
    address: '',
    phone: '',
    roomTypes: [
      { name: '标准间', priceFen: 45_000 },
      { name: '大床房', priceFen: 52_000 },
    ],
  });
  const restaurant = await save({
    kind: 'restaurant',
    name: '老房子餐厅',
    address: '',
    phone: '',
    perHeadFen: 9_000,
    privateRooms: [
      { name: '牡丹厅', capacity: 10 },
      { name: '小包间', capacity: 4 },
    ],
  });
  const gift = await save({ kind: 'supply', name: '纪念茶叶', unit: '盒', stock: 10 });
  return { r, sedan, van, driverA, driverB, small, big, hotel, restaurant, gift };
}

/** The test visit with every kind of need: pickup, a meeting, a night, lunch, tickets, gifts. */
export function fullNeedsBody(overrides: Partial<RequestBody> = {}): RequestBody {
  const body = requestBody();
  return requestBody({
    departureDate: '2026-12-02',
    departureTime: '15:00',
    itinerary: [
      { date: '2026-12-01', time: '10:00', activity: '座谈交流', place: '', owner: '' },
      { date: '2026-12-01', time: '12:00', activity: '午餐', place: '', owner: '' },
    ],
    needs: {
      ...body.needs,
      pickup: true,
      pickupPlace: '首都机场T3',
      arrivalTransportNo: 'ca 1234',
      meetingRoom: true,
      equipment: ['projector'],
      hotelNights: 1,
      hotelRooms: 2,
      returnTickets: true,
      departureTransportNo: 'G 102',
      gifts: true,
      giftCount: 2,
    },
    ...overrides,
  });
}

/** Submits as the host, approves as the head and files as the admin office. */
export async function filedRequest(t: TestApp, r: Reception, body: RequestBody = fullNeedsBody()) {
  const d = await t.ok('requests.submit', { id: null, version: null, body }, r.host.token);
  await decideAs(t, r.head.token, d.id);
  await decideAs(t, r.office.token, d.id);
  return t.ok('requests.get', { id: d.id }, r.office.token);
}
