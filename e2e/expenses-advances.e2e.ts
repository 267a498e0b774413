import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decision } from '../main/test-fixtures';
import { formatYuan } from '../shared/money';
import { expectAccessible } from './support/axe';
import {
  api,
  button,
  count,
  createUserApi,
  gone,
  navigate,
  ok,
  screenshotFailures,
  shotPath,
  signInApi,
  startJourney,
  visible,
  zh,
  en,
  type Journey,
  settled,
} from './support/journey';
import {
  addDays,
  decideApi,
  inboxRow,
  openAs,
  PASSWORD,
  requestBody,
  seedCompany,
  submitApi,
  today,
  type Company,
  type Person,
} from './support/requests';

/**
 * Issue 12 item 1, cash advances: on a filed visit the host asks for an advance; the department
 * head sees it in his inbox marked 借款 with its amount, then finance; finance issues it on
 * 借款发放 (date, method) and it moves to the outstanding ones. (The visit's money page is the
 * entry area's screen: the host asks through the API here.)
 */
describe('expenses: 借款 (cash advances)', () => {
  let j: Journey;
  let c: Company;
  let finance: Person;
  let requestId = 0;
  let code = '';
  let advanceId = 0;
  /** Half the visit's budget, in whole yuan (within the 80 % share). */
  let amountFen = 0;
  const yuan = () => formatYuan(amountFen, 'zh-CN');

  beforeAll(async () => {
    j = await startJourney();
    c = await seedCompany(j.url);
    const user = await createUserApi(j.url, c.adminCookie, {
      login: 'qian.hui',
      displayName: '钱慧',
      roles: ['finance'],
      password: PASSWORD,
    });
    finance = {
      id: user.id,
      login: 'qian.hui',
      displayName: '钱慧',
      cookie: await signInApi(j.url, 'qian.hui', PASSWORD),
    };
    const arrival = addDays(today(), 7);
    const d = await submitApi(
      j.url,
      c.people.host,
      requestBody(c.departments.sales, { orgName: '华东精密机械有限公司', arrivalDate: arrival }),
    );
    requestId = d.id;
    code = d.code;
    for (let round = 0; round < 4; round++) {
      const now = ok(await api(j.url, 'requests.get', { id: requestId }, c.people.host.cookie));
      if (now.status === 'filed') break;
      for (const who of [c.people.head, c.people.executive, c.people.office]) {
        const seen = ok(await api(j.url, 'requests.get', { id: requestId }, who.cookie));
        if (seen.myStep) {
          await decideApi(j.url, who, requestId);
          break;
        }
      }
    }
    const filed = ok(await api(j.url, 'requests.get', { id: requestId }, c.people.host.cookie));
    amountFen = Math.floor(filed.budgetTotalFen / 200) * 100;
    ok(
      await api(
        j.url,
        'expenses.saveAdvance',
        {
          requestId,
          id: null,
          version: null,
          amountFen,
          purpose: '接待期间餐费、交通费',
        },
        c.people.host.cookie,
      ),
    );
    advanceId = count(j.srv, 'select max(id) from expense_advances');
  });
  afterAll(async () => {
    await j?.close();
  });
  screenshotFailures(() => j);

  it('the department head sees the advance in his inbox, marked 借款 with its amount', async () => {
    const page = await openAs(j, c.people.head, 'zh-CN');
    await page.evaluate(() => {
      window.location.hash = '#/approvals';
    });
    const row = inboxRow(page, code);
    await visible(row.getByTestId('money-tag'));
    expect(await row.getByTestId('money-tag').innerText()).toBe(`借款 ${yuan()}`);
    // His notice says it is an advance, of how much, for which visit.
    await page.getByTestId('bell').click();
    await visible(
      page
        .locator('.ant-popover:visible')
        .getByText(`待审批借款：接待 ${code} 华东精密机械有限公司 借款 ${yuan()}`),
    );
    await page.getByTestId('bell').click();
    await settled(page, { ignoreEndless: true });
    await page.screenshot({ path: shotPath('zh-CN', 'expenses-advance-inbox') });
    await expectAccessible(page, 'inbox with an advance');
    await page.close();

    // Head, then finance, approve (through the API: the decision itself is the engine's screen).
    for (const who of [c.people.head, finance]) {
      const inbox = ok(await api(j.url, 'approvals.inbox', {}, who.cookie));
      const item = inbox.find((i) => i.money?.id === advanceId);
      if (!item) throw new Error(`no advance in ${who.login}'s inbox`);
      ok(await api(j.url, 'approvals.decide', decision(item.step), who.cookie));
    }
    expect(count(j.srv, "select count(*) from expense_advances where status = 'approved'")).toBe(1);
  });

  it('finance issues it on 借款发放, and it is outstanding', async () => {
    const page = await openAs(j, finance, 'zh-CN');
    await navigate(page, 'expensesAdvances.nav');
    await visible(page.getByRole('heading', { name: zh('expensesAdvances.page.title') }));
    const table = page.getByTestId('advances-approved');
    await visible(table.getByText(code));
    await visible(table.getByText(yuan()));
    await settled(page, { ignoreEndless: true });
    await page.screenshot({ path: shotPath('zh-CN', 'expenses-advances-to-issue') });
    await expectAccessible(page, 'advances to issue');

    await button(
      table,
      `${zh('expensesAdvances.issue')} ${code} ${zh('expensesAdvances.seq', { advance: 1 })}`,
    ).click();
    const dialog = page.getByRole('dialog', {
      name: zh('expensesAdvances.issueTitle', { code, advance: 1 }),
    });
    await visible(dialog);
    await dialog.getByText(zh('expenses.issueMethod.cash')).click();
    await settled(page, { ignoreEndless: true });
    await page.screenshot({ path: shotPath('zh-CN', 'expenses-advance-issue') });
    await expectAccessible(page, 'issue dialog');
    await button(dialog, zh('expensesAdvances.issue')).click();
    await gone(dialog);
    await visible(table.getByText(zh('expensesAdvances.page.emptyToIssue')));
    expect(
      count(
        j.srv,
        "select count(*) from expense_advances where status = 'issued' and issued_method = 'cash' and issued_by = ?",
        finance.id,
      ),
    ).toBe(1);

    await page.getByRole('tab', { name: zh('expensesAdvances.page.outstanding') }).click();
    const issued = page.getByTestId('advances-issued');
    await visible(issued.getByText(code));
    await visible(issued.getByText(zh('expenses.advanceStatus.issued')));
    await settled(page, { ignoreEndless: true });
    await page.screenshot({ path: shotPath('zh-CN', 'expenses-advances-outstanding') });
    await page.close();

    const enPage = await openAs(j, finance, 'en');
    await enPage.getByRole('banner').getByText('EN', { exact: true }).click();
    await navigate(enPage, 'expensesAdvances.nav', 'en');
    await visible(enPage.getByRole('heading', { name: en('expensesAdvances.page.title') }));
    await enPage.getByRole('tab', { name: en('expensesAdvances.page.outstanding') }).click();
    await visible(enPage.getByTestId('advances-issued').getByText(code));
    await settled(enPage, { ignoreEndless: true });
    await enPage.screenshot({ path: shotPath('en', 'expenses-advances-outstanding') });
    await expectAccessible(enPage, 'advances outstanding (en)');
    await enPage.close();
  });

  it('the policy page sets the advance share as a percentage', async () => {
    const page = await j.open({ cookie: c.adminCookie, language: 'zh-CN' });
    await page.evaluate(() => {
      window.location.hash = '#/policy';
    });
    const field = page.locator('[id="policy.advanceShareBp"]');
    await visible(field);
    expect(await field.inputValue()).toBe('80.00');
    await field.scrollIntoViewIfNeeded();
    await settled(page, { ignoreEndless: true });
    await page.screenshot({ path: shotPath('zh-CN', 'expenses-policy-advance-share') });
    await page.close();
  });
});
