import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../shared/i18n/translate';
import { expectAccessible } from './support/axe';
import {
  api,
  button,
  ok,
  screenshotFailures,
  shotPath,
  startJourney,
  tr,
  UI_TIMEOUT,
  visible,
  VIEWPORT,
  type Journey,
  settled,
} from './support/journey';
import { go, openAs, pasteVisitors, seedCompany, type Company } from './support/requests';

/** Visitors as clerks paste them: long titles, an international number, an 18-character ID. */
const VISITORS = [
  '周建国\t采购部副总经理\t+86 138-0013-8000\t身份证\t11010519491231002X\t清真，需要轮椅通道',
  'Alexander Hamilton\tDeputy Director of Purchasing\t+49 151 2345 6789\t护照\tE12345678\t',
  '吴敏\t处长\t010-6552 9988\t\t\t',
].join('\n');

/** The ids of visitor-grid fields whose text does not fit in them (cut off, or scrolled). */
function clippedCells(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
        '[data-testid="visitors-grid"] input, [data-testid="visitors-grid"] textarea',
      ),
    ]
      .filter((el) => el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight + 1)
      .map((el) => `${el.id || el.className}: ${el.value}`),
  );
}

/**
 * Issue 9, items 8 and 9, on the request form: the visitor grid fits what is typed at 1280 and
 * 1024 px, the side panel never says "no issues" over missing fields, times are typed as "0930"
 * and tabbed out of, counts left at 0 are empty, and a new form starts in its first field.
 */
describe('the request form as users found it', () => {
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

  for (const language of ['zh-CN', 'en'] as Language[]) {
    it(`in ${language}: first field, honest panel, keyboard times, empty counts, a grid that fits`, async () => {
      const t = (key: string, params?: Record<string, string | number>) =>
        tr(language, key, params);
      ok(await api(j.url, 'auth.setLanguage', { language }, c.people.host.cookie));
      const page = await openAs(j, c.people.host, language);
      await go(page, '/requests/new');
      await visible(page.getByRole('heading', { name: t('requestForm.titleNew') }));
      const panel = page.getByTestId('request-panel');

      // Item 9: the cursor is in the first field to type.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id), { timeout: UI_TIMEOUT })
        .toBe('orgName');

      // A blank form is waiting for input, not "no issues".
      await visible(panel.getByTestId('panel-budget-total'));
      await visible(panel.getByText(t('requestForm.panel.checksWaiting')));
      expect(await panel.getByText(t('requestForm.panel.noChecks')).count()).toBe(0);

      // Submitting it marks the fields red; the panel lists the same ones.
      await page.getByTestId('submit-request').click();
      const missing = panel.getByTestId('panel-incomplete').locator('li');
      await expect.poll(() => missing.count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
      expect(await panel.getByText(t('requestForm.panel.noChecks')).count()).toBe(0);
      const summary = page.locator('.rf-summary li');
      await visible(summary.first());
      await visible(
        panel.getByText(t('requestForm.panel.summaryIncomplete', { count: await summary.count() })),
      );
      await expectAccessible(page, `${language}/form submitted blank`);
      await page.screenshot({ path: shotPath(language, 'requests-form-blank-submitted') });
      // A link in the panel puts the cursor in its field.
      await missing.first().getByRole('link').click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('orgName');

      // Times typed as a clerk types them, and Tab goes on to the next field, not the clear button.
      await page.locator('#orgName').fill('华东电力设计院');
      await page.locator('#arrivalTime').click();
      await page.keyboard.type('0930');
      await page.keyboard.press('Tab');
      await expect.poll(() => page.locator('#arrivalTime').inputValue()).toBe('09:30');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('departureDate');
      // Back into the filled field and out again: still the next field.
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('departureDate');
      // An empty time opens at office hours, in 5-minute steps.
      await page.locator('#departureTime').click();
      const columns = page.locator('.ant-picker-dropdown:visible .ant-picker-time-panel-column');
      await expect.poll(() => columns.nth(1).locator('li').count()).toBe(12);
      await page.keyboard.type('1700');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('#departureTime').inputValue()).toBe('17:00');

      // Counts left at 0 are empty; the placeholder says what will be planned.
      const trips = page.locator('[id="needs.carTrips"]');
      expect(await trips.inputValue()).toBe('');
      await page.getByRole('checkbox', { name: t('requestForm.needs.pickup') }).check();
      await page.getByRole('checkbox', { name: t('requestForm.needs.dropoff') }).check();
      await expect
        .poll(() => trips.getAttribute('placeholder'))
        .toBe(t('requestForm.needs.countAuto', { count: 2 }));
      expect(await page.locator('[id="needs.hotelNights"]').inputValue()).toBe('');

      // The paste dialog gives the focus back to the button that opened it.
      const grid = page.getByTestId('visitors-grid');
      const pasteButton = button(grid, t('requestForm.visitors.paste'));
      await pasteButton.click();
      const dialog = page.getByRole('dialog');
      await visible(dialog);
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.tagName))
        .toBe('TEXTAREA');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => pasteButton.evaluate((b) => b === document.activeElement)).toBe(true);

      // The visitor grid: nothing cut off, at 1280 and at 1024 px.
      await button(grid, t('requestForm.visitors.add')).click();
      await pasteVisitors(page, VISITORS);
      await expect.poll(() => grid.locator('[id$=".name"]').count()).toBe(3);
      for (const width of [VIEWPORT.width, 1024]) {
        await page.setViewportSize({ width, height: VIEWPORT.height });
        await page.locator('#rf-visitors').scrollIntoViewIfNeeded();
        await settled(page);
        expect(await clippedCells(page), `${language} at ${width} px`).toEqual([]);
        await page
          .locator('#rf-visitors')
          .screenshot({ path: shotPath(language, `requests-form-visitors-${width}`) });
      }
      await page.setViewportSize(VIEWPORT);
      await expectAccessible(page, `${language}/form with visitors`);
      await page.context().close();
    });
  }
});
