import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Language } from '../shared/i18n/translate';
import {
  ADMIN,
  api,
  bellCount,
  button,
  createUserApi,
  expectHome,
  expectLoginScreen,
  navigate,
  ok,
  screenshotFailures,
  setupAdminApi,
  signIn,
  startJourney,
  tr,
  visible,
  VIEWPORT,
  type Journey,
  settled,
} from './support/journey';
import { expectAccessible } from './support/axe';

/** Where the pictures go (git-ignored): e2e/screenshots/<language>/<page>.png */
const OUT = path.resolve(__dirname, 'screenshots');
const LANGUAGES: Language[] = ['zh-CN', 'en'];
const PASSWORD = 'staff-pass-2024';
const RESET = 'reset-pass-2024';
const RAW_KEY =
  /\b(app|common|nav|roles|errors|validation|notifications|setup|login|lock|account|home|users|departments|audit|settings|ops)\.[a-zA-Z_]+/;

/** Waits until nothing moves (antd's zoom and fade), then saves the picture. */
async function shoot(page: Page, language: Language, name: string) {
  await settled(page);
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
  const dir = path.join(OUT, language);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file });
  expect(fs.statSync(file).size, file).toBeGreaterThan(5_000);
  // Every screen fits the 1280 px window and shows no catalog key.
  const { overflow, text } = await page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    text: document.body.innerText,
  }));
  expect(overflow, `${language}/${name} scrolls sideways`).toBeLessThanOrEqual(0);
  expect(text, `${language}/${name}`).not.toMatch(RAW_KEY);
  await expectAccessible(page, `${language}/${name}`);
}

describe('screenshots of every screen', () => {
  let j: Journey;
  let adminCookie: string;

  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => {
    await j?.close();
  });
  screenshotFailures(() => j);

  it('first-start setup screen (empty database)', async () => {
    for (const language of LANGUAGES) {
      const page = await j.open({ language });
      await visible(page.getByRole('heading', { name: tr(language, 'setup.title') }));
      await shoot(page, language, 'setup');
      await page.context().close();
    }
  });

  it('fills the database with a small company', async () => {
    adminCookie = await setupAdminApi(j.url);
    const staff: [string, string, Parameters<typeof createUserApi>[2]['roles']][] = [
      ['zhang.wei', '张伟', ['dept_head', 'host']],
      ['li.na', '李娜', ['host']],
      ['wang.fang', '王芳', ['front_desk']],
      ['liu.yang', '刘洋', ['finance']],
      ['chen.jing', '陈静', ['admin_office']],
      ['zhao.lei', '赵磊', ['executive']],
    ];
    const ids: Record<string, number> = {};
    for (const [login, displayName, roles] of staff) {
      const u = await createUserApi(j.url, adminCookie, {
        login,
        displayName,
        roles,
        password: PASSWORD,
      });
      ids[login] = u.id;
    }
    const sales = ok(
      await api(
        j.url,
        'departments.create',
        { name: '销售部', headUserId: ids['zhang.wei'] ?? null },
        adminCookie,
      ),
    );
    ok(
      await api(
        j.url,
        'departments.create',
        { name: '人事行政部', headUserId: ids['chen.jing'] ?? null },
        adminCookie,
      ),
    );
    ok(await api(j.url, 'departments.create', { name: '财务部', headUserId: null }, adminCookie));
    for (const login of ['zhang.wei', 'li.na']) {
      const users = ok(await api(j.url, 'users.list', {}, adminCookie));
      const u = users.find((x) => x.login === login);
      if (!u) throw new Error(login);
      ok(
        await api(
          j.url,
          'users.update',
          {
            id: u.id,
            displayName: u.displayName,
            departmentId: sales.id,
            roles: u.roles,
            disabled: false,
          },
          adminCookie,
        ),
      );
    }
    // 李娜 mistypes five times: a notification for the administrator, a lock in the users list.
    for (let i = 0; i < 5; i++)
      await api(j.url, 'auth.login', { login: 'li.na', password: `nope-${i}-password` });
  });

  for (const language of LANGUAGES) {
    it(`every screen in ${language}`, async () => {
      const t = (key: string, params?: Record<string, string | number>) =>
        tr(language, key, params);
      ok(await api(j.url, 'auth.setLanguage', { language }, adminCookie));
      const page = await j.open({ language });
      expect(page.viewportSize()).toEqual(VIEWPORT);

      await expectLoginScreen(page, language);
      await shoot(page, language, 'login');

      await signIn(page, ADMIN.login, ADMIN.password, { language });
      await expectHome(page, ADMIN.displayName, language);
      await shoot(page, language, 'home');

      await page.getByTestId('bell').click();
      await visible(
        page.locator('.ant-popover:visible').getByText(t('notifications.title'), { exact: true }),
      );
      expect(await bellCount(page)).toBeGreaterThanOrEqual(1);
      await shoot(page, language, 'bell');
      await page.getByTestId('bell').click();
      await page.locator('.ant-popover:visible').waitFor({ state: 'hidden' });

      await navigate(page, 'nav.users', language);
      await visible(page.getByRole('cell', { name: 'li.na', exact: true }));
      await shoot(page, language, 'users');
      await button(page, t('users.create')).click();
      await visible(page.getByRole('dialog', { name: t('users.create') }));
      await shoot(page, language, 'users-create');
      await button(page.getByRole('dialog'), t('common.cancel')).click();
      await page.getByRole('dialog').waitFor({ state: 'hidden' });

      await navigate(page, 'nav.departments', language);
      await visible(page.getByRole('cell', { name: '销售部', exact: true }));
      await shoot(page, language, 'departments');

      // The newest entries first (the list draws only the rows in view): this run's change of
      // language is among them.
      await navigate(page, 'nav.audit', language);
      await visible(page.getByRole('cell', { name: t('ops.auth.setLanguage') }));
      await visible(page.getByTestId('list-total'));
      await shoot(page, language, 'audit');

      await navigate(page, 'nav.settings', language);
      await visible(page.getByLabel(t('settings.idleLockMinutes')));
      await shoot(page, language, 'settings');

      await page.getByTestId('user-menu').click();
      await page.getByRole('menuitem', { name: new RegExp(t('nav.account')) }).click();
      await visible(page.getByRole('heading', { name: t('account.title') }));
      await shoot(page, language, 'account');

      await page.keyboard.press('Control+Shift+L');
      await visible(page.getByRole('heading', { name: t('lock.title') }));
      await shoot(page, language, 'lock');

      // A user whose password the administrator reset, in this language.
      const users = ok(await api(j.url, 'users.list', {}, adminCookie));
      const liu = users.find((u) => u.login === 'liu.yang');
      if (!liu) throw new Error('liu.yang missing');
      ok(await api(j.url, 'users.resetPassword', { id: liu.id, password: RESET }, adminCookie));
      const liuCookie = (await api(j.url, 'auth.login', { login: 'liu.yang', password: RESET }))
        .cookie;
      ok(await api(j.url, 'auth.setLanguage', { language }, liuCookie));
      const forced = await j.open({ language });
      await expectLoginScreen(forced, language);
      await signIn(forced, 'liu.yang', RESET, { expectHome: false, language });
      await visible(forced.getByText(t('account.mustChange')));
      await shoot(forced, language, 'forced-password-change');
    });
  }

  it('wrote every picture', () => {
    const names = [
      'setup',
      'login',
      'home',
      'bell',
      'users',
      'users-create',
      'departments',
      'audit',
      'settings',
      'account',
      'lock',
      'forced-password-change',
    ];
    for (const language of LANGUAGES) {
      for (const name of names) {
        expect(fs.existsSync(path.join(OUT, language, `${name}.png`)), `${language}/${name}`).toBe(
          true,
        );
      }
    }
  });
});
