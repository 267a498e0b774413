import { describe, expect, it } from 'vitest';
import type { OpInput } from '../../../shared/contract/operations';
import type { PlanLineView } from '../../../shared/bookings/views';
import { decideAs, makeTestApp, signedInUser, submitted, type TestApp } from '../../test-support';
import { bookingCompany, filedRequest, fullNeedsBody } from './test-company';

type Detail = OpInput<'bookings.save'>['detail'];

function carDetail(vehicleId: number, driverId: number, extra: Partial<Detail> = {}): Detail {
  return {
    kind: 'car',
    carKind: 'transfer',
    vehicleId,
    driverId,
    from: '公司',
    to: '工厂',
    passengers: 3,
    transportNo: '',
    startDate: '2026-12-01',
    startTime: '13:00',
    endDate: '2026-12-01',
    endTime: '14:00',
    ...extra,
  } as Detail;
}

async function setup() {
  const t = makeTestApp();
  const c = await bookingCompany(t);
  const request = await filedRequest(t, c.r);
  return { t, ...c, request };
}

const line = (lines: PlanLineView[], key: string) => {
  const found = lines.find((l) => l.key === key);
  if (!found) throw new Error(`no plan line ${key}: ${lines.map((l) => l.key).join(', ')}`);
  return found;
};

async function book(
  t: TestApp,
  token: string,
  requestId: number,
  detail: Detail,
  status: 'tentative' | 'confirmed' = 'confirmed',
  needKey: string | null = null,
) {
  return t.call(
    'bookings.save',
    { id: null, version: null, requestId, needKey, status, detail },
    token,
  );
}

describe('catalogue', () => {
  it('keeps plates as 京A12345 however they were typed, and refuses a second one', async () => {
    const { t, r, sedan } = await setup();
    expect(sedan.name).toBe('京A12345');
    const again = await t.fail(
      'bookings.saveResource',
      {
        id: null,
        version: null,
        resource: { kind: 'vehicle', plate: '京a12345', model: 'x', seats: 5 },
      },
      r.office.token,
    );
    expect(again.fieldErrors?.['resource.plate']?.key).toBe('errors.resourceNameTaken');
    const bad = await t.fail(
      'bookings.saveResource',
      {
        id: null,
        version: null,
        resource: { kind: 'vehicle', plate: '12345', model: 'x', seats: 5 },
      },
      r.office.token,
    );
    expect(bad.fieldErrors?.['resource.plate']?.key).toBe('validation.plate');
  });

  it('deactivates instead of deleting; a deactivated car cannot be booked', async () => {
    const { t, r, sedan, driverA, driverB, request } = await setup();
    const made = await t.ok(
      'bookings.save',
      {
        id: null,
        version: null,
        requestId: request.id,
        needKey: null,
        status: 'confirmed',
        detail: carDetail(sedan.id, driverA.id),
      },
      r.office.token,
    );
    await t.ok(
      'bookings.setResourceActive',
      { id: sedan.id, version: sedan.version, active: false },
      r.office.token,
    );
    const listed = await t.ok(
      'bookings.resources',
      { kind: 'vehicle', includeInactive: false },
      r.office.token,
    );
    expect(listed.map((v) => v.name)).toEqual(['京B67890']);
    // The booking made before still names it, and says it was deactivated.
    const [kept] = await t.ok('bookings.ofRequest', { requestId: request.id }, r.office.token);
    expect(kept).toMatchObject({ id: made.id, deactivated: ['京A12345'] });
    expect(kept?.names[sedan.id]).toBe('京A12345');
    const out = await book(
      t,
      r.office.token,
      request.id,
      carDetail(sedan.id, driverB.id, { startTime: '16:00', endTime: '17:00' } as Partial<Detail>),
    );
    expect(out.result.ok).toBe(false);
    if (!out.result.ok) {
      expect(out.result.error.fieldErrors?.['detail.vehicleId']?.key).toBe(
        'errors.resourceInactive',
      );
    }
  });

  it('only the admin office keeps the catalogue', async () => {
    const { t, r } = await setup();
    const e = await t.fail(
      'bookings.saveResource',
      { id: null, version: null, resource: { kind: 'supply', name: '笔', unit: '支', stock: 1 } },
      r.host.token,
    );
    expect(e.code).toBe('FORBIDDEN');
  });
});

describe('the plan from the request', () => {
  it('has one line per need, with the free resources that fit first', async () => {
    const { t, r, request, sedan, van, big } = await setup();
    const plan = await t.ok('bookings.plan', { requestId: request.id }, r.office.token);
    expect(plan.lines.map((l) => l.key)).toEqual([
      'pickup',
      'room-2026-12-01-10:00',
      'hotel',
      'meal-2026-12-01-lunch',
      'tickets',
      'gifts',
    ]);
    const pickup = line(plan.lines, 'pickup');
    // Two visitors and one companion: the 4-seat sedan is the smallest that fits.
    expect(pickup.proposal).toMatchObject({
      kind: 'car',
      from: '首都机场T3',
      transportNo: 'CA1234',
      passengers: 3,
      startDate: '2026-12-01',
      startTime: '09:30',
    });
    expect(pickup.candidates.map((c) => c.id)).toEqual([sedan.id, van.id]);
    // The meeting needs a projector: the big room, and the small one after it with why.
    const room = line(plan.lines, 'room-2026-12-01-10:00');
    expect(room.proposal).toMatchObject({ startTime: '10:00', endTime: '12:00', attendees: 3 });
    expect(room.candidates[0]?.id).toBe(big.id);
    expect(room.candidates[1]).toMatchObject({ fits: false, misfit: 'bookings.misfit.equipment' });
    const lunch = line(plan.lines, 'meal-2026-12-01-lunch');
    expect(lunch.proposal).toMatchObject({ covers: 3, perHeadFen: 10_000 });
    expect(line(plan.lines, 'tickets').proposal).toMatchObject({ mode: 'rail', number: 'G102' });
    expect(plan.lines.every((l) => l.unmet === null)).toBe(true);
  });

  it('confirms a line in one call; the line then shows its booking, and twice books once', async () => {
    const { t, r, request, sedan, driverA } = await setup();
    const plan = await t.ok('bookings.plan', { requestId: request.id }, r.office.token);
    const pickup = line(plan.lines, 'pickup');
    const detail = { ...pickup.proposal, vehicleId: sedan.id, driverId: driverA.id } as Detail;
    const first = await book(t, r.office.token, request.id, detail, 'confirmed', 'pickup');
    expect(first.result.ok).toBe(true);
    const again = await book(t, r.office.token, request.id, detail, 'confirmed', 'pickup');
    expect(again.result.ok).toBe(false);
    if (!again.result.ok) expect(again.result.error.key).toBe('errors.planLineBooked');
    const after = await t.ok('bookings.plan', { requestId: request.id }, r.office.token);
    const booked = line(after.lines, 'pickup');
    expect(booked.booking?.status).toBe('confirmed');
    expect(booked.stale).toBe(false);
    // The driver is called 15 minutes before the pickup, and his task follows the booking.
    expect(booked.booking?.driverCallMs).toBe((booked.booking?.startMs ?? 0) - 15 * 60_000);
    const tasks = await t.ok('tasks.ofRequest', { requestId: request.id }, r.office.token);
    expect(tasks.find((x) => x.kind === 'driver_at_pickup')?.dueAtMs).toBe(
      booked.booking?.driverCallMs,
    );
  });

  it('a body saved before bookings existed still plans complete proposals', async () => {
    const { t, r, request } = await setup();
    const stored = JSON.parse(
      t.rows<{ body: string }>('SELECT body FROM requests WHERE id = ?', request.id)[0]!.body,
    ) as { needs: Record<string, unknown> };
    for (const k of ['pickupPlace', 'arrivalTransportNo', 'dropoffPlace', 'departureTransportNo']) {
      delete stored.needs[k];
    }
    t.exec('UPDATE requests SET body = ? WHERE id = ?', JSON.stringify(stored), request.id);
    const plan = await t.ok('bookings.plan', { requestId: request.id }, r.office.token);
    expect(line(plan.lines, 'pickup').proposal).toMatchObject({
      from: '到达地点',
      transportNo: '',
    });
  });

  it('lists what it cannot satisfy instead of dropping it', async () => {
    const t = makeTestApp();
    const c = await bookingCompany(t);
    // Twelve people: no car has the seats.
    const body = fullNeedsBody();
    const request = await filedRequest(t, c.r, {
      ...body,
      visitors: Array.from({ length: 11 }, (_, i) => ({ ...body.visitors[0]!, name: `客人${i}` })),
    });
    const plan = await t.ok('bookings.plan', { requestId: request.id }, c.r.office.token);
    expect(line(plan.lines, 'pickup').unmet).toBe('bookings.unmet.car');
    expect(
      line(plan.lines, 'pickup').candidates.every((x) => x.misfit === 'bookings.misfit.seats'),
    ).toBe(true);
  });
});

describe('no double booking', () => {
  it('refuses an overlapping confirmed booking of the same car and names the one in the way', async () => {
    const { t, r, request, sedan, driverA, driverB } = await setup();
    expect(
      (await book(t, r.office.token, request.id, carDetail(sedan.id, driverA.id))).result.ok,
    ).toBe(true);
    const before = t.snapshot(['bookings', 'booking_slots']);
    const clash = await book(
      t,
      r.office.token,
      request.id,
      carDetail(sedan.id, driverB.id, { startTime: '13:30', endTime: '15:00' } as Partial<Detail>),
    );
    expect(clash.result.ok).toBe(false);
    if (!clash.result.ok) {
      expect(clash.result.error.code).toBe('CONFLICT');
      expect(clash.result.error.key).toBe('errors.bookingConflict');
      expect(clash.result.error.params).toMatchObject({ resource: '京A12345', code: request.code });
    }
    expect(t.snapshot(['bookings', 'booking_slots'])).toEqual(before);
  });

  it('keeps the 15-minute car buffer, and touching after it is fine', async () => {
    const { t, r, request, sedan, driverA } = await setup();
    await book(t, r.office.token, request.id, carDetail(sedan.id, driverA.id));
    const tooSoon = await book(
      t,
      r.office.token,
      request.id,
      carDetail(sedan.id, driverA.id, { startTime: '14:10', endTime: '15:00' } as Partial<Detail>),
    );
    expect(tooSoon.result.ok).toBe(false);
    const after = await book(
      t,
      r.office.token,
      request.id,
      carDetail(sedan.id, driverA.id, { startTime: '14:15', endTime: '15:00' } as Partial<Detail>),
    );
    expect(after.result.ok).toBe(true);
  });

  it('lets a tentative booking overlap, with a warning, and checks again when it is confirmed', async () => {
    const { t, r, request, sedan, driverA } = await setup();
    await book(t, r.office.token, request.id, carDetail(sedan.id, driverA.id));
    const tentative = await book(
      t,
      r.office.token,
      request.id,
      carDetail(sedan.id, driverA.id, { startTime: '13:30' } as Partial<Detail>),
      'tentative',
    );
    expect(tentative.result.ok).toBe(true);
    if (!tentative.result.ok) return;
    const view = tentative.result.value as { id: number; version: number; clashes: unknown[] };
    expect(view.clashes).toHaveLength(2);
    const confirm = await t.fail(
      'bookings.setStatus',
      { id: view.id, version: view.version, status: 'confirmed' },
      r.office.token,
    );
    expect(confirm.key).toBe('errors.bookingConflict');
  });

  it('rooms have no buffer: back-to-back meetings are fine', async () => {
    const { t, r, request, big } = await setup();
    const room = (startTime: string, endTime: string): Detail => ({
      kind: 'room',
      roomId: big.id,
      attendees: 5,
      setup: [],
      startDate: '2026-12-01',
      startTime,
      endDate: '2026-12-01',
      endTime,
    });
    expect((await book(t, r.office.token, request.id, room('09:00', '10:00'))).result.ok).toBe(
      true,
    );
    expect((await book(t, r.office.token, request.id, room('10:00', '11:00'))).result.ok).toBe(
      true,
    );
    expect((await book(t, r.office.token, request.id, room('10:59', '11:30'))).result.ok).toBe(
      false,
    );
  });
});

describe('bad input changes nothing', () => {
  const cases: [string, (c: Awaited<ReturnType<typeof setup>>) => Detail, string, string][] = [
    [
      'end before start',
      (c) => carDetail(c.sedan.id, c.driverA.id, { endTime: '12:00' } as Partial<Detail>),
      'detail.endTime',
      'validation.endAfterStart',
    ],
    [
      'zero-length booking',
      (c) => carDetail(c.sedan.id, c.driverA.id, { endTime: '13:00' } as Partial<Detail>),
      'detail.endTime',
      'validation.endAfterStart',
    ],
    [
      'more passengers than seats',
      (c) => carDetail(c.sedan.id, c.driverA.id, { passengers: 5 } as Partial<Detail>),
      'detail.passengers',
      'validation.moreThanSeats',
    ],
    [
      'more attendees than capacity',
      (c) => ({
        kind: 'room',
        roomId: c.small.id,
        attendees: 7,
        setup: [],
        startDate: '2026-12-01',
        startTime: '09:00',
        endDate: '2026-12-01',
        endTime: '10:00',
      }),
      'detail.attendees',
      'validation.moreThanCapacity',
    ],
    [
      'a hotel stay of 0 nights',
      (c) => ({
        kind: 'hotel',
        hotelId: c.hotel.id,
        roomType: '标准间',
        rooms: 1,
        checkInDate: '2026-12-01',
        nights: 0,
        payer: 'visitor',
      }),
      'detail.nights',
      'validation.atLeastOne',
    ],
    [
      'fractional fen',
      (c) => ({
        kind: 'restaurant',
        restaurantId: c.restaurant.id,
        privateRoom: '',
        meal: 'lunch',
        date: '2026-12-01',
        time: '12:00',
        covers: 3,
        perHeadFen: 100.5,
      }),
      'detail.perHeadFen',
      'validation.fenInteger',
    ],
    [
      'a flight number that is not one',
      (c) => carDetail(c.sedan.id, c.driverA.id, { transportNo: 'CA 12 34 56' } as Partial<Detail>),
      'detail.transportNo',
      'validation.transportNo',
    ],
    [
      'a year no one means',
      (c) =>
        carDetail(c.sedan.id, c.driverA.id, {
          startDate: '9999-12-31',
          endDate: '9999-12-31',
        } as Partial<Detail>),
      'detail.startDate',
      'validation.bookingYear',
    ],
    [
      'company-paid lodging that was not approved',
      (c) => ({
        kind: 'hotel',
        hotelId: c.hotel.id,
        roomType: '标准间',
        rooms: 1,
        checkInDate: '2026-12-01',
        nights: 1,
        payer: 'company',
      }),
      'detail.payer',
      'errors.companyLodgingNotApproved',
    ],
  ];
  it.each(cases)('%s', async (_name, make, field, key) => {
    const c = await setup();
    const before = c.t.snapshot(['bookings', 'booking_slots', 'booking_resources']);
    const out = await book(c.t, c.r.office.token, c.request.id, make(c));
    expect(out.result.ok).toBe(false);
    if (!out.result.ok) expect(out.result.error.fieldErrors?.[field]?.key).toBe(key);
    expect(c.t.snapshot(['bookings', 'booking_slots', 'booking_resources'])).toEqual(before);
  });

  it('a flight number with spaces is kept without them', async () => {
    const c = await setup();
    const out = await c.t.ok(
      'bookings.save',
      {
        id: null,
        version: null,
        requestId: c.request.id,
        needKey: null,
        status: 'confirmed',
        detail: carDetail(c.sedan.id, c.driverA.id, {
          transportNo: ' mu 5101 ',
        } as Partial<Detail>),
      },
      c.r.office.token,
    );
    expect(out.detail).toMatchObject({ transportNo: 'MU5101' });
  });

  it('an unapproved request is booked tentatively only', async () => {
    const t = makeTestApp();
    const c = await bookingCompany(t);
    const d = await submitted(t, c.r);
    const confirmed = await book(t, c.r.office.token, d.id, carDetail(c.sedan.id, c.driverA.id));
    expect(!confirmed.result.ok && confirmed.result.error.key).toBe('errors.bookingNeedsApproval');
    const tentative = await book(
      t,
      c.r.office.token,
      d.id,
      carDetail(c.sedan.id, c.driverA.id),
      'tentative',
    );
    expect(tentative.result.ok).toBe(true);
  });
});

describe('the visit changes', () => {
  it('a request changed and approved again shows which bookings no longer match', async () => {
    const { t, r, request, sedan, driverA, big } = await setup();
    const plan = await t.ok('bookings.plan', { requestId: request.id }, r.office.token);
    const pickup = line(plan.lines, 'pickup');
    const room = line(plan.lines, 'room-2026-12-01-10:00');
    await book(
      t,
      r.office.token,
      request.id,
      { ...pickup.proposal, vehicleId: sedan.id, driverId: driverA.id } as Detail,
      'confirmed',
      'pickup',
    );
    await book(
      t,
      r.office.token,
      request.id,
      { ...room.proposal, roomId: big.id } as Detail,
      'confirmed',
      room.key,
    );
    // The admin office may not touch a filed request's body: recreate the change as the
    // requests domain would see it after an edit and re-approval (arrival an hour later, the
    // meeting moved to the afternoon).
    const body = fullNeedsBody({ arrivalTime: '10:30' });
    body.itinerary = [
      { date: '2026-12-01', time: '14:00', activity: '座谈交流', place: '', owner: '' },
    ];
    t.exec('UPDATE requests SET body = ? WHERE id = ?', JSON.stringify(body), request.id);
    const after = await t.ok('bookings.plan', { requestId: request.id }, r.office.token);
    expect(line(after.lines, 'pickup').stale).toBe(true);
    expect(after.others.map((b) => b.needKey)).toEqual(['room-2026-12-01-10:00']);
    expect(line(after.lines, 'room-2026-12-01-14:00').booking).toBeNull();
  });

  it('cancelling the request releases its bookings and returns the gifts to stock', async () => {
    const { t, r, request, sedan, driverA, gift } = await setup();
    await book(t, r.office.token, request.id, carDetail(sedan.id, driverA.id));
    await book(t, r.office.token, request.id, {
      kind: 'supply',
      date: '2026-12-01',
      items: [{ supplyId: gift.id, quantity: 3 }],
    });
    expect(
      t.rows<{ stock: number }>('SELECT stock FROM booking_resources WHERE id = ?', gift.id)[0]
        ?.stock,
    ).toBe(7);
    const d = await t.ok('requests.get', { id: request.id }, r.office.token);
    await t.ok(
      'requests.cancel',
      { id: d.id, version: d.version, reason: '客户改期' },
      r.office.token,
    );
    expect(t.count('bookings', "status <> 'cancelled'")).toBe(0);
    expect(t.count('booking_slots')).toBe(0);
    expect(
      t.rows<{ stock: number }>('SELECT stock FROM booking_resources WHERE id = ?', gift.id)[0]
        ?.stock,
    ).toBe(10);
  });

  it('supplies: issuing takes stock, more than in stock is refused, returns put it back', async () => {
    const { t, r, request, gift } = await setup();
    const tooMany = await book(t, r.office.token, request.id, {
      kind: 'supply',
      date: '2026-12-01',
      items: [{ supplyId: gift.id, quantity: 11 }],
    });
    expect(!tooMany.result.ok && tooMany.result.error.fieldErrors?.['detail.items']?.key).toBe(
      'errors.stockShort',
    );
    const issued = await t.ok(
      'bookings.save',
      {
        id: null,
        version: null,
        requestId: request.id,
        needKey: null,
        status: 'confirmed',
        detail: { kind: 'supply', date: '2026-12-01', items: [{ supplyId: gift.id, quantity: 4 }] },
      },
      r.office.token,
    );
    const back = await t.ok(
      'bookings.returnSupplies',
      { id: issued.id, version: issued.version, returned: [{ supplyId: gift.id, quantity: 3 }] },
      r.office.token,
    );
    expect(back.detail).toMatchObject({ items: [{ supplyId: gift.id, quantity: 4, returned: 3 }] });
    expect(
      t.rows<{ stock: number }>('SELECT stock FROM booking_resources WHERE id = ?', gift.id)[0]
        ?.stock,
    ).toBe(9);
  });
});

describe('a request that will not happen', () => {
  it('rejected at filing, it lets go of its bookings and gifts, and voids its tasks', async () => {
    const t = makeTestApp();
    const c = await bookingCompany(t);
    const d = await t.ok(
      'requests.submit',
      { id: null, version: null, body: fullNeedsBody() },
      c.r.host.token,
    );
    await decideAs(t, c.r.head.token, d.id);
    await book(t, c.r.office.token, d.id, carDetail(c.sedan.id, c.driverA.id));
    await book(t, c.r.office.token, d.id, {
      kind: 'supply',
      date: '2026-12-01',
      items: [{ supplyId: c.gift.id, quantity: 4 }],
    });
    await decideAs(t, c.r.office.token, d.id, 'reject', '接待取消');
    expect(t.count('bookings', "status <> 'cancelled'")).toBe(0);
    expect(t.count('booking_slots')).toBe(0);
    const stock = t.rows<{ stock: number }>(
      'SELECT stock FROM booking_resources WHERE id = ?',
      c.gift.id,
    );
    expect(stock[0]?.stock).toBe(10);
    // The car is free again for another visit.
    const other = await filedRequest(t, c.r);
    expect(
      (await book(t, c.r.office.token, other.id, carDetail(c.sedan.id, c.driverA.id))).result.ok,
    ).toBe(true);
  });

  it('a pickup confirmed before filing sets the driver’s task when the request is filed', async () => {
    const t = makeTestApp();
    const c = await bookingCompany(t);
    const d = await t.ok(
      'requests.submit',
      { id: null, version: null, body: fullNeedsBody() },
      c.r.host.token,
    );
    await decideAs(t, c.r.head.token, d.id);
    const made = await t.ok(
      'bookings.save',
      {
        id: null,
        version: null,
        requestId: d.id,
        needKey: null,
        status: 'confirmed',
        detail: carDetail(c.sedan.id, c.driverA.id, {
          carKind: 'pickup',
          startTime: '07:00',
          endTime: '08:30',
        } as Partial<Detail>),
      },
      c.r.office.token,
    );
    await decideAs(t, c.r.office.token, d.id);
    const tasks = await t.ok('tasks.ofRequest', { requestId: d.id }, c.r.office.token);
    expect(tasks.find((x) => x.kind === 'driver_at_pickup')?.dueAtMs).toBe(made.driverCallMs);
  });
});

describe('reading bookings', () => {
  it('the host sees his request’s bookings; another host gets "not found"', async () => {
    const { t, r, request, sedan, driverA } = await setup();
    await book(t, r.office.token, request.id, carDetail(sedan.id, driverA.id));
    const mine = await t.ok('bookings.ofRequest', { requestId: request.id }, r.host.token);
    expect(mine).toHaveLength(1);
    const stranger = await signedInUser(t, r.admin.token, {
      login: 'host2',
      displayName: '孙接待',
      roles: ['host'],
    });
    const other = await t.fail('bookings.ofRequest', { requestId: request.id }, stranger.token);
    expect(other.code).toBe('NOT_FOUND');
  });

  it('a clash names another request only to those who read all bookings', async () => {
    const { t, r, request, sedan, driverA } = await setup();
    const other = await filedRequest(t, r);
    await book(t, r.office.token, other.id, carDetail(sedan.id, driverA.id));
    await book(t, r.office.token, request.id, carDetail(sedan.id, driverA.id), 'tentative');
    const office = await t.ok('bookings.ofRequest', { requestId: request.id }, r.office.token);
    expect(office[0]?.clashes.map((c) => c.requestCode)).toContain(other.code);
    const host = await t.ok('bookings.ofRequest', { requestId: request.id }, r.host.token);
    expect(host[0]?.clashes).toEqual([]);
  });

  it('supplies: an edit may not issue fewer than came back', async () => {
    const { t, r, request, gift } = await setup();
    const issued = await t.ok(
      'bookings.save',
      {
        id: null,
        version: null,
        requestId: request.id,
        needKey: null,
        status: 'confirmed',
        detail: { kind: 'supply', date: '2026-12-01', items: [{ supplyId: gift.id, quantity: 4 }] },
      },
      r.office.token,
    );
    const back = await t.ok(
      'bookings.returnSupplies',
      { id: issued.id, version: issued.version, returned: [{ supplyId: gift.id, quantity: 3 }] },
      r.office.token,
    );
    const e = await t.fail(
      'bookings.save',
      {
        id: back.id,
        version: back.version,
        requestId: request.id,
        needKey: null,
        status: 'confirmed',
        detail: { kind: 'supply', date: '2026-12-01', items: [{ supplyId: gift.id, quantity: 2 }] },
      },
      r.office.token,
    );
    expect(e.fieldErrors?.['detail.items.0.quantity']?.key).toBe('validation.belowReturned');
  });

  it('free, calendar and day show the booking', async () => {
    const { t, r, request, sedan, van, driverA } = await setup();
    await book(t, r.office.token, request.id, carDetail(sedan.id, driverA.id));
    const free = await t.ok(
      'bookings.free',
      {
        startDate: '2026-12-01',
        startTime: '13:30',
        endDate: '2026-12-01',
        endTime: '14:30',
        passengers: 3,
        attendees: 0,
        equipment: [],
      },
      r.office.token,
    );
    expect(free.vehicles.map((v) => [v.id, v.fits])).toEqual([
      [van.id, true],
      [sedan.id, false],
    ]);
    const cal = await t.ok(
      'bookings.calendar',
      { resourceKind: 'vehicle', from: '2026-12-01', days: 1 },
      r.office.token,
    );
    expect(cal.slots.map((s) => s.resourceId)).toEqual([sedan.id]);
    const day = await t.ok('bookings.day', { date: '2026-12-01' }, r.office.token);
    expect(day.bookings.map((b) => b.kind)).toEqual(['car']);
  });

  it('an empty itinerary without bookings has nothing to export: a clear refusal, not a 500', async () => {
    const t = makeTestApp();
    const c = await bookingCompany(t);
    const request = await filedRequest(t, c.r, fullNeedsBody({ itinerary: [] }));
    const e = await t.fail(
      'bookings.ics',
      { requestId: request.id, bookingId: null },
      c.r.host.token,
    );
    expect(e.key).toBe('errors.nothingToExport');
  });

  it('exports the itinerary with its bookings as .ics', async () => {
    const { t, r, request, sedan, driverA } = await setup();
    await book(t, r.office.token, request.id, carDetail(sedan.id, driverA.id));
    const ics = await t.ok(
      'bookings.ics',
      { requestId: request.id, bookingId: null },
      r.host.token,
    );
    expect(ics.fileName.endsWith('.ics')).toBe(true);
    expect(ics.text).toContain('BEGIN:VCALENDAR');
    expect(ics.text.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    // 13:00 in Shanghai is 05:00 UTC.
    expect(ics.text).toContain('DTSTART:20261201T050000Z');
    // A meal reads as a meal, in the reader's language.
    await book(t, r.office.token, request.id, {
      kind: 'restaurant',
      restaurantId: (
        await t.ok(
          'bookings.resources',
          { kind: 'restaurant', includeInactive: false },
          r.office.token,
        )
      )[0]!.id,
      privateRoom: '',
      meal: 'lunch',
      date: '2026-12-01',
      time: '12:00',
      covers: 3,
      perHeadFen: 9_000,
    });
    const again = await t.ok(
      'bookings.ics',
      { requestId: request.id, bookingId: null },
      r.host.token,
    );
    expect(again.text).toContain('SUMMARY:午餐：老房子餐厅');
  });
});
