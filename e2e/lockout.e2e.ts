import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  bellCount,
  count,
  createUserApi,
  expectHome,
  expectLoginScreen,
  navigate,
  openAsAdmin,
  screenshotFailures,
  setupAdminApi,
  signIn,
  startJourney,
  UI_TIMEOUT,
  visible,
  zh,
  type Journey,
} from './support/journey';

const CLERK = { login: 'clerk', displayName: '李前台', password: 'clerk-pass-2024' };

describe('account lockout after five wrong passwords', () => {
  let j: Journey;
  let clerk: Page;
  let admin: Page;

  beforeAll(async () => {
    j = await startJourney();
    const cookie = await setupAdminApi(j.url);
    await createUserApi(j.url, cookie, { ...CLERK, roles: ['front_desk'] });
    // The administrator is signed in at another machine while the clerk mistypes.
    admin = await openAsAdmin(j);
    clerk = await j.open();
    await expectLoginScreen(clerk);
  });
  afterAll(async () => {
    await j?.close();
  });
  screenshotFailures(() => j);

  const loginError = () => clerk.getByTestId('login-error');

  it('says the same for an unknown name and a wrong password (no attempts left), then locks on the fifth', async () => {
    expect(await bellCount(admin)).toBe(0);
    const expected = zh('errors.LOGIN_FAILED');
    await signIn(clerk, 'no-such-user', 'wrong-0-password', { expectHome: false });
    await expect.poll(() => loginError().innerText(), { timeout: UI_TIMEOUT }).toBe(expected);
    for (let attempt = 1; attempt <= 4; attempt++) {
      await signIn(clerk, CLERK.login, `wrong-${attempt}-password`, { expectHome: false });
      await expect.poll(() => loginError().innerText(), { timeout: UI_TIMEOUT }).toBe(expected);
    }
    await signIn(clerk, CLERK.login, 'wrong-5-password', { expectHome: false });
    await expect
      .poll(() => loginError().innerText(), { timeout: UI_TIMEOUT })
      .toBe(zh('errors.ACCOUNT_LOCKED', { minutes: 15 }));
    expect(await loginError().innerText()).toContain('账户已锁定');
    expect(
      count(
        j.srv,
        'select count(*) from users where login = ? and locked_until_ms > ?',
        CLERK.login,
        Date.now(),
      ),
    ).toBe(1);
  });

  it('refuses even the right password while locked', async () => {
    const response = clerk.waitForResponse((r) => r.url().endsWith('/api/auth.login'));
    await signIn(clerk, CLERK.login, CLERK.password, { expectHome: false });
    const answer = await response;
    expect(answer.status()).toBe(423);
    expect(await answer.json()).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    await expect
      .poll(() => loginError().innerText(), { timeout: UI_TIMEOUT })
      .toBe(zh('errors.ACCOUNT_LOCKED', { minutes: 15 }));
    expect(await clerk.getByTestId('sidebar').count()).toBe(0);
    expect(
      count(
        j.srv,
        'select count(*) from sessions s join users u on u.id = s.user_id where u.login = ?',
        CLERK.login,
      ),
    ).toBe(0);
  });

  it("the administrator's bell shows the lockout live, without a reload", async () => {
    await expect.poll(() => bellCount(admin), { timeout: UI_TIMEOUT }).toBe(1);
    await admin.getByTestId('bell').click();
    const popover = admin.locator('.ant-popover:visible');
    await visible(popover.getByText(zh('notifications.title'), { exact: true }));
    await visible(
      popover.getByText(
        zh('notifications.accountLocked', { name: CLERK.displayName, login: CLERK.login }),
      ),
    );
    // Mark as read: the badge goes away and the database agrees.
    await popover.getByRole('button', { name: zh('notifications.markAllRead') }).click();
    await expect.poll(() => bellCount(admin), { timeout: UI_TIMEOUT }).toBe(0);
    expect(count(j.srv, 'select count(*) from notifications where read_at_ms is null')).toBe(0);
    await admin.keyboard.press('Escape');
  });

  it('the administrator unlocks the clerk on the Users page and the clerk signs in', async () => {
    await navigate(admin, 'nav.users');
    const row = admin.getByRole('row', { name: new RegExp(CLERK.displayName) });
    await visible(row);
    // The list may show what it had a moment ago first, then the lock once its data is in.
    await expect.poll(() => row.innerText(), { timeout: UI_TIMEOUT }).toContain('锁定至');
    await row.getByRole('button', { name: zh('users.unlock') }).click();
    await visible(admin.getByText(zh('users.unlocked')));
    await expect
      .poll(() => row.getByRole('button', { name: zh('users.unlock') }).count(), {
        timeout: UI_TIMEOUT,
      })
      .toBe(0);
    expect(
      count(
        j.srv,
        'select count(*) from users where login = ? and locked_until_ms is null',
        CLERK.login,
      ),
    ).toBe(1);

    await signIn(clerk, CLERK.login, CLERK.password);
    await expectHome(clerk, CLERK.displayName);
  });
});
