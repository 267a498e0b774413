import { describe, expect, it } from 'vitest';
import type { OpInput } from '../../../shared/contract/operations';
import { makeTestApp } from '../../test-support';
import { bookingCompany, filedRequest } from './test-company';

describe('the day view', () => {
  it('carries the catalogue entries its bookings name and each request’s host', async () => {
    const t = makeTestApp();
    const { r, sedan, driverA, big } = await bookingCompany(t);
    const request = await filedRequest(t, r);
    const save = (detail: OpInput<'bookings.save'>['detail']) =>
      t.ok(
        'bookings.save',
        {
          id: null,
          version: null,
          requestId: request.id,
          needKey: null,
          status: 'confirmed',
          detail,
        },
        r.office.token,
      );
    await save({
      kind: 'car',
      carKind: 'pickup',
      vehicleId: sedan.id,
      driverId: driverA.id,
      from: '首都机场T3',
      to: '公司',
      passengers: 3,
      transportNo: 'CA1234',
      startDate: '2026-12-01',
      startTime: '09:00',
      endDate: '2026-12-01',
      endTime: '10:00',
    });
    await save({
      kind: 'room',
      roomId: big.id,
      attendees: 8,
      setup: [{ item: 'tea', responsible: '王芳', done: false }],
      startDate: '2026-12-01',
      startTime: '10:00',
      endDate: '2026-12-01',
      endTime: '12:00',
    });
    const day = await t.ok('bookings.day', { date: '2026-12-01' }, r.office.token);
    expect(day.bookings.map((b) => b.kind)).toEqual(['car', 'room']);
    expect(day.resources[sedan.id]?.details).toMatchObject({ plate: '京A12345', model: '帕萨特' });
    expect(day.resources[driverA.id]?.details).toMatchObject({ phone: '13900001111' });
    expect(day.resources[big.id]?.details).toMatchObject({ place: '5楼' });
    expect(day.hosts[request.id]).toBe(request.hostName);

    const empty = await t.ok('bookings.day', { date: '2026-11-01' }, r.office.token);
    expect(empty).toEqual({ date: '2026-11-01', bookings: [], resources: {}, hosts: {} });
  });
});
