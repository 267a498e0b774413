import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../shared/i18n/translate';
import { expectAccessible } from './support/axe';
import {
  bellCount,
  count,
  createUserApi,
  gone,
  screenshotFailures,
  shotPath,
  signInApi,
  startJourney,
  tr,
  UI_TIMEOUT,
  visible,
  zh,
  type Journey,
  settled,
} from './support/journey';
import { go, openAs, PASSWORD, seedCompany, type Company, type Person } from './support/requests';

const row = (page: Page, text: string) =>
  page.getByTestId('walk-in-list').locator('.ant-table-tbody tr', { hasText: text });

/**
 * Issue 11, item 4: the desk registers a visitor without appointment; the host, in his own
 * browser, opens it from the notification and accepts; the desk sees the answer live; the
 * retroactive request waits on the host's home; a declined walk-in is recorded too.
 */
describe('front desk: walk-ins', () => {
  let j: Journey;
  let c: Company;
  let desk: Person;
  let host: Person;
  let deskPage: Page;
  let hostPage: Page;

  beforeAll(async () => {
    j = await startJourney();
    c = await seedCompany(j.url);
    host = c.people.host;
    const user = await createUserApi(j.url, c.adminCookie, {
      login: 'qian.tai',
      displayName: '钱台',
      roles: ['front_desk'],
      password: PASSWORD,
    });
    desk = {
      id: user.id,
      login: 'qian.tai',
      displayName: '钱台',
      cookie: await signInApi(j.url, 'qian.tai', PASSWORD),
    };
    deskPage = await openAs(j, desk);
    hostPage = await openAs(j, host);
  });
  afterAll(() => j?.close());
  screenshotFailures(() => j);

  async function register(page: Page, name: string, org: string, hostQuery: string) {
    await page.locator('#walkInName').fill(name);
    await page.locator('#orgName').fill(org);
    await page.locator('#phone').fill('139 0000 1234');
    await page.locator('#hostUserId').click();
    await page.locator('#hostUserId').fill(hostQuery);
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', {
      hasText: host.displayName,
    });
    await visible(option);
    await option.click();
    await page.locator('#purpose').fill('送样品');
    // Ctrl+Enter submits from any field.
    await page.locator('#purpose').press('Control+Enter');
    await visible(row(page, name));
  }

  it('the desk registers a walk-in from the menu; Ctrl+Enter submits; the list shows it pending', async () => {
    await deskPage
      .getByTestId('sidebar')
      .getByRole('menuitem', { name: zh('frontdeskWalkIn.nav') })
      .click();
    await visible(deskPage.getByRole('heading', { name: zh('frontdeskWalkIn.title') }));
    await visible(deskPage.getByText(zh('frontdeskWalkIn.list.empty')));
    // No host: a clear message, nothing stored.
    await deskPage.locator('#walkInName').fill('王来访');
    await deskPage.locator('#purpose').fill('送样品');
    await deskPage.locator('#purpose').press('Control+Enter');
    await visible(deskPage.getByText(zh('frontdesk.errors.noHost')));
    expect(count(j.srv, 'select count(*) from frontdesk_walk_ins')).toBe(0);

    // Pinyin initials of 李娜 find her.
    await register(deskPage, '王来访', '华东设计院', 'ln');
    await visible(row(deskPage, '王来访').getByText(zh('frontdeskWalkIn.status.pending')));
    await visible(row(deskPage, '王来访').getByText('139****1234'));
    expect(count(j.srv, "select count(*) from frontdesk_walk_ins where status = 'pending'")).toBe(
      1,
    );
  });

  it('the host opens it from the bell and accepts; the desk sees 已同意 live', async () => {
    await expect.poll(() => bellCount(hostPage), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    await hostPage.getByTestId('bell').click();
    const popover = hostPage.locator('.ant-popover:visible');
    await popover
      .getByRole('button', { name: zh('frontdesk.notice.walkInWaiting', { org: '华东设计院' }) })
      .click();
    await visible(hostPage.getByRole('heading', { name: zh('frontdeskWalkIn.answer.title') }));
    await visible(hostPage.getByText('王来访'));
    await hostPage.locator('#answerComment').fill('马上下来');
    await hostPage
      .getByRole('button', { name: zh('frontdeskWalkIn.answer.accept'), exact: true })
      .click();
    await visible(hostPage.getByText(zh('frontdeskWalkIn.answer.accepted')));
    await gone(
      hostPage.getByRole('button', { name: zh('frontdeskWalkIn.answer.accept'), exact: true }),
    );

    // The desk's list changes without a reload.
    await visible(row(deskPage, '王来访').getByText(zh('frontdeskWalkIn.status.accepted')));
    await visible(row(deskPage, '王来访').getByText('马上下来'));
  });

  it('the retroactive request waits on the host’s home and its draft opens', async () => {
    await go(hostPage, '/');
    const warnings = hostPage.getByTestId('home-walk-ins');
    const warning = warnings.getByText(
      zh('frontdeskWalkIn.home.toComplete', { org: '华东设计院' }),
    );
    await visible(warning);
    await warnings.getByRole('link', { name: zh('frontdeskWalkIn.home.open') }).click();
    await hostPage.getByRole('link', { name: zh('frontdeskWalkIn.answer.openRequest') }).click();
    await expect
      .poll(() => hostPage.url(), { timeout: UI_TIMEOUT })
      .toMatch(/\/requests\/\d+\/edit$/);
    await expect
      .poll(() => hostPage.locator('input[value="华东设计院"]').count(), { timeout: UI_TIMEOUT })
      .toBeGreaterThan(0);
    expect(
      count(
        j.srv,
        "select count(*) from requests where status = 'draft' and retroactive = 1 and host_user_id = ?",
        host.id,
      ),
    ).toBe(1);
  });

  it('the desk checks the accepted walk-in in and out from the list', async () => {
    await row(deskPage, '王来访')
      .getByRole('button', { name: zh('frontdeskWalkIn.list.checkIn') })
      .click();
    const dialog = deskPage.getByRole('dialog', {
      name: zh('frontdeskWalkIn.checkIn.title', { name: '王来访' }),
    });
    await visible(dialog);
    await dialog.locator('#walkInBadge').fill('W7');
    const consent = dialog.getByRole('checkbox', { name: zh('frontdeskWalkIn.checkIn.consent') });
    if (await consent.count()) await consent.check();
    await dialog.getByRole('button', { name: zh('frontdeskWalkIn.checkIn.ok') }).click();
    await gone(dialog);
    await visible(
      row(deskPage, '王来访').getByText(zh('frontdeskWalkIn.list.inside', { badge: 'W7' })),
    );
    await row(deskPage, '王来访')
      .getByRole('button', { name: zh('frontdeskWalkIn.list.checkOut') })
      .click();
    await deskPage
      .locator('.ant-popconfirm:visible')
      .getByRole('button', { name: zh('frontdeskWalkIn.list.checkOut') })
      .click();
    await gone(
      row(deskPage, '王来访').getByRole('button', { name: zh('frontdeskWalkIn.list.checkOut') }),
    );
    expect(count(j.srv, 'select count(*) from frontdesk_guests where left_at_ms is not null')).toBe(
      1,
    );
  });

  it('a declined walk-in is recorded', async () => {
    await register(deskPage, '赵推销', '某某贸易', '销售');
    const id = Number(
      (
        j.srv.app.sqlite
          .prepare("select id from frontdesk_walk_ins where name = '赵推销'")
          .get() as { id: number }
      ).id,
    );
    await go(hostPage, `/walk-ins/${id}`);
    await hostPage
      .getByRole('button', { name: zh('frontdeskWalkIn.answer.decline'), exact: true })
      .click();
    await hostPage
      .locator('.ant-popconfirm:visible')
      .getByRole('button', { name: zh('frontdeskWalkIn.answer.decline'), exact: true })
      .click();
    await visible(hostPage.getByText(zh('frontdeskWalkIn.answer.declined')));
    await visible(row(deskPage, '赵推销').getByText(zh('frontdeskWalkIn.status.declined')));
    expect(count(j.srv, "select count(*) from frontdesk_walk_ins where status = 'declined'")).toBe(
      1,
    );
    expect(count(j.srv, 'select count(*) from requests')).toBe(1);
  });

  it('zh-CN and en screenshots of the walk-in page and the answer page; axe finds nothing serious', async () => {
    // One more pending walk-in, so the host's page shows its buttons.
    await register(deskPage, '孙客人', '东方机械', 'ln');
    const pendingId = Number(
      (
        j.srv.app.sqlite
          .prepare("select id from frontdesk_walk_ins where name = '孙客人'")
          .get() as { id: number }
      ).id,
    );
    for (const language of ['zh-CN', 'en'] as Language[]) {
      const d = await openAs(j, desk, language);
      if (language === 'en') await d.getByRole('banner').getByText('EN', { exact: true }).click();
      await go(d, '/frontdesk/walk-ins');
      await visible(d.getByRole('heading', { name: tr(language, 'frontdeskWalkIn.title') }));
      await visible(row(d, '孙客人'));
      await settled(d);
      await d.screenshot({ path: shotPath(language, 'frontdesk-walkins'), fullPage: true });
      await expectAccessible(d, `walk-ins (${language})`);

      const h = await openAs(j, host, language);
      if (language === 'en') await h.getByRole('banner').getByText('EN', { exact: true }).click();
      await go(h, `/walk-ins/${pendingId}`);
      await visible(h.getByRole('button', { name: tr(language, 'frontdeskWalkIn.answer.accept') }));
      await settled(h);
      await h.screenshot({ path: shotPath(language, 'frontdesk-walkin-answer'), fullPage: true });
      await expectAccessible(h, `walk-in answer (${language})`);
      await go(h, '/');
      await visible(h.getByTestId('home-walk-ins'));
      await settled(h);
      await h.screenshot({ path: shotPath(language, 'frontdesk-walkin-home'), fullPage: true });
      await expectAccessible(h, `host home with walk-ins (${language})`);
    }
  });
});
