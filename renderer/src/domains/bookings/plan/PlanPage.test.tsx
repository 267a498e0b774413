// @vitest-environment jsdom
import '../../../test/jsdom';
import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BookingDetail, PlanLineView } from '../../../../../shared/bookings';
import { DEFAULT_POLICY } from '../../../../../shared/policy';
import { call } from '../../../api/client';
import type * as ClientModule from '../../../api/client';
import { createQueryClient } from '../../../api/queries';
import { fail, fakeBackend, ok, type FakeBackend } from '../../../test/fakeBackend';
import { dossierOf, sessionOf } from '../../../test/fixtures';
import { renderSignedIn } from '../../../test/render';
import { PlanPage } from './PlanPage';
import {
  bookedView,
  giftsLine,
  hotelLine,
  lunchLine,
  pickupLine,
  planOf,
  roomLine,
} from './planFixtures';

vi.mock('../../../api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof ClientModule>()),
  call: vi.fn(),
}));

let lines: PlanLineView[];
let fake: FakeBackend;
/** Lets a test hold `bookings.save` until it says so (a slow server under a double click). */
let release: (() => void) | null;

function start() {
  lines = [
    pickupLine({ timeGuessed: true }),
    roomLine(),
    hotelLine(),
    lunchLine(),
    giftsLine({ candidates: [], unmet: 'bookings.unmet.supply' }),
  ];
  release = null;
  fake = fakeBackend({
    'bookings.plan': () => ok(planOf(lines)),
    'requests.get': () => ok(dossierOf({ status: 'filed', tier: 'C' })),
    'policy.get': () => ok({ version: 1, policy: DEFAULT_POLICY, createdAtMs: 0, note: '' }),
    'bookings.resources': () => ok([]),
    'bookings.save': async (input) => {
      if (release === null) await new Promise<void>((r) => (release = r));
      const i = lines.findIndex((l) => l.key === input.needKey);
      const l = lines[i];
      if (!l) return fail('CONFLICT', 'errors.planLineGone');
      if (l.booking) return fail('CONFLICT', 'errors.planLineBooked');
      const booking = bookedView(l, input.detail as BookingDetail);
      lines[i] = { ...l, booking };
      return ok(booking);
    },
  });
  vi.mocked(call).mockImplementation(fake.call);
  renderSignedIn(
    fake,
    sessionOf(['admin_office']),
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter initialEntries={['/bookings/plan/7']}>
        <Routes>
          <Route path="/bookings/plan/:requestId" element={<PlanPage />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const card = async (key: string) =>
  (await screen.findAllByTestId('plan-line')).find((c) => c.dataset.key === key) as HTMLElement;

describe('PlanPage', () => {
  beforeEach(start);

  it('books a line in one action with its first fitting car and driver, once under a double click', async () => {
    const pickup = await card('pickup');
    const button = within(pickup).getByTestId('confirm-line');
    fireEvent.click(button);
    fireEvent.click(button);
    await waitFor(() => expect(fake.inputsOf('bookings.save')).toHaveLength(1));
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(true));
    release?.();
    const [input] = fake.inputsOf('bookings.save');
    expect(input).toMatchObject({
      id: null,
      version: null,
      requestId: 7,
      needKey: 'pickup',
      status: 'confirmed',
      detail: { kind: 'car', vehicleId: 11, driverId: 22, transportNo: 'CA1234' },
    });
    // The plan is read again: the line now shows its booking, confirmed, with the driver's call.
    await waitFor(async () =>
      expect(within(await card('pickup')).getByTestId('booking-status').textContent).toBe('已确认'),
    );
    expect(within(await card('pickup')).getByTestId('driver-call').textContent).toContain('09:15');
    expect(fake.inputsOf('bookings.save')).toHaveLength(1);
  });

  it('restaurant: the smallest private room; hotel: the first room type', async () => {
    release = () => undefined;
    fireEvent.click(within(await card('meal-2026-12-01-lunch')).getByTestId('confirm-line'));
    fireEvent.click(within(await card('hotel')).getByTestId('confirm-line'));
    await waitFor(() => expect(fake.inputsOf('bookings.save')).toHaveLength(2));
    const details = fake.inputsOf('bookings.save').map((i) => i.detail);
    expect(details).toContainEqual(
      expect.objectContaining({ kind: 'restaurant', restaurantId: 51, privateRoom: '小包间' }),
    );
    expect(details).toContainEqual(
      expect.objectContaining({ kind: 'hotel', hotelId: 41, roomType: '标准间' }),
    );
  });

  it('shows what it cannot satisfy and a guessed time, and greys misfits with their reason', async () => {
    const gifts = await card('gifts');
    expect(within(gifts).getByTestId('unmet-tag').textContent).toBe('无法满足');
    expect(within(gifts).getByText(/没有库存足够的物品/)).toBeTruthy();
    expect(within(gifts).getByTestId('confirm-line').hasAttribute('disabled')).toBe(true);
    expect(within(await card('pickup')).getByText('时间待定，请核对')).toBeTruthy();
    const room = await card('room-2026-12-01-10:00');
    const misfits = within(room)
      .getAllByTestId('candidate')
      .filter((c) => c.dataset.fits === 'false');
    expect(misfits.map((m) => m.textContent)).toEqual([expect.stringContaining('缺少所需设备')]);
  });

  it('a refusal names the booking in the way, on the line', async () => {
    fake.on('bookings.save', () =>
      fail('CONFLICT', 'errors.bookingConflict', {
        resource: '京A12345',
        code: 'JD-20261130-009',
        from: '09:00',
        to: '10:00',
      }),
    );
    fireEvent.click(within(await card('pickup')).getByTestId('confirm-line'));
    const alert = await within(await card('pickup')).findByTestId('line-refusal');
    expect(alert.textContent).toContain('JD-20261130-009');
    expect(alert.textContent).toContain('京A12345');
  });
});
