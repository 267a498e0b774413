import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  createUserApi,
  en,
  expectHome,
  expectLoginScreen,
  navigate,
  screenshotFailures,
  setupAdminApi,
  sidebarItems,
  signIn,
  signOut,
  startJourney,
  UI_TIMEOUT,
  visible,
  zh,
  type Journey,
} from './support/journey';

// Latin data, so any Chinese character on an English page is an untranslated UI string.
const ADMIN = {
  companyName: 'Acme Trading Ltd',
  login: 'admin',
  displayName: 'Alice Admin',
  password: 'admin-pass-2024',
};
const OTHER = { login: 'bob', displayName: 'Bob Host', password: 'bob-pass-2024' };

/** The sysadmin's sidebar. */
const NAV = [
  'nav.home',
  'nav.users',
  'sessions.nav',
  'nav.departments',
  'nav.audit',
  'nav.policy',
  'frontdeskPrivacy.nav',
  'nav.settings',
  'backups.nav',
];
/** A catalog key shown as is: `errors.FORBIDDEN`, `nav.home`, … */
const RAW_KEY =
  /\b(app|common|nav|roles|errors|validation|notifications|setup|login|lock|account|home|users|departments|audit|settings|sessions|ops)\.[a-zA-Z_]+/;
const CJK = /[\u3400-\u9fff\uff00-\uffef]/;

/** The page's visible text without the language switch, whose 中文 is meant to stay Chinese. */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('.ant-segmented').forEach((el) => el.remove());
    document.body.appendChild(clone);
    clone.style.position = 'absolute';
    const text = clone.innerText;
    clone.remove();
    return text;
  });
}

describe('language switch', () => {
  let j: Journey;
  let page: Page;

  beforeAll(async () => {
    j = await startJourney();
    const cookie = await setupAdminApi(j.url, ADMIN);
    await createUserApi(j.url, cookie, { ...OTHER, roles: ['host'] });
    page = await j.open();
  });
  afterAll(async () => {
    await j?.close();
  });
  screenshotFailures(() => j);

  const storedLanguage = (login: string) =>
    (
      j.srv.app.sqlite.prepare('select language from users where login = ?').get(login) as {
        language: string;
      }
    ).language;

  it('starts in Chinese and switches to English from the header', async () => {
    await signIn(page, ADMIN.login, ADMIN.password);
    expect(await sidebarItems(page)).toEqual(NAV.map((k) => zh(k)));
    expect(storedLanguage(ADMIN.login)).toBe('zh-CN');

    await page.getByRole('banner').getByText('EN', { exact: true }).click();
    await expectHome(page, ADMIN.displayName, 'en');
    expect(await sidebarItems(page)).toEqual(NAV.map((k) => en(k)));
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => storedLanguage(ADMIN.login), { timeout: UI_TIMEOUT }).toBe('en');

    await page.getByTestId('user-menu').click();
    for (const key of ['nav.account', 'nav.lock', 'nav.logout']) {
      await visible(page.getByRole('menuitem', { name: new RegExp(en(key)) }));
    }
    await page.keyboard.press('Escape');
  });

  it('stays English after a reload (saved for the user)', async () => {
    await page.reload();
    await expectHome(page, ADMIN.displayName, 'en');
    expect(await sidebarItems(page)).toEqual(NAV.map((k) => en(k)));
    // The home page's own text, in English too.
    await visible(page.getByRole('heading', { name: en('home.admin.title') }));
  });

  it('shows no raw catalog keys and no Chinese on any English page', async () => {
    const pages: [string, string][] = [
      ['nav.home', en('home.welcome', { name: ADMIN.displayName })],
      ['nav.users', en('users.title')],
      ['sessions.nav', en('sessions.title')],
      ['nav.departments', en('departments.title')],
      ['nav.audit', en('audit.title')],
      ['nav.settings', en('settings.title')],
    ];
    for (const [nav, heading] of pages) {
      await navigate(page, nav, 'en');
      await visible(page.getByRole('heading', { name: heading }));
      // Lists load after the heading: wait until the tables have settled.
      await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
      const text = await visibleText(page);
      expect(text, `raw key on ${nav}`).not.toMatch(RAW_KEY);
      expect(text, `Chinese on ${nav}`).not.toMatch(CJK);
    }
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: en('nav.account') }).click();
    await visible(page.getByRole('heading', { name: en('account.title') }));
    // My account is not in the sidebar: nothing there is highlighted (not Home either).
    expect(await page.getByTestId('sidebar').locator('.ant-menu-item-selected').count()).toBe(0);
    const text = await visibleText(page);
    expect(text).not.toMatch(RAW_KEY);
    expect(text).not.toMatch(CJK);
  });

  it('field messages are English too', async () => {
    // Still on My account: submit the empty form.
    await page.getByRole('button', { name: en('nav.changePassword') }).click();
    await visible(page.getByText(en('validation.required')).first());
    const text = await visibleText(page);
    expect(text).not.toMatch(RAW_KEY);
    expect(text).not.toMatch(CJK);
  });

  it('another user on this machine still gets Chinese once signed in', async () => {
    await signOut(page, 'en');
    // Before sign-in the machine remembers the last language used on it…
    await expectLoginScreen(page, 'en');
    // …and after sign-in the user's own language applies.
    await signIn(page, OTHER.login, OTHER.password, { language: 'en' });
    const items = await sidebarItems(page);
    expect(items).toContain(zh('nav.home'));
    expect(
      items.every((text) => CJK.test(text)),
      items.join(', '),
    ).toBe(true);
    await navigate(page, 'nav.home');
    await expectHome(page, OTHER.displayName, 'zh-CN');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(storedLanguage(OTHER.login)).toBe('zh-CN');
    expect(storedLanguage(ADMIN.login)).toBe('en');
  });

  it('the English user signs in on a fresh machine and gets English', async () => {
    const fresh = await j.open();
    await expectLoginScreen(fresh, 'zh-CN');
    await signIn(fresh, ADMIN.login, ADMIN.password);
    await expectHome(fresh, ADMIN.displayName, 'en');
    expect(await sidebarItems(fresh)).toEqual(NAV.map((k) => en(k)));
  });

  it('what a Chinese user picks on the sign-in screen wins and becomes his language', async () => {
    expect(storedLanguage(OTHER.login)).toBe('zh-CN');
    const page = await j.open();
    await expectLoginScreen(page, 'zh-CN');
    await page.getByText('EN', { exact: true }).click();
    await expectLoginScreen(page, 'en');
    await signIn(page, OTHER.login, OTHER.password, { language: 'en' });
    // English after signing in, not the Chinese stored for him…
    await expectHome(page, OTHER.displayName, 'en');
    const items = await sidebarItems(page);
    expect(items).toContain(en('nav.home'));
    expect(
      items.some((text) => CJK.test(text)),
      items.join(', '),
    ).toBe(false);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // …and saved as his, so it holds on any machine.
    await expect.poll(() => storedLanguage(OTHER.login), { timeout: UI_TIMEOUT }).toBe('en');
    await signOut(page, 'en');

    const elsewhere = await j.open();
    await expectLoginScreen(elsewhere, 'zh-CN');
    await signIn(elsewhere, OTHER.login, OTHER.password);
    await expectHome(elsewhere, OTHER.displayName, 'en');
  });
});
