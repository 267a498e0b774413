import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  createUserApi,
  en,
  expectHome,
  navigate,
  screenshotFailures,
  sidebarItems,
  signInApi,
  startJourney,
  UI_TIMEOUT,
  visible,
  zh,
  type Journey,
} from './support/journey';
import { expectAccessible } from './support/axe';
import {
  addDays,
  go,
  listLinks,
  openAs,
  PASSWORD,
  requestBody,
  saveDraftApi,
  seedCompany,
  submitApi,
  today,
  type Company,
  type Person,
} from './support/requests';

/**
 * 本部门接待 (issue 9, item 4): the head of 销售部 finds his department's submitted requests in a
 * list of their own, and opens them; not the drafts of its hosts, not another department's. The
 * entry shows to heads only.
 */
describe("a department's head and its receptions", () => {
  let j: Journey;
  let c: Company;
  const codes = { sent: '', draft: '', other: '' };

  beforeAll(async () => {
    j = await startJourney();
    c = await seedCompany(j.url);
    const d0 = today();
    const sent = await submitApi(
      j.url,
      c.people.host,
      requestBody(c.departments.sales, { orgName: '华东精密', arrivalDate: addDays(d0, 5) }),
    );
    codes.sent = sent.code;
    const draft = await saveDraftApi(
      j.url,
      c.people.host,
      requestBody(c.departments.sales, { orgName: '草稿单位', arrivalDate: d0 }),
    );
    codes.draft = draft.code;
    // A host of 市场部 (head 孙丽), and a request of theirs.
    const user = await createUserApi(j.url, c.adminCookie, {
      login: 'wu.gang',
      displayName: '吴刚',
      roles: ['host'],
      password: PASSWORD,
      departmentId: c.departments.marketing,
    });
    const marketingHost: Person = {
      id: user.id,
      login: 'wu.gang',
      displayName: '吴刚',
      cookie: await signInApi(j.url, 'wu.gang', PASSWORD),
    };
    const other = await submitApi(
      j.url,
      marketingHost,
      requestBody(c.departments.marketing, {
        orgName: '苏州工业园',
        arrivalDate: addDays(d0, 6),
      }),
    );
    codes.other = other.code;
  });
  afterAll(async () => {
    await j?.close();
  });
  screenshotFailures(() => j);

  it('the head opens 本部门接待, finds his department’s request and opens it', async () => {
    const page = await openAs(j, c.people.head);
    // After his approvals (待我审批 with its count: the line before it), before the delegations.
    const items = (await sidebarItems(page)).map((item) => item.split('\n')[0]);
    expect(items).toEqual(
      ['nav.home', 'nav.approvals', 'decided.nav', 'nav.departmentRequests', 'nav.delegations'].map(
        (k) => zh(k),
      ),
    );
    await navigate(page, 'nav.departmentRequests');
    await visible(page.getByRole('heading', { name: zh('requestAdmin.department.title') }));
    await visible(page.getByRole('table', { name: zh('requestAdmin.department.title') }));
    await visible(listLinks(page));
    await expect
      .poll(() => listLinks(page).allInnerTexts(), { timeout: UI_TIMEOUT })
      .toEqual([codes.sent]);
    // Not the draft of his host, not 市场部's request.
    expect(await page.getByText(codes.draft).count()).toBe(0);
    expect(await page.getByText(codes.other).count()).toBe(0);
    await visible(page.getByTestId('list-total').getByText(zh('common.total', { total: 1 })));
    await expectAccessible(page, 'department requests (zh-CN)');
    await page.screenshot({ path: '/tmp/dept-zh-CN.png' });

    await listLinks(page).first().click();
    await page.waitForURL((u) => /^#\/requests\/\d+$/.test(u.hash));
    await visible(page.getByText(codes.sent).first());
    await visible(page.getByText('华东精密').first());
  });

  it('in English too, and the page passes the accessibility check', async () => {
    const page = await openAs(j, c.people.head);
    await page.getByRole('banner').getByText('EN', { exact: true }).click();
    await expectHome(page, c.people.head.displayName, 'en');
    await navigate(page, 'nav.departmentRequests', 'en');
    await visible(page.getByRole('heading', { name: en('requestAdmin.department.title') }));
    await expect
      .poll(() => listLinks(page).allInnerTexts(), { timeout: UI_TIMEOUT })
      .toEqual([codes.sent]);
    await expectAccessible(page, 'department requests (en)');
    await page.screenshot({ path: '/tmp/dept-en.png' });
  });

  it('whoever heads no department has no entry and is sent home from its address', async () => {
    const page = await openAs(j, c.people.host);
    expect(await sidebarItems(page)).not.toContain(zh('nav.departmentRequests'));
    await go(page, '/requests/department');
    await page.waitForURL((u) => u.hash === '#/');
    await expectHome(page, c.people.host.displayName);
    const list = await api(j.url, 'requests.list', { scope: 'department' }, c.people.office.cookie);
    expect(list.status).toBe(403);
  });
});
