import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../shared/i18n/translate';
import { expectAccessible } from './support/axe';
import {
  api,
  ok,
  screenshotFailures,
  shotPath,
  startJourney,
  tr,
  UI_TIMEOUT,
  visible,
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
  type Company,
} from './support/requests';

/**
 * Issue 11, item 9: returning visitors. A visitor of a submitted request is remembered; on the
 * next request form, typing his pinyin initials in a name cell offers him (organisation, title,
 * masked phone), and ↓ Enter fills his title, phone and the empty organisation — keyboard only.
 */
describe('the request form suggests known visitors', () => {
  let j: Journey;
  let c: Company;

  beforeAll(async () => {
    j = await startJourney();
    c = await seedCompany(j.url);
    const body = requestBody(c.departments.sales, {
      orgName: '华东精密仪器有限公司',
      arrivalDate: addDays(today(), 6),
    });
    await submitApi(j.url, c.people.host, {
      ...body,
      visitors: [
        ...body.visitors,
        {
          name: '张三',
          title: '工程师',
          phone: '13912345678',
          idType: null,
          idNumber: '',
          notes: '',
        },
      ],
    });
  });
  afterAll(async () => {
    await j?.close();
  });
  screenshotFailures(() => j);

  for (const language of ['zh-CN', 'en'] as Language[]) {
    it(`typing "zs" offers 张三; ↓ Enter fills his row and the organisation (${language})`, async () => {
      ok(await api(j.url, 'auth.setLanguage', { language }, c.people.host.cookie));
      const page = await openAs(j, c.people.host, language);
      await go(page, '/requests/new');
      const grid = page.getByTestId('visitors-grid');
      await visible(grid);
      await grid.getByRole('button', { name: tr(language, 'requestForm.visitors.add') }).click();
      const name = page.locator('[id="visitors.0.name"]');
      await visible(name);
      await name.focus();
      await page.keyboard.type('zs');
      const option = page.locator(
        '.ant-select-dropdown:visible [data-testid="visitor-suggestion"]',
      );
      await visible(option.first());
      expect(await option.allTextContents()).toEqual([
        '张三 华东精密仪器有限公司 · 工程师 · 139****5678 · ' + addDays(today(), 6),
      ]);
      await page.screenshot({ path: shotPath(language, 'frontdesk-visitor-suggestions') });
      await expectAccessible(page, `visitor suggestions ${language}`);

      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect.poll(() => name.inputValue(), { timeout: UI_TIMEOUT }).toBe('张三');
      await expect
        .poll(() => page.locator('[id="visitors.0.phone"]').inputValue(), { timeout: UI_TIMEOUT })
        .toBe('13912345678');
      expect(await page.locator('[id="visitors.0.title"]').inputValue()).toBe('工程师');
      expect(await page.locator('#orgName').inputValue()).toBe('华东精密仪器有限公司');
      // The list is closed once picked (its fade may take a moment on a busy machine), and
      // stays so.
      await expect.poll(() => option.count()).toBe(0);
      await page.waitForTimeout(500);
      expect(await option.count()).toBe(0);
      await page.screenshot({ path: shotPath(language, 'frontdesk-visitor-picked') });
      await page.close();
    });
  }
});
