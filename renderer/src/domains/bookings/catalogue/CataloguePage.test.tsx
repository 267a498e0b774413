// @vitest-environment jsdom
import '../../../test/jsdom';
import { screen } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../../../shared/auth/roles';
import type { ResourceView } from '../../../../../shared/bookings';
import { call } from '../../../api/client';
import type * as ClientModule from '../../../api/client';
import { createQueryClient } from '../../../api/queries';
import i18n from '../../../i18n';
import { fakeBackend, ok } from '../../../test/fakeBackend';
import { sessionOf } from '../../../test/fixtures';
import { renderSignedIn } from '../../../test/render';
import { CataloguePage } from './CataloguePage';

vi.mock('../../../api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof ClientModule>()),
  call: vi.fn(),
}));

const t = i18n.t.bind(i18n);
/** The first answer may take a while on a loaded machine (the whole suite runs in parallel). */
const SLOW = { timeout: 10_000 };

const van: ResourceView = {
  id: 1,
  kind: 'vehicle',
  name: '京B67890',
  capacity: 7,
  stock: 0,
  active: true,
  version: 1,
  details: { kind: 'vehicle', plate: '京B67890', model: '别克GL8', seats: 7 },
};

function open(roles: Role[]) {
  const fake = fakeBackend({
    'bookings.resources': () => ok([van]),
    'bookings.rules': () => ok({ carBufferMinutes: 15, roomBufferMinutes: 0 }),
  });
  vi.mocked(call).mockImplementation(fake.call);
  renderSignedIn(
    fake,
    sessionOf(roles),
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter>
        <CataloguePage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('CataloguePage', () => {
  it('the admin office: add, edit and 停用 on every row, and the rules to save', async () => {
    open(['admin_office']);
    expect(await screen.findByText('别克GL8', {}, SLOW)).toBeTruthy();
    expect(screen.getByRole('button', { name: /新增车辆/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: `${t('common.edit')} 京B67890` })).toBeTruthy();
    expect(
      screen.getByRole('button', { name: `${t('bookingsCatalogue.deactivate')} 京B67890` }),
    ).toBeTruthy();
    expect(
      ((await screen.findByLabelText(/车辆、驾驶员/, {}, SLOW)) as HTMLInputElement).disabled,
    ).toBe(false);
  });

  it('the front desk reads the catalogue and the rules, and changes nothing', async () => {
    open(['front_desk']);
    expect(await screen.findByText('别克GL8', {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /新增车辆/ })).toBeNull();
    expect(screen.queryByRole('button', { name: `${t('common.edit')} 京B67890` })).toBeNull();
    expect(
      ((await screen.findByLabelText(/车辆、驾驶员/, {}, SLOW)) as HTMLInputElement).disabled,
    ).toBe(true);
    expect(screen.queryByRole('button', { name: t('common.save') })).toBeNull();
  });
});
