// @vitest-environment jsdom
import '../../../test/jsdom';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AdvanceView, VisitMoneyView } from '../../../../../shared/expenses';
import { formatYuan } from '../../../../../shared/money';
import { call } from '../../../api/client';
import { createQueryClient } from '../../../api/queries';
import type * as ClientModule from '../../../api/client';
import i18n from '../../../i18n';
import { fail, fakeBackend, ok, type FakeBackend } from '../../../test/fakeBackend';
import { dossierOf, sessionOf } from '../../../test/fixtures';
import { renderSignedIn } from '../../../test/render';
import type { SessionInfo } from '../../../../../shared/contract/types';
import { AdvancesCard } from './AdvancesCard';

// The transport is the boundary: the card, its dialogs, session and i18n above it run for real.
vi.mock('../../../api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof ClientModule>()),
  call: vi.fn(),
}));

const t = i18n.t.bind(i18n);
const yuan = (fen: number) => formatYuan(fen, 'zh-CN');
const HOST = 3;

function advance(patch: Partial<AdvanceView> = {}): AdvanceView {
  return {
    id: 11,
    requestId: 7,
    seq: 1,
    amountFen: 50_000,
    purpose: '接待期间餐费',
    status: 'approving',
    requestedByName: '李娜',
    requestedAtMs: Date.UTC(2026, 10, 30, 2),
    issuedOn: null,
    issuedMethod: null,
    issuedByName: null,
    steps: [],
    version: 1,
    ...patch,
  };
}

/** A filed visit with a budget of 2,000.00: advances may reach 1,600.00 together. */
function moneyOf(advances: AdvanceView[], rights: Partial<VisitMoneyView['rights']> = {}) {
  const {
    body: _b,
    policyVersion: _p,
    checks: _c,
    budget: _bu,
    steps: _s,
    events: _e,
    changes: _ch,
    changesSinceRevision: _cs,
    myStep: _m,
    remind: _r,
    canEdit: _ce,
    ...rest
  } = dossierOf({ status: 'filed', hostUserId: HOST });
  const request = {
    id: rest.id,
    code: rest.code,
    status: rest.status,
    hostUserId: rest.hostUserId,
    hostName: rest.hostName,
    departmentId: rest.departmentId,
    departmentName: rest.departmentName,
    orgName: rest.orgName,
    tier: rest.tier,
    arrivalDate: rest.arrivalDate,
    departureDate: rest.departureDate,
    visitorCount: rest.visitorCount,
    budgetTotalFen: 200_000,
    retroactive: false,
    revision: 1,
    version: 4,
    updatedAtMs: rest.updatedAtMs,
  };
  const zero = { amountFen: 0, companyFen: 0, borneByHostFen: 0, overCapFen: 0 };
  const money: VisitMoneyView = {
    request,
    policyVersion: 1,
    mealCapFen: 10_000,
    canteenMealFen: 3_000,
    advanceShareBp: 8000,
    arrivedVisitors: null,
    companions: 1,
    advances,
    lines: [],
    checks: [],
    budget: { rows: [], budgetFen: 200_000, actualFen: 0 },
    totals: zero,
    reconciliation: {
      id: null,
      status: 'open',
      revision: 0,
      submittedAtMs: null,
      settledAtMs: null,
      returnedLineId: null,
      returnReason: '',
      steps: [],
      clearing: {
        advanceFen: 0,
        companyPaysFen: 0,
        cardOwedFen: 0,
        toReturnFen: 0,
        toReimburseFen: 0,
      },
      version: 1,
    },
    payableBookings: [],
    suppliesToReturn: [],
    rights: {
      recordLines: true,
      askAdvance: true,
      submit: false,
      issueAdvances: false,
      grantExceptions: false,
      archive: false,
      reopen: false,
      ...rights,
    },
  };
  return money;
}

let fake: FakeBackend;

beforeEach(() => {
  fake = fakeBackend();
  vi.mocked(call).mockImplementation(fake.call);
});

function show(session: SessionInfo, ui: ReactElement) {
  renderSignedIn(
    fake,
    session,
    <QueryClientProvider client={createQueryClient()}>{ui}</QueryClientProvider>,
  );
}

const host = sessionOf(['host'], { id: HOST, login: 'li.na', displayName: '李娜' });
const card = () => screen.findByTestId('advances-card');
function button(scope: HTMLElement, label: string): HTMLElement {
  const found = [...scope.querySelectorAll<HTMLElement>('button')].filter(
    (b) => b.textContent?.replace(/\s/g, '') === label.replace(/\s/g, ''),
  );
  if (found.length !== 1) throw new Error(`${found.length} buttons "${label}"`);
  return found[0] as HTMLElement;
}

describe('AdvancesCard', () => {
  it('shows the limit and the advances, and asks for one in yuan (kept in fen)', async () => {
    const money = moneyOf([advance({ amountFen: 40_000 })]);
    fake.on('expenses.saveAdvance', () => ok(money));
    show(host, <AdvancesCard money={money} />);
    const c = await card();
    expect(
      within(c).getByText(
        t('expensesAdvances.limit', {
          sharePct: 80,
          budgetFen: yuan(200_000),
          limitFen: yuan(160_000),
          availableFen: yuan(120_000),
        }),
      ),
    ).toBeTruthy();
    expect(within(c).getByText(yuan(40_000))).toBeTruthy();
    expect(within(c).getByText(t('expenses.advanceStatus.approving'))).toBeTruthy();

    fireEvent.click(button(c, t('expensesAdvances.ask')));
    const modal = await screen.findByRole('dialog', { name: t('expensesAdvances.ask') });
    fireEvent.change(within(modal).getByLabelText(t('expensesAdvances.amount')), {
      target: { value: '1234.56' },
    });
    fireEvent.change(within(modal).getByLabelText(t('expensesAdvances.purpose')), {
      target: { value: '交通费' },
    });
    fireEvent.click(button(modal, t('expensesAdvances.submit')));
    await waitFor(() =>
      expect(fake.inputsOf('expenses.saveAdvance')).toEqual([
        { requestId: 7, id: null, version: null, amountFen: 123_456, purpose: '交通费' },
      ]),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it("keeps the dialog open with main's refusal beside the amount", async () => {
    fake.on('expenses.saveAdvance', () =>
      fail('INVALID_INPUT', 'errors.INVALID_INPUT', undefined, {
        amountFen: {
          key: 'expensesAdvances.errors.overShare',
          params: { sharePct: 80, limitFen: 160_000, otherFen: 0, availableFen: 160_000 },
        },
      }),
    );
    show(host, <AdvancesCard money={moneyOf([])} />);
    const c = await card();
    expect(within(c).getByText(t('expensesAdvances.empty'))).toBeTruthy();
    fireEvent.click(button(c, t('expensesAdvances.ask')));
    const modal = await screen.findByRole('dialog', { name: t('expensesAdvances.ask') });
    fireEvent.change(within(modal).getByLabelText(t('expensesAdvances.amount')), {
      target: { value: '2000' },
    });
    fireEvent.change(within(modal).getByLabelText(t('expensesAdvances.purpose')), {
      target: { value: '餐费' },
    });
    fireEvent.click(button(modal, t('expensesAdvances.submit')));
    expect(
      await within(modal).findByText(
        t('expensesAdvances.errors.overShare', {
          sharePct: 80,
          limitFen: yuan(160_000),
          otherFen: yuan(0),
          availableFen: yuan(160_000),
        }),
      ),
    ).toBeTruthy();
  });

  it('withdraws only after a confirmation', async () => {
    const a = advance({ status: 'approved', version: 3 });
    fake.on('expenses.cancelAdvance', () => ok(moneyOf([{ ...a, status: 'cancelled' }])));
    show(host, <AdvancesCard money={moneyOf([a])} />);
    const c = await card();
    fireEvent.click(button(c, t('expensesAdvances.cancel')));
    const confirm = await screen.findByText(
      t('expensesAdvances.cancelConfirm', { advance: 1, amountFen: yuan(50_000) }),
    );
    expect(fake.inputsOf('expenses.cancelAdvance')).toEqual([]);
    const dialog = confirm.closest<HTMLElement>('.ant-modal-confirm');
    if (!dialog) throw new Error('no confirmation dialog');
    fireEvent.click(button(dialog, t('expensesAdvances.cancel')));
    await waitFor(() =>
      expect(fake.inputsOf('expenses.cancelAdvance')).toEqual([{ id: 11, version: 3 }]),
    );
  });

  it('lets finance issue an approved advance, and nobody else ask or withdraw', async () => {
    const finance = sessionOf(['finance'], { id: 9, login: 'qian.hui', displayName: '钱慧' });
    const money = moneyOf([advance({ status: 'approved', version: 3 })], {
      askAdvance: false,
      issueAdvances: true,
    });
    fake.on('expenses.issueAdvance', () => ok(money));
    show(finance, <AdvancesCard money={money} />);
    const c = await card();
    expect(within(c).queryByText(t('expensesAdvances.ask'))).toBeNull();
    expect(within(c).queryByText(t('expensesAdvances.cancel'))).toBeNull();
    fireEvent.click(button(c, t('expensesAdvances.issue')));
    const modal = await screen.findByRole('dialog', {
      name: t('expensesAdvances.issueTitle', { code: money.request.code, advance: 1 }),
    });
    fireEvent.click(within(modal).getByLabelText(t('expenses.issueMethod.cash')));
    fireEvent.click(button(modal, t('expensesAdvances.issue')));
    await waitFor(() => expect(fake.inputsOf('expenses.issueAdvance')).toHaveLength(1));
    expect(fake.inputsOf('expenses.issueAdvance')[0]).toMatchObject({
      id: 11,
      version: 3,
      method: 'cash',
    });
  });

  it('says nothing of what may still be asked for once the visit is settled', async () => {
    const base = moneyOf([advance({ status: 'cleared', amountFen: 20_000 })], {
      askAdvance: false,
    });
    const money: VisitMoneyView = {
      ...base,
      request: { ...base.request, status: 'settled' },
      reconciliation: { ...base.reconciliation, status: 'settled' },
    };
    show(host, <AdvancesCard money={money} />);
    const c = await card();
    expect(within(c).getByText(yuan(20_000))).toBeTruthy();
    expect(within(c).queryByTestId('advance-limit')).toBeNull();
    expect(within(c).queryByText(t('expensesAdvances.ask'))).toBeNull();
  });

  it('shows the limit to finance deciding on an advance, who may not ask for one', async () => {
    const finance = sessionOf(['finance'], { id: 9, login: 'qian.hui', displayName: '钱慧' });
    show(finance, <AdvancesCard money={moneyOf([advance()], { askAdvance: false })} />);
    const c = await card();
    expect(within(c).getByTestId('advance-limit')).toBeTruthy();
    expect(within(c).queryByText(t('expensesAdvances.ask'))).toBeNull();
  });
});
