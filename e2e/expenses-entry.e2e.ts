import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePng } from '../main/domains/attachments/test-files';
import type { Language } from '../shared/i18n/translate';
import { expectAccessible } from './support/axe';
import {
  button,
  count,
  gone,
  screenshotFailures,
  shotPath,
  startJourney,
  tr,
  visible,
  zh,
  type Journey,
  settled,
} from './support/journey';
import {
  decideApi,
  go,
  openAs,
  requestBody,
  seedCompany,
  submitApi,
  today,
  type Company,
} from './support/requests';

/**
 * Issue 12, item 2: the host opens 费用报帐 from the visit's dossier, records a lunch over the
 * tier's cap (the over-cap part shown as his to bear), uploads its receipt, and sees the line's
 * checks and the budget against the actuals; in zh-CN and en.
 */
describe('expense entry', () => {
  let j: Journey;
  let c: Company;
  let requestId: number;

  beforeAll(async () => {
    j = await startJourney();
    c = await seedCompany(j.url);
    const d = await submitApi(
      j.url,
      c.people.host,
      requestBody(c.departments.sales, { orgName: '华东精密仪器有限公司', arrivalDate: today() }),
    );
    await decideApi(j.url, c.people.head, d.id);
    await decideApi(j.url, c.people.office, d.id);
    requestId = d.id;
  });
  afterAll(async () => {
    await j?.close();
  });
  screenshotFailures(() => j);

  it('records a lunch over the cap, with its receipt', async () => {
    const page = await openAs(j, c.people.host);
    await go(page, `/requests/${requestId}`);
    await button(page, zh('expensesEntry.link')).click();
    await visible(page.getByText(zh('expensesEntry.lines.empty')));
    await settled(page, { ignoreEndless: true });
    await page.screenshot({ path: shotPath('zh-CN', 'expenses-entry-empty') });
    await expectAccessible(page, 'expense entry, empty');

    await button(page, zh('expensesEntry.lines.add')).click();
    const drawer = page.locator('.ant-drawer');
    await visible(drawer.getByText(zh('expensesEntry.form.addTitle')));
    await page.locator('[id="line.vendor"]').fill('老房子餐厅');
    // 3 people (2 visitors + 1 companion), 450.00: 150.00 a head against C's 100.00.
    await page.locator('[id="line.amountFen"]').fill('450');
    await page.locator('[id="line.invoiceNo"]').fill('０１２ ３４-5a');
    await visible(drawer.getByText(zh('expensesEntry.form.preview', { perHead: '¥150.00' })));
    await settled(page, { ignoreEndless: true });
    await page.screenshot({ path: shotPath('zh-CN', 'expenses-entry-line-form') });
    await button(drawer, zh('common.save')).click();
    await gone(drawer);
    expect(count(j.srv, "SELECT count(*) FROM expense_lines WHERE invoice_key = '012345A'")).toBe(
      1,
    );
    const over = zh('expenses.checks.over_cap', {
      perHeadFen: '¥150.00',
      capFen: '¥100.00',
      overFen: '¥150.00',
    });
    await visible(page.getByText(over));
    await visible(page.getByText(zh('expenses.checks.no_receipt')));

    // The receipt: uploaded on the line, and the line no longer lacks one.
    await button(page, zh('expensesEntry.lines.edit')).click();
    await visible(drawer.getByText(zh('expensesEntry.form.editTitle')));
    await drawer.locator('input[type="file"]').setInputFiles({
      name: '发票.png',
      mimeType: 'image/png',
      buffer: samplePng(320, 200),
    });
    await visible(drawer.getByRole('img', { name: '发票.png' }));
    await page.locator('.ant-drawer-close').click();
    await gone(drawer);
    await gone(page.getByText(zh('expenses.checks.no_receipt')));
    await visible(page.getByText(zh('expensesEntry.lines.receiptsValue', { count: 1 })));
    await settled(page, { ignoreEndless: true });
    await page.screenshot({ path: shotPath('zh-CN', 'expenses-entry'), fullPage: true });
    await expectAccessible(page, 'expense entry');
  });

  it('in English', async () => {
    const en: Language = 'en';
    const page = await openAs(j, c.people.host, en);
    await page.getByRole('banner').getByText('EN', { exact: true }).click();
    await go(page, `/expenses/${requestId}`);
    await visible(page.getByText(tr(en, 'expensesEntry.lines.title')));
    await visible(page.getByText('老房子餐厅'));
    await settled(page, { ignoreEndless: true });
    await page.screenshot({ path: shotPath('en', 'expenses-entry'), fullPage: true });
    await expectAccessible(page, 'expense entry (en)');
    await button(page, tr(en, 'expensesEntry.lines.edit')).click();
    await visible(page.getByText(tr(en, 'expensesEntry.form.editTitle')));
    await settled(page, { ignoreEndless: true });
    await page.screenshot({ path: shotPath('en', 'expenses-entry-line-form') });
  });
});
