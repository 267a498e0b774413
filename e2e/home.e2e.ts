import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatInstant } from '../renderer/src/format';
import { weekOf } from '../shared/dates';
import type { Language } from '../shared/i18n/translate';
import { expectAccessible } from './support/axe';
import {
  ADMIN,
  api,
  ok,
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
  addDays,
  decideApi,
  go,
  listLinks,
  openAs,
  requestBody,
  seedCompany,
  submitApi,
  TIME_ZONE,
  today,
  type Company,
  type Person,
} from './support/requests';

const LANGUAGES: Language[] = ['zh-CN', 'en'];

/** The number a home tile shows, once it has loaded. */
async function tileCount(page: Page, testId: string): Promise<number> {
  const n = page.getByTestId(`${testId}-count`);
  await visible(n);
  return Number((await n.innerText()).replace(/[^\d]/g, ''));
}

async function expectTile(page: Page, testId: string, count: number) {
  await expect.poll(() => tileCount(page, testId), { timeout: UI_TIMEOUT }).toBe(count);
}

/** Where the app is now (the hash route with its query). */
const route = (page: Page) => decodeURIComponent(new URL(page.url()).hash.slice(1));

/**
 * Issue 9, item 2: a home page per role. The host sees his drafts, returned requests and coming
 * visits; the approver what waits for him (and for how long) and what he decided; the admin office
 * what waits to be filed and this week's visits; the sysadmin the locked accounts. Every number
 * opens the list behind it, filtered the same way.
 */
describe('home page per role', () => {
  let j: Journey;
  let c: Company;
  const codes: Record<'approved' | 'returned' | 'waiting' | 'draft', string> = {
    approved: '',
    returned: '',
    waiting: '',
    draft: '',
  };

  beforeAll(async () => {
    j = await startJourney();
    c = await seedCompany(j.url);
    const body = (orgName: string, days: number) =>
      requestBody(c.departments.sales, { orgName, arrivalDate: addDays(today(), days) });
    const host = c.people.host;
    const a = await submitApi(j.url, host, body('宁德时代新能源科技股份有限公司', 5));
    await decideApi(j.url, c.people.head, a.id, 'approve', '同意');
    codes.approved = a.code;
    // She approved it yesterday (issue 9: "a head finds a request she approved yesterday").
    j.srv.app.sqlite
      .prepare(
        "update approval_steps set decided_at_ms = decided_at_ms - 86400000 where subject_type = 'request' and subject_id = ? and status = 'approved'",
      )
      .run(a.id);
    const b = await submitApi(j.url, host, body('上海电气集团', 6));
    await decideApi(j.url, c.people.head, b.id, 'return', '请补充随行人员');
    codes.returned = b.code;
    codes.waiting = (await submitApi(j.url, host, body('苏州工业园区管委会', 7))).code;
    codes.draft = ok(
      await api(
        j.url,
        'requests.saveDraft',
        { id: null, version: null, body: body('杭州钢铁集团', 8) },
        host.cookie,
      ),
    ).code;
    // 周敏 mistypes her password five times: locked.
    for (let i = 0; i < 5; i++)
      await api(j.url, 'auth.login', { login: c.people.office2.login, password: `nope-${i}-pw` });
  });
  afterAll(async () => {
    await j?.close();
  });
  screenshotFailures(() => j);

  async function home(person: Person, language: Language, shot: string) {
    const page = await openAs(j, person, language);
    if (language === 'en') await page.getByRole('banner').getByText('EN', { exact: true }).click();
    await visible(
      page.getByRole('heading', {
        name: tr(language, 'home.welcome', { name: person.displayName }),
      }),
    );
    await page.locator('.ant-skeleton-active').first().waitFor({ state: 'detached' });
    await settled(page);
    await page.screenshot({ path: shotPath(language, shot), fullPage: true });
    await expectAccessible(page, `${language}/${shot}`);
    return page;
  }

  it('the host: drafts, returned and coming visits, each opening its list', async () => {
    for (const language of LANGUAGES) {
      const page = await home(c.people.host, language, 'home-host');
      await expectTile(page, 'tile-drafts', 1);
      await expectTile(page, 'tile-returned', 1);
      await expectTile(page, 'tile-upcoming', 1);
      await visible(page.getByRole('link', { name: codes.approved }));
      await page.getByTestId('tile-returned').click();
      await expect.poll(() => route(page)).toBe('/requests/mine?status=returned');
      await visible(page.getByRole('link', { name: codes.returned }));
      await expect.poll(() => listLinks(page).count()).toBe(1);
      // The request opens with the reason of its return at the top (issue 9, item 4).
      await page.getByRole('link', { name: codes.returned }).click();
      const verdict = page.getByTestId('verdict');
      await visible(verdict.getByText('请补充随行人员'));
      await visible(verdict.getByText(tr(language, 'verdict.returnedHint')));
      await page.screenshot({ path: shotPath(language, 'requests-dossier-returned') });
      await page.goBack();
      await page.goBack();
      await page.getByTestId('tile-drafts').click();
      await expect.poll(() => route(page)).toBe('/requests/mine?status=draft');
      await visible(page.getByRole('link', { name: codes.draft }));
      // 催办: the request waiting on the head says for how long, and the host chases it once
      // (the first language's run); after that the button says it was done today.
      await go(page, '/requests/mine');
      await page.getByRole('link', { name: codes.waiting }).click();
      await visible(page.getByText(/已等待 \d+ (分钟|小时)|waiting \d+ (minutes?|hours?)/).first());
      const remind = page.getByTestId('remind');
      if (language === 'zh-CN') {
        await remind.click();
        await visible(page.getByText(tr(language, 'remind.sent')));
      }
      await visible(remind.getByText(tr(language, 'remind.done')));
      await expect.poll(() => remind.isDisabled()).toBe(true);
      await page.screenshot({ path: shotPath(language, 'requests-dossier-remind') });
      await page.context().close();
    }
  });

  it('the head: what waits for him, with its age, and what he decided (已处理)', async () => {
    for (const language of LANGUAGES) {
      const page = await home(c.people.head, language, 'home-approver');
      await expectTile(page, 'tile-waiting', 1);
      await expectTile(page, 'tile-decided', 2);
      await visible(page.getByTestId('waiting').first());
      await page.getByTestId('tile-decided').click();
      await expect.poll(() => route(page)).toBe('/approvals/decided');
      const table = page.getByRole('table', { name: tr(language, 'decided.title') });
      await visible(table.getByRole('link', { name: codes.approved }));
      // Yesterday's date as the page writes dates (noon of that day in the company's zone).
      const yesterdayNoon = Date.parse(`${addDays(today(), -1)}T12:00:00+08:00`);
      const dateText = formatInstant(yesterdayNoon, TIME_ZONE, language, 'date');
      await visible(
        table
          .getByRole('row')
          .filter({ hasText: codes.approved })
          .getByText(dateText, { exact: false }),
      );
      await visible(table.getByRole('link', { name: codes.returned }));
      await visible(table.getByText('请补充随行人员'));
      await visible(table.getByText(tr(language, 'requestViews.stepStatus.returned')));
      // The sidebar marks 已处理, not 待我审批 (whose path is its prefix).
      await visible(
        page
          .getByTestId('sidebar')
          .locator('.ant-menu-item-selected')
          .getByText(tr(language, 'decided.nav'), { exact: true }),
      );
      await settled(page);
      await page.screenshot({ path: shotPath(language, 'approvals-decided') });
      await expectAccessible(page, `${language}/approvals-decided`);
      // The row opens its request.
      await table.getByRole('link', { name: codes.returned }).click();
      await expect.poll(() => route(page)).toMatch(/^\/requests\/\d+$/);
      await page.context().close();
    }
  });

  it('the admin office: to file opens the filing tasks; this week opens 全部接待 for the week', async () => {
    const page = await home(c.people.office, 'zh-CN', 'home-office');
    await expectTile(page, 'tile-to-file', 1);
    const week = weekOf(today());
    const inWeek = ok(
      await api(
        j.url,
        'requests.list',
        {
          scope: 'all',
          statuses: ['approved', 'filed', 'in_progress', 'completed'],
          fromDate: week.from,
          toDate: week.to,
        },
        c.people.office.cookie,
      ),
    ).total?.count;
    await expectTile(page, 'tile-week', inWeek ?? -1);
    await page.getByTestId('tile-week').click();
    await expect
      .poll(() => route(page))
      .toBe(
        `/requests/all?status=approved,filed,in_progress,completed&from=${week.from}&to=${week.to}&sort=arrival_asc`,
      );
    await page.goBack();
    await page.getByTestId('tile-to-file').click();
    await expect.poll(() => route(page)).toBe('/approvals?kind=filing');
    await visible(page.getByTestId('filing-only'));
    await expect.poll(() => page.getByTestId('inbox-row').count()).toBe(1);
    await visible(page.locator(`[data-testid="inbox-row"][data-code="${codes.approved}"]`));
    await page.screenshot({ path: shotPath('zh-CN', 'approvals-filing-only') });
    // Show all: the filter goes, the address with it.
    await page.getByTestId('filing-only').getByLabel(tr('zh-CN', 'decided.showAll')).click();
    await expect.poll(() => route(page)).toBe('/approvals');
    await page.context().close();
  });

  it('the sysadmin: locked accounts open the users list showing only them', async () => {
    const admin: Person = {
      id: 0,
      login: ADMIN.login,
      displayName: ADMIN.displayName,
      cookie: c.adminCookie,
    };
    const page = await openAs(j, admin);
    await expectTile(page, 'tile-locked', 1);
    await page.screenshot({ path: shotPath('zh-CN', 'home-admin'), fullPage: true });
    await expectAccessible(page, 'zh-CN/home-admin');
    await page.getByTestId('tile-locked').click();
    await expect.poll(() => route(page)).toBe('/users?locked=1');
    await visible(page.getByRole('cell', { name: c.people.office2.login, exact: true }));
    await expect.poll(() => page.locator('tbody tr.ant-table-row').count()).toBe(1);
    await page.context().close();
  });
});
