// @vitest-environment jsdom
import '../../test/jsdom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionView } from '../../../../shared/auth/sessions';
import { call } from '../../api/client';
import type * as ClientModule from '../../api/client';
import { createQueryClient } from '../../api/queries';
import i18n from '../../i18n';
import { fail, fakeBackend, ok, type FakeBackend } from '../../test/fakeBackend';
import { sessionOf } from '../../test/fixtures';
import { renderSignedIn } from '../../test/render';
import { clientLabel } from './sessionClient';
import { SessionsPage } from './SessionsPage';

vi.mock('../../api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof ClientModule>()),
  call: vi.fn(),
}));

const t = i18n.t.bind(i18n);
const AT = Date.UTC(2026, 10, 27, 1, 0);

function session(patch: Partial<SessionView>): SessionView {
  return {
    id: '0000000000000001',
    userId: 2,
    login: 'sun',
    displayName: '孙接待',
    client: '10.0.0.21',
    createdAtMs: AT,
    lastActiveAtMs: AT,
    endedAtMs: null,
    status: 'active',
    current: false,
    ...patch,
  };
}

const ROWS = [
  session({ id: 'a000000000000001', client: '10.0.0.21' }),
  session({
    id: 'a000000000000002',
    userId: 1,
    login: 'admin',
    displayName: '王管理',
    client: 'local-app',
    current: true,
  }),
  session({ id: 'a000000000000003', client: null, status: 'revoked', endedAtMs: AT }),
];

let fake: FakeBackend;
beforeEach(() => {
  fake = fakeBackend({
    'sessions.list': () => ok({ items: ROWS, next: null, total: { count: 3, atLeast: false } }),
    'sessions.revoke': () => ok({ ended: 1 }),
  });
  vi.mocked(call).mockImplementation(fake.call);
});

async function show() {
  renderSignedIn(
    fake,
    sessionOf(['sysadmin']),
    <QueryClientProvider client={createQueryClient()}>
      <SessionsPage />
    </QueryClientProvider>,
  );
  return screen.findByRole('table', { name: t('sessions.title') });
}

const rowOf = async (text: string) => {
  const cell = await screen.findByText(text);
  const row = cell.closest('[role="row"]');
  if (!(row instanceof HTMLElement)) throw new Error(`no row of ${text}`);
  return row;
};

const confirmation = () =>
  waitFor(() => {
    const el = document.querySelector<HTMLElement>('.ant-popconfirm');
    if (!el) throw new Error('no confirmation yet');
    return el;
  });

describe('SessionsPage', () => {
  it('shows who, from where and in what state; only others’ live sessions can be ended', async () => {
    await show();
    const live = await rowOf('10.0.0.21');
    expect(within(live).getByText(t('sessions.status.active'))).toBeTruthy();
    expect(
      within(live).getByRole('button', {
        name: t('sessions.revokeLabel', { name: '孙接待', client: '10.0.0.21' }),
      }),
    ).toBeTruthy();
    const mine = await rowOf(t('sessions.localApp'));
    expect(within(mine).getByText(t('sessions.current'))).toBeTruthy();
    expect(within(mine).queryAllByRole('button')).toEqual([]);
    const ended = await rowOf(t('sessions.unknownClient'));
    expect(within(ended).getByText(t('sessions.status.revoked'))).toBeTruthy();
    expect(within(ended).queryAllByRole('button')).toEqual([]);
  });

  it('ends a session after a confirmation, and reads the list again', async () => {
    await show();
    const live = await rowOf('10.0.0.21');
    fireEvent.click(
      within(live).getByRole('button', {
        name: t('sessions.revokeLabel', { name: '孙接待', client: '10.0.0.21' }),
      }),
    );
    const confirm = await confirmation();
    expect(
      within(confirm).getByText(
        t('sessions.revokeConfirm', { name: '孙接待', client: '10.0.0.21' }),
      ),
    ).toBeTruthy();
    expect(fake.inputsOf('sessions.revoke')).toEqual([]);
    fireEvent.click(within(confirm).getByRole('button', { name: t('sessions.revoke') }));
    expect(await screen.findByText(t('sessions.revoked'))).toBeTruthy();
    expect(fake.inputsOf('sessions.revoke')).toEqual([{ id: 'a000000000000001' }]);
    await waitFor(() => expect(fake.inputsOf('sessions.list')).toHaveLength(2));
  });

  it('says why main refused, and shows the state it found', async () => {
    fake.on('sessions.revoke', () => fail('CONFLICT', 'sessions.errors.alreadyEnded'));
    await show();
    const live = await rowOf('10.0.0.21');
    fireEvent.click(
      within(live).getByRole('button', {
        name: t('sessions.revokeLabel', { name: '孙接待', client: '10.0.0.21' }),
      }),
    );
    const confirm = await confirmation();
    fireEvent.click(within(confirm).getByRole('button', { name: t('sessions.revoke') }));
    expect(await screen.findByText(t('sessions.errors.alreadyEnded'))).toBeTruthy();
    await waitFor(() => expect(fake.inputsOf('sessions.list')).toHaveLength(2));
  });
});

describe('clientLabel', () => {
  it.each([
    ['10.0.0.21', '10.0.0.21', true],
    ['::ffff:192.168.1.5', '::ffff:192.168.1.5', true],
    ['local-app', t('sessions.localApp'), true],
    ['unknown', t('sessions.unknownClient'), false],
    [null, t('sessions.unknownClient'), false],
  ])('%s → %s', (client, text, recorded) => {
    expect(clientLabel(client, (k) => t(k))).toEqual({ text, recorded });
  });
});
