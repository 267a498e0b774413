// @vitest-environment jsdom
import '../../../test/jsdom';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { ResourceInput, ResourceView } from '../../../../../shared/bookings';
import { call } from '../../../api/client';
import type * as ClientModule from '../../../api/client';
import { createQueryClient } from '../../../api/queries';
import i18n from '../../../i18n';
import { fail, fakeBackend, ok, type FakeBackend } from '../../../test/fakeBackend';
import { renderUi } from '../../../test/render';
import { ResourceModal } from './ResourceForm';

// The transport is the boundary: the form, its schema and the dialog run for real.
vi.mock('../../../api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof ClientModule>()),
  call: vi.fn(),
}));

const t = i18n.t.bind(i18n);
/** The first answer may take a while on a loaded machine (the whole suite runs in parallel). */
const SLOW = { timeout: 10_000 };
const show = (ui: ReactElement) =>
  renderUi(<QueryClientProvider client={createQueryClient()}>{ui}</QueryClientProvider>);

/** What main answers for a saved resource (the name of a vehicle is its plate). */
function viewOf(resource: ResourceInput, id = 1): ResourceView {
  return {
    id,
    kind: resource.kind,
    name: resource.kind === 'vehicle' ? resource.plate : resource.name,
    capacity: resource.kind === 'vehicle' ? resource.seats : 0,
    stock: 0,
    active: true,
    version: 1,
    details: resource,
  };
}

let fake: FakeBackend;
let onClose: Mock<(saved: ResourceView | null) => void>;

beforeEach(() => {
  fake = fakeBackend({ 'bookings.saveResource': (input) => ok(viewOf(input.resource)) });
  vi.mocked(call).mockImplementation(fake.call);
  onClose = vi.fn<(saved: ResourceView | null) => void>();
});

const input = (id: string) => {
  const el = document.getElementById(id);
  if (!(el instanceof HTMLInputElement)) throw new Error(`no input #${id}`);
  return el;
};
const type = (id: string, value: string) => fireEvent.change(input(id), { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: t('common.save') }));

describe('ResourceModal', () => {
  it('shows a pasted plate as it is kept (京a 12345 → 京A12345) and saves that', async () => {
    show(<ResourceModal kind="vehicle" resource={null} onClose={onClose} />);
    await screen.findByText(t('bookingsCatalogue.kinds.vehicle.add'), {}, SLOW);
    type('resource.plate', '京a 12345');
    fireEvent.blur(input('resource.plate'));
    await waitFor(() => expect(input('resource.plate').value).toBe('京A12345'), SLOW);
    type('resource.model', '别克GL8');
    save();
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1), SLOW);
    expect(fake.inputsOf('bookings.saveResource')).toEqual([
      {
        id: null,
        version: null,
        resource: { kind: 'vehicle', plate: '京A12345', model: '别克GL8', seats: 5 },
      },
    ]);
  });

  it('puts main’s refusal of a duplicate plate on the plate field', async () => {
    fake.on('bookings.saveResource', () =>
      fail('INVALID_INPUT', 'errors.INVALID_INPUT', undefined, {
        'resource.plate': { key: 'errors.resourceNameTaken', params: { name: '京A12345' } },
      }),
    );
    show(<ResourceModal kind="vehicle" resource={null} onClose={onClose} />);
    await screen.findByText(t('bookingsCatalogue.kinds.vehicle.add'), {}, SLOW);
    type('resource.plate', '京A12345');
    type('resource.model', '帕萨特');
    save();
    expect(
      await screen.findByText(t('errors.resourceNameTaken', { name: '京A12345' }), {}, SLOW),
    ).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('accepts a driver’s phone typed with spaces and keeps it without them', async () => {
    show(<ResourceModal kind="driver" resource={null} onClose={onClose} />);
    await screen.findByText(t('bookingsCatalogue.kinds.driver.add'), {}, SLOW);
    type('resource.name', '赵师傅');
    type('resource.phone', '139 0000 1111');
    fireEvent.blur(input('resource.phone'));
    await waitFor(() => expect(input('resource.phone').value).toBe('13900001111'), SLOW);
    save();
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1), SLOW);
    expect(fake.inputsOf('bookings.saveResource')[0]?.resource).toEqual({
      kind: 'driver',
      name: '赵师傅',
      phone: '13900001111',
      licenceClass: 'C1',
    });
  });

  it('a stale version: says so, closes and refreshes the catalogue', async () => {
    fake.on('bookings.saveResource', () => fail('CONFLICT', 'errors.staleResource'));
    const resource = viewOf({ kind: 'supply', name: '纪念茶叶', unit: '盒', stock: 10 }, 7);
    show(<ResourceModal kind="supply" resource={resource} onClose={onClose} />);
    await screen.findByText(t('bookingsCatalogue.kinds.supply.edit'), {}, SLOW);
    expect(input('resource.name').value).toBe('纪念茶叶');
    type('resource.stock', '8');
    save();
    expect(await screen.findByText(t('errors.staleResource'), {}, SLOW)).toBeTruthy();
    await waitFor(() => expect(onClose).toHaveBeenCalledWith(null), SLOW);
    expect(await screen.findByText(t('bookingsCatalogue.refreshed'), {}, SLOW)).toBeTruthy();
    expect(fake.inputsOf('bookings.saveResource')[0]).toMatchObject({ id: 7, version: 1 });
  });
});
