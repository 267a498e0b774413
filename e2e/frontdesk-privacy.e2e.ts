import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visitor } from '../main/test-fixtures';
import type { Language } from '../shared/i18n/translate';
import { expectAccessible } from './support/axe';
import {
  api,
  button,
  expectFieldError,
  gone,
  ok,
  screenshotFailures,
  shotPath,
  startJourney,
  tr,
  visible,
  type Journey,
  settled,
} from './support/journey';
import {
  addDays,
  decideApi,
  go,
  openAs,
  openTab,
  requestBody,
  seedCompany,
  submitApi,
  today,
  type Company,
} from './support/requests';

const LANGUAGES: Language[] = ['zh-CN', 'en'];
const ID_NUMBER = '11010519491231002X';
const PHONE = '13912345678';

/**
 * Issue 11, privacy: the admin office sets the check-in notice (zh/en, with a preview) and the
 * retention period on 访客个人信息保护, with a confirmation that says what a change does; the
 * printed 接待申请单 shows ID numbers and phones masked.
 */
describe('front desk: 访客个人信息保护', () => {
  let j: Journey;
  let c: Company;
  let requestId = 0;

  beforeAll(async () => {
    j = await startJourney();
    c = await seedCompany(j.url);
    const a = addDays(today(), 4);
    const d = await submitApi(
      j.url,
      c.people.host,
      requestBody(c.departments.sales, {
        orgName: '华东精密仪器有限公司',
        arrivalDate: a,
        visitors: [
          visitor('张三', {
            title: '工程师',
            phone: PHONE,
            idType: 'resident_id',
            idNumber: ID_NUMBER,
          }),
        ],
      }),
    );
    await decideApi(j.url, c.people.head, d.id);
    await decideApi(j.url, c.people.office, d.id);
    requestId = d.id;
  });
  afterAll(async () => {
    await j.close();
  });
  screenshotFailures(() => j);

  const settings = async () =>
    ok(await api(j.url, 'frontdesk.settings', {}, c.people.office.cookie));

  it('the admin office changes the notice and shortens the period, confirming what it does', async () => {
    const page = await openAs(j, c.people.office, 'zh-CN');
    await page
      .getByTestId('sidebar')
      .getByRole('menuitem', { name: tr('zh-CN', 'frontdeskPrivacy.nav') })
      .click();
    await visible(page.getByRole('heading', { name: tr('zh-CN', 'frontdeskPrivacy.title') }));
    await visible(
      page
        .getByTestId('notice-version')
        .getByText(tr('zh-CN', 'frontdeskPrivacy.notice.version', { version: 1 })),
    );
    const save = button(page, tr('zh-CN', 'common.save'));
    expect(await save.isDisabled()).toBe(true);

    // Out of range: the field says so and nothing is saved.
    const days = page.locator('#retentionDays');
    await days.fill('10');
    await days.blur();
    await expectFieldError(page, 'retentionDays', tr('zh-CN', 'frontdesk.errors.retentionRange'));
    await save.click();
    expect((await settings()).retentionDays).toBe(180);

    // The Chinese text edited: the preview follows it as typed.
    const zh = page.locator('#noticeZh');
    await zh.fill('本公司仅为来访登记收集您的姓名和电话。');
    await visible(
      page.getByTestId('notice-preview-zh-CN').getByText('本公司仅为来访登记收集您的姓名和电话。'),
    );
    await days.fill('90');
    await days.blur();
    await visible(page.getByTestId('retention-cutoff'));
    await save.click();
    const dialog = page.getByRole('dialog', {
      name: tr('zh-CN', 'frontdeskPrivacy.confirm.title'),
    });
    await visible(dialog);
    await visible(
      dialog.getByText(tr('zh-CN', 'frontdeskPrivacy.confirm.newVersion', { version: 2 })),
    );
    await visible(dialog.getByText(/180 天缩短为 90 天/));
    await settled(page);
    await page.screenshot({ path: shotPath('zh-CN', 'frontdesk-privacy-confirm') });
    await expectAccessible(page, 'zh-CN/frontdesk-privacy-confirm');
    // Cancelled: nothing saved.
    await button(dialog, tr('zh-CN', 'common.cancel')).click();
    await gone(dialog);
    expect((await settings()).noticeVersion).toBe(1);
    await save.click();
    await button(
      page.getByRole('dialog', { name: tr('zh-CN', 'frontdeskPrivacy.confirm.title') }),
      tr('zh-CN', 'frontdeskPrivacy.confirm.ok'),
    ).click();
    await visible(
      page
        .getByTestId('notice-version')
        .getByText(tr('zh-CN', 'frontdeskPrivacy.notice.version', { version: 2 })),
    );
    const saved = await settings();
    expect(saved).toMatchObject({
      noticeEnabled: true,
      noticeZh: '本公司仅为来访登记收集您的姓名和电话。',
      noticeVersion: 2,
      retentionDays: 90,
    });
    // The change is audited.
    const audit = ok(
      await api(j.url, 'audit.list', { entityType: 'frontdesk_settings' }, c.adminCookie),
    );
    expect(audit.items.length).toBe(1);
    await page.context().close();
  });

  it.each(LANGUAGES)('screenshots and axe of the privacy screen (%s)', async (language) => {
    ok(await api(j.url, 'auth.setLanguage', { language }, c.people.office.cookie));
    const page = await openAs(j, c.people.office, language);
    await go(page, '/frontdesk/privacy');
    await visible(page.getByRole('heading', { name: tr(language, 'frontdeskPrivacy.title') }));
    await visible(page.getByTestId('notice-preview-en'));
    await settled(page);
    await page.screenshot({ path: shotPath(language, 'frontdesk-privacy'), fullPage: true });
    await expectAccessible(page, `${language}/frontdesk-privacy`);
    await page.context().close();
    ok(await api(j.url, 'auth.setLanguage', { language: 'zh-CN' }, c.people.office.cookie));
  });

  it('the printed 接待申请单 masks the ID number and the phone', async () => {
    const page = await openAs(j, c.people.host, 'zh-CN');
    await go(page, `/requests/${requestId}/print`);
    const sheet = await visible(page.getByTestId('print-sheet'));
    await visible(sheet.getByText('110***********002X'));
    await visible(sheet.getByText('139****5678'));
    const text = await sheet.innerText();
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toContain(PHONE);
    // The dossier's table masks the ID too.
    await go(page, `/requests/${requestId}`);
    await openTab(page, 'requestViews.tabs.visitors');
    await visible(page.getByText(/110\*{11}002X/));
    expect(await page.locator('body').innerText()).not.toContain(ID_NUMBER);
    await page.context().close();
  });
});
