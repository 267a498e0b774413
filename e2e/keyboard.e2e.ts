import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  screenshotFailures,
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
  requestRow,
  seedCompany,
  submitApi,
  today,
  type Company,
} from './support/requests';

/** A keyboard: every key pressed through it is counted. */
function keyboard(page: Page) {
  let presses = 0;
  return {
    get presses() {
      return presses;
    },
    async press(key: string) {
      presses++;
      await page.keyboard.press(key);
    },
    /** Tabs (or Shift+Tabs) until the focused element's text is `label` (at most `max`). */
    async tabTo(label: string, max = 40, key = 'Tab') {
      for (let i = 0; i < max; i++) {
        await this.press(key);
        const text = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
        if (text === label) return;
      }
      throw new Error(`no focusable "${label}" within ${max} Tabs`);
    },
  };
}

const focusedText = (page: Page) =>
  page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

/**
 * Issue 9, item 9: the inbox by keyboard. Enter on 通过 opens the confirmation with the focus on
 * its OK, so Enter, Enter approves (before, the second Enter closed it without approving). A
 * dialog takes the focus to its first field and gives it back on close. The keys are counted.
 */
describe('approving and filing with the keyboard only', () => {
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

  it('the head approves and the admin office files from the inbox with Tab and Enter', async () => {
    const d = await submitApi(
      j.url,
      c.people.host,
      requestBody(c.departments.sales, {
        orgName: '键盘测试单位',
        arrivalDate: addDays(today(), 6),
      }),
    );

    const head = await openAs(j, c.people.head);
    await go(head, '/approvals');
    await visible(head.locator(`[data-testid="inbox-row"][data-code="${d.code}"]`));
    const k = keyboard(head);
    // A dialog: 退回 opens the reason with the focus in it; Escape closes it and the focus is
    // back on 退回.
    await k.tabTo(zh('requestViews.actions.return'));
    await k.press('Enter');
    await expect
      .poll(() => head.evaluate(() => document.activeElement?.id), { timeout: UI_TIMEOUT })
      .toBe('decision-reason');
    await k.press('Escape');
    await expect
      .poll(() => focusedText(head), { timeout: UI_TIMEOUT })
      .toBe(zh('requestViews.actions.return'));
    // Back to 通过 (the button before it), then Enter, Enter.
    await k.tabTo(zh('requestViews.actions.approve'), 5, 'Shift+Tab');
    await k.press('Enter');
    await expect
      .poll(() => head.evaluate(() => document.activeElement?.id ?? ''), { timeout: UI_TIMEOUT })
      .toMatch(/^approve-ok-/);
    await k.press('Enter');
    await expect
      .poll(() => requestRow(j.srv, d.id)?.status, { timeout: UI_TIMEOUT })
      .toBe('approved');
    const headKeys = k.presses;

    const office = await openAs(j, c.people.office);
    await go(office, '/approvals');
    await visible(office.locator(`[data-testid="inbox-row"][data-code="${d.code}"]`));
    const k2 = keyboard(office);
    await k2.tabTo(zh('requestViews.actions.file'));
    await k2.press('Enter');
    await k2.press('Enter');
    await expect.poll(() => requestRow(j.srv, d.id)?.status, { timeout: UI_TIMEOUT }).toBe('filed');
    // The counts, for the record; the bounds say the way stays short.
    console.info(
      `keyboard: head ${headKeys} keys (incl. a dialog opened and closed), office ${k2.presses} keys`,
    );
    expect(k2.presses).toBeLessThanOrEqual(25);
  });
});
