import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  button,
  en,
  screenshotFailures,
  shotPath,
  startJourney,
  UI_TIMEOUT,
  visible,
  zh,
  type Journey,
} from './support/journey';
import {
  addDays,
  go,
  openAs,
  requestBody,
  seedCompany,
  submitApi,
  today,
  typeDate,
  type Company,
} from './support/requests';

/**
 * Issue 9, item 6: 复制为新申请. A host opens an earlier request and starts a new one from it:
 * organisation, visitors and needs carried over, the dates cleared for the new visit.
 */
describe('copy a request as a new one', () => {
  let j: Journey;
  let c: Company;

  beforeAll(async () => {
    j = await startJourney();
    c = await seedCompany(j.url);
  });
  afterAll(async () => {
    await j?.close();
  });
  screenshotFailures(() => j);

  it('the new form starts from the earlier request without its dates; saved, it is a new draft, which its host may delete', async () => {
    const first = addDays(today(), 6);
    const source = await submitApi(
      j.url,
      c.people.host,
      requestBody(c.departments.sales, { orgName: '宁德时代新能源', arrivalDate: first }),
    );
    const page = await openAs(j, c.people.host);
    await go(page, `/requests/${source.id}`);
    await visible(button(page, zh('requestViews.actions.copy')));
    await page.screenshot({ path: shotPath('zh-CN', 'requests-dossier-copy') });
    await page.getByRole('banner').getByText('EN', { exact: true }).click();
    await visible(button(page, en('requestViews.actions.copy')));
    await page.screenshot({ path: shotPath('en', 'requests-dossier-copy') });
    await page.getByRole('banner').getByText('中文', { exact: true }).click();
    await visible(button(page, zh('requestViews.actions.copy')));
    await button(page, zh('requestViews.actions.copy')).click();
    await visible(page.getByRole('heading', { name: zh('requestForm.titleNew') }));
    expect(await page.locator('#orgName').inputValue()).toBe('宁德时代新能源');
    expect(await page.locator('[id="arrivalDate"]').inputValue()).toBe('');
    expect(await page.locator('[id="visitors.0.name"]').inputValue()).toBe(
      source.body.visitors[0]?.name,
    );

    const next = addDays(today(), 20);
    await typeDate(page, 'arrivalDate', next);
    await typeDate(page, 'departureDate', addDays(next, 1));
    await page
      .getByRole('button', { name: new RegExp(zh('requestForm.actions.saveDraft')) })
      .click();
    await expect
      .poll(
        () =>
          j.srv.app.sqlite
            .prepare(
              `select count(*) as n from requests
               where org_name = '宁德时代新能源' and status = 'draft' and arrival_date = ?`,
            )
            .get(next) as { n: number },
        { timeout: UI_TIMEOUT },
      )
      .toEqual({ n: 1 });
    const copy = j.srv.app.sqlite
      .prepare(`select id, visitor_count from requests where status = 'draft' and arrival_date = ?`)
      .get(next) as { id: number; visitor_count: number };
    expect(copy.id).not.toBe(source.id);
    expect(copy.visitor_count).toBe(source.body.visitors.length);

    // A draft never submitted is deleted (the submitted source offers cancel only).
    await go(page, `/requests/${copy.id}`);
    await button(page, zh('requestViews.actions.delete')).click();
    const dialog = page.getByRole('dialog');
    await visible(dialog.getByText(zh('requestViews.delete.content')));
    await page.waitForTimeout(400); // the dialog's opening animation, for the picture only
    await page.screenshot({ path: shotPath('zh-CN', 'requests-delete-draft') });
    await button(dialog, zh('requestViews.actions.delete')).click();
    await visible(page.getByRole('heading', { name: zh('nav.myRequests') }));
    const left = j.srv.app.sqlite
      .prepare('select count(*) as n from requests where id = ?')
      .get(copy.id) as { n: number };
    expect(left.n).toBe(0);
    await go(page, `/requests/${source.id}`);
    const header = page.locator('.page-header');
    await visible(button(header, zh('requestViews.actions.cancel')));
    expect(await button(header, zh('requestViews.actions.delete')).count()).toBe(0);
    await page.close();
  });
});
