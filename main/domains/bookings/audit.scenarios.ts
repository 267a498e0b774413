import type { OpInput } from '../../../shared/contract/operations';
import { type Scenarios } from '../../test-scenarios';
import { bookingCompany, filedRequest } from './test-company';

const car = (vehicleId: number, driverId: number): OpInput<'bookings.save'>['detail'] => ({
  kind: 'car',
  carKind: 'pickup',
  vehicleId,
  driverId,
  from: '首都机场',
  to: '公司',
  passengers: 2,
  transportNo: 'CA1234',
  startDate: '2026-12-01',
  startTime: '09:00',
  endDate: '2026-12-01',
  endTime: '10:30',
});

/** One successful call of each write operation of this domain (see main/test-scenarios.ts). */
export const auditScenarios: Scenarios = {
  'bookings.saveResource': async (t) => {
    const c = await bookingCompany(t);
    return async () => ({
      outcome: await t.call(
        'bookings.saveResource',
        {
          id: null,
          version: null,
          resource: { kind: 'room', name: '洽谈室', place: '2楼', capacity: 4, equipment: [] },
        },
        c.r.office.token,
      ),
      actorId: c.r.office.userId,
    });
  },
  'bookings.setResourceActive': async (t) => {
    const c = await bookingCompany(t);
    return async () => ({
      outcome: await t.call(
        'bookings.setResourceActive',
        { id: c.van.id, version: c.van.version, active: false },
        c.r.office.token,
      ),
      actorId: c.r.office.userId,
    });
  },
  'bookings.saveRules': async (t) => {
    const c = await bookingCompany(t);
    return async () => ({
      outcome: await t.call(
        'bookings.saveRules',
        { carBufferMinutes: 20, roomBufferMinutes: 10 },
        c.r.office.token,
      ),
      actorId: c.r.office.userId,
    });
  },
  'bookings.save': async (t) => {
    const c = await bookingCompany(t);
    const request = await filedRequest(t, c.r);
    return async () => ({
      outcome: await t.call(
        'bookings.save',
        {
          id: null,
          version: null,
          requestId: request.id,
          needKey: null,
          status: 'confirmed',
          detail: car(c.van.id, c.driverA.id),
        },
        c.r.office.token,
      ),
      actorId: c.r.office.userId,
    });
  },
  'bookings.setStatus': async (t) => {
    const c = await bookingCompany(t);
    const request = await filedRequest(t, c.r);
    const b = await t.ok(
      'bookings.save',
      {
        id: null,
        version: null,
        requestId: request.id,
        needKey: null,
        status: 'tentative',
        detail: car(c.van.id, c.driverA.id),
      },
      c.r.office.token,
    );
    return async () => ({
      outcome: await t.call(
        'bookings.setStatus',
        { id: b.id, version: b.version, status: 'confirmed' },
        c.r.office.token,
      ),
      actorId: c.r.office.userId,
    });
  },
  'bookings.returnSupplies': async (t) => {
    const c = await bookingCompany(t);
    const request = await filedRequest(t, c.r);
    const b = await t.ok(
      'bookings.save',
      {
        id: null,
        version: null,
        requestId: request.id,
        needKey: null,
        status: 'confirmed',
        detail: {
          kind: 'supply',
          date: '2026-12-01',
          items: [{ supplyId: c.gift.id, quantity: 2 }],
        },
      },
      c.r.office.token,
    );
    return async () => ({
      outcome: await t.call(
        'bookings.returnSupplies',
        { id: b.id, version: b.version, returned: [{ supplyId: c.gift.id, quantity: 1 }] },
        c.r.office.token,
      ),
      actorId: c.r.office.userId,
    });
  },
};
