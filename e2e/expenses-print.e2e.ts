import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../shared/i18n/translate';
import type { TestApp } from '../main/test-support';
import { insertIssuedAdvance, insertLine } from '../main/domains/expenses/test-reconcile';
import { expectAccessible } from './support/axe';
import {
  api,
  createUserApi,
  ok,
  screenshotFailures,
  shotPath,
  signInApi,
  startJourney,
  tr,
  visible,
  type Journey,
} from './support/journey';
import {
  addDays,
  go,
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
 * Issue 12, the printed 接待费用报销核销单: a B-tier visit with an advance of 2,000.00 and two
 * meals paid from it (1,530.00 company-paid) is submitted, confirmed by the head and verified by
 * finance; its form shows the lines, the total in figures and in capitals, the advance cleared
 * ("应退回 470.00"), the review and the signature boxes, in both languages.
 */
describe('the printed reconciliation form', () => {
  let j: Journey;
  let c: Company;
  let finance: Person;
  let requestId = 0;
  let code = '';
  const day = addDays(today(), 5);

  /** The step this person may decide on the reconciliation, through the inbox. */
  const decideInbox = async (person: Person) => {
    const inbox = ok(await api(j.url, 'approvals.inbox', {}, person.cookie));
    const item = inbox.find(
      (i) => i.money?.kind === 'reconciliation' && i.request.id === requestId,
    );
    if (!item) throw new Error(`${person.login} has no reconciliation step`);
    ok(
      await api(
        j.url,
        'approvals.decide',
        { stepId: item.step.id, version: item.step.version, action: 'approve', comment: '' },
        person.cookie,
      ),
    );
  };

  beforeAll(async () => {
    j = await startJourney();
    c = await seedCompany(j.url);
    const user = await createUserApi(j.url, c.adminCookie, {
      login: 'qian.cw',
      displayName: '钱财务',
      roles: ['finance'],
      password: PASSWORD,
    });
    const cookie = await signInApi(j.url, 'qian.cw', PASSWORD);
    finance = { id: user.id, login: 'qian.cw', displayName: '钱财务', cookie };

    const body = requestBody(c.departments.sales, {
      orgName: '华东精密仪器有限公司',
      arrivalDate: day,
      departureDate: day,
      tier: 'B',
      orgCategory: 'key_client',
    });
    const d = await submitApi(j.url, c.people.host, body);
    requestId = d.id;
    code = d.code;
    // Whoever has its step decides, until it is filed.
    for (let round = 0; round < 4; round++) {
      for (const p of [c.people.head, c.people.executive, c.people.office]) {
        const seen = ok(await api(j.url, 'requests.get', { id: requestId }, p.cookie));
        if (seen.myStep) {
          ok(
            await api(
              j.url,
              'approvals.decide',
              {
                stepId: seen.myStep.stepId,
                version: seen.myStep.version,
                action: 'approve',
                comment: '',
              },
              p.cookie,
            ),
          );
        }
      }
    }
    const t = {
      app: j.srv.app,
      now: () => Date.now(),
      count: (table: string, where: string, ...params: unknown[]) =>
        (
          j.srv.app.sqlite
            .prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`)
            .get(...params) as { n: number }
        ).n,
    } as unknown as TestApp;
    await insertIssuedAdvance(t, requestId, 200_000, finance.id);
    await insertLine(t, requestId, {
      spentOn: day,
      vendor: '老房子餐厅',
      amountFen: 78_000,
      visitors: 4,
      companions: 2,
      invoiceNo: '2631 2000 0000 1111',
    });
    await insertLine(t, requestId, {
      spentOn: day,
      vendor: '外婆家（湖滨店）',
      amountFen: 75_000,
      visitors: 4,
      companions: 2,
      invoiceNo: '26312000000022222',
    });
    ok(await api(j.url, 'expenses.submit', { requestId, version: null }, c.people.host.cookie));
    await decideInbox(c.people.head);
    await decideInbox(finance);
  });
  afterAll(async () => {
    await j?.close();
  });
  screenshotFailures(() => j);

  const sheet = (page: Page) => page.getByTestId('reconcile-print-sheet');

  for (const language of ['zh-CN', 'en'] as Language[]) {
    it(`prints the settled visit's form (${language})`, async () => {
      ok(await api(j.url, 'auth.setLanguage', { language }, finance.cookie));
      const page = await openAs(j, finance, language);
      await go(page, `/expenses/${requestId}/print`);
      await visible(sheet(page));
      const text = await sheet(page).innerText();
      expect(text).toContain(tr(language, 'expensesReconcile.print.title'));
      expect(text).toContain(code);
      expect(text).toContain('老房子餐厅');
      expect(await page.getByTestId('print-total').innerText()).toContain('1,530.00');
      expect(await page.getByTestId('print-total-capitals').innerText()).toBe('壹仟伍佰叁拾元整');
      const clearing = await page.getByTestId('print-clearing').innerText();
      expect(clearing).toContain('2,000.00');
      expect(clearing).toContain('470.00');
      expect(await page.getByTestId('print-not-settled').count()).toBe(0);
      await page.screenshot({ path: shotPath(language, 'expenses-print-form'), fullPage: true });
      await expectAccessible(page, `the printed reconciliation form (${language})`);
    });
  }
});
