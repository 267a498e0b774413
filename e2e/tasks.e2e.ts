import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { companyDate, wallClock } from '../shared/dates';
import type { Language } from '../shared/i18n/translate';
import { expectAccessible } from './support/axe';
import {
  bellCount,
  count,
  navigate,
  screenshotFailures,
  shotPath,
  startJourney,
  tr,
  UI_TIMEOUT,
  visible,
  type Journey,
  settled,
} from './support/journey';
import {
  decideApi,
  go,
  openTab,
  requestBody,
  seedCompany,
  submitApi,
  TIME_ZONE,
  type Company,
  type Person,
} from './support/requests';

const MINUTE = 60_000;

/**
 * Issue 10: the visit's procedure tasks. Filing a request gives the host 电话确认来访 (due an
 * hour before arrival) in 我的待办; when the server's clock passes its due time the reminder
 * goes out (the scheduler's round, run by the journey), the host's bell shows it and the task
 * turns overdue (the page's clock moved as far). She ticks it off with the keyboard.
 */
describe('procedure tasks and reminders', () => {
  /** How far the server's clock is ahead of the real one. */
  let shift = 0;
  let j: Journey;
  let c: Company;
  let code = '';
  let requestId = 0;
  /** When 电话确认来访 falls due. */
  let dueMs = 0;

  beforeAll(async () => {
    j = await startJourney({ clock: () => Date.now() + shift });
    c = await seedCompany(j.url);
    // The visit starts 63 minutes from now (company wall clock, to the next whole minute): the
    // phone call is due in 3 minutes at most.
    const arrivalMs = Math.ceil((Date.now() + 63 * MINUTE) / MINUTE) * MINUTE;
    const w = wallClock(arrivalMs, TIME_ZONE);
    const arrivalDate = companyDate(arrivalMs, TIME_ZONE);
    const arrivalTime = `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
    const base = requestBody(c.departments.sales, {
      orgName: '宁德时代新能源科技股份有限公司',
      arrivalDate,
    });
    const d = await submitApi(j.url, c.people.host, {
      ...base,
      arrivalTime,
      departureTime: '23:00',
      needs: { ...base.needs, pickup: true, meetingRoom: false },
    });
    await decideApi(j.url, c.people.head, d.id);
    const filed = await decideApi(j.url, c.people.office, d.id);
    expect(filed.status).toBe('filed');
    code = d.code;
    requestId = d.id;
    dueMs = arrivalMs - 60 * MINUTE;
  });
  afterAll(async () => {
    await j?.close();
  });
  screenshotFailures(() => j);

  async function open(person: Person, language: Language): Promise<Page> {
    const page = await j.open({ clock: true, cookie: person.cookie, language });
    await visible(page.getByTestId('sidebar'));
    if (language === 'en') await page.getByRole('banner').getByText('EN', { exact: true }).click();
    return page;
  }

  const row = (page: Page, language: Language, kind: string) =>
    page.getByRole('row').filter({ hasText: tr(language, `tasks.kind.${kind}`) });

  async function quiet(page: Page) {
    await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
    await settled(page);
  }

  let host: Page;

  it('filing gives the host 电话确认来访 in 我的待办, not yet overdue', async () => {
    expect(count(j.srv, 'select count(*) from tasks where request_id = ?', requestId)).toBe(3);
    host = await open(c.people.host, 'zh-CN');
    await navigate(host, 'nav.tasks');
    await visible(host.getByRole('heading', { name: tr('zh-CN', 'tasks.title') }));
    const confirm = row(host, 'zh-CN', 'confirm_arrival');
    await visible(confirm);
    await visible(confirm.getByRole('link', { name: code }));
    expect(await confirm.getByTestId('task-overdue').count()).toBe(0);
    // Not hers: the driver is the admin office's.
    expect(await row(host, 'zh-CN', 'driver_at_pickup').count()).toBe(0);
    await quiet(host);
    await host.screenshot({ path: shotPath('zh-CN', 'tasks-mine'), fullPage: true });
    await expectAccessible(host, 'zh-CN/tasks-mine');
  });

  it('past its due time the reminder goes out once and the task turns overdue', async () => {
    const before = await bellCount(host);
    const ahead = dueMs - Date.now() + MINUTE;
    shift = ahead;
    await host.clock.fastForward(ahead);
    await j.srv.tick();
    await j.srv.tick();
    expect(
      count(
        j.srv,
        "select count(*) from notifications where user_id = ? and kind = 'task.due'",
        c.people.host.id,
      ),
    ).toBe(1);
    const confirm = row(host, 'zh-CN', 'confirm_arrival');
    await visible(confirm.getByTestId('task-overdue'));
    expect(await confirm.getByTestId('task-overdue').innerText()).toBe(
      tr('zh-CN', 'tasks.overdue'),
    );
    await expect.poll(() => bellCount(host), { timeout: UI_TIMEOUT }).toBe(before + 1);
    // The office heard of its own task (the driver, due 15 minutes before arrival) not yet.
    expect(
      count(
        j.srv,
        "select count(*) from notifications where user_id = ? and kind = 'task.due'",
        c.people.office.id,
      ),
    ).toBe(0);
    await quiet(host);
    await host.screenshot({ path: shotPath('zh-CN', 'tasks-mine-overdue'), fullPage: true });
  });

  it('she ticks it off with the keyboard; it moves to the done list', async () => {
    const confirm = row(host, 'zh-CN', 'confirm_arrival');
    await confirm.getByRole('button', { name: new RegExp(tr('zh-CN', 'tasks.complete')) }).focus();
    await host.keyboard.press('Enter');
    await expect
      .poll(() => row(host, 'zh-CN', 'confirm_arrival').count(), { timeout: UI_TIMEOUT })
      .toBe(0);
    expect(
      count(
        j.srv,
        "select count(*) from tasks where request_id = ? and kind = 'confirm_arrival' and done_at_ms is not null",
        requestId,
      ),
    ).toBe(1);
    await host.getByRole('tab', { name: tr('zh-CN', 'tasks.done') }).click();
    await visible(
      row(host, 'zh-CN', 'confirm_arrival').getByRole('button', {
        name: new RegExp(tr('zh-CN', 'tasks.reopen')),
      }),
    );
  });

  it("the visit's tasks on its dossier, in English", async () => {
    const page = await open(c.people.office, 'en');
    await go(page, `/requests/${requestId}`);
    await openTab(page, 'bookingsPlan.tab.title', 'en');
    for (const kind of ['confirm_arrival', 'driver_at_pickup', 'submit_reimbursement']) {
      await visible(row(page, 'en', kind));
    }
    await visible(row(page, 'en', 'driver_at_pickup').getByRole('button', { name: /Mark done/ }));
    await quiet(page);
    await page.screenshot({ path: shotPath('en', 'tasks-dossier'), fullPage: true });
    await expectAccessible(page, 'en/tasks-dossier');
    await navigate(page, 'nav.tasks', 'en');
    await visible(row(page, 'en', 'driver_at_pickup'));
    await quiet(page);
    await page.screenshot({ path: shotPath('en', 'tasks-mine'), fullPage: true });
    await expectAccessible(page, 'en/tasks-mine');
  });
});
