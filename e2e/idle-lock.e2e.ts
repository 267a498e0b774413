import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CompanySettings } from '../shared/contract/types';
import {
  ADMIN,
  api,
  button,
  count,
  gone,
  navigate,
  openAsAdmin,
  pageApi,
  screenshotFailures,
  setupAdminApi,
  startJourney,
  UI_TIMEOUT,
  visible,
  zh,
  type Journey,
} from './support/journey';

describe('idle lock of the shared screen', () => {
  let j: Journey;
  let page: Page;

  beforeAll(async () => {
    j = await startJourney();
    await setupAdminApi(j.url);
    // The page's clock is Playwright's: time moves on by itself, and fastForward jumps.
    page = await openAsAdmin(j, { clock: true });
  });
  afterAll(async () => {
    await j?.close();
  });
  screenshotFailures(() => j);

  const lockHeading = () => page.getByRole('heading', { name: zh('lock.title') });
  const lockedSessions = () => count(j.srv, 'select count(*) from sessions where locked = 1');
  const storedIdleMinutes = () => {
    const row = j.srv.app.sqlite
      .prepare("select value from settings where key = 'idleLockMinutes'")
      .get() as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as CompanySettings['idleLockMinutes']) : undefined;
  };

  it('the sysadmin sets the idle lock to 1 minute on the Settings page', async () => {
    await navigate(page, 'nav.settings');
    await visible(page.getByRole('heading', { name: zh('settings.title') }));
    const minutes = page.getByLabel(zh('settings.idleLockMinutes'));
    await visible(minutes);
    expect(await minutes.inputValue()).toBe('10');
    await minutes.fill('1');
    await button(page, zh('common.save')).click();
    await visible(page.getByText(zh('common.saved'), { exact: true }));
    expect(storedIdleMinutes()).toBe(1);
  });

  it('does not lock while the person is active, locks after a minute without input', async () => {
    await navigate(page, 'nav.users');
    await visible(page.getByRole('heading', { name: zh('users.title') }));

    await page.clock.fastForward(40_000);
    await page.mouse.move(200, 300);
    await page.mouse.move(220, 320);
    // The next check finds recent activity: it reports it to main instead of locking.
    const touched = page.waitForRequest((r) => r.url().endsWith('/api/auth.touch'));
    await page.clock.fastForward(40_000);
    await touched;
    // 80 s since sign-in, but only 40 s since the mouse moved: still unlocked.
    expect(await lockHeading().count()).toBe(0);
    expect(await page.getByTestId('sidebar').isVisible()).toBe(true);

    await page.clock.fastForward(30_000);
    await visible(lockHeading());
    await visible(page.getByText(zh('lock.intro', { name: ADMIN.displayName })));
    // The app stays mounted (a half-filled form survives) but is inert and hidden behind an
    // opaque cover: nothing of it is visible, reachable by keyboard or exposed to assistive tech.
    expect(await page.locator('.app-root[inert][aria-hidden="true"]').count()).toBe(1);
    expect(await page.getByRole('heading', { name: zh('users.title') }).count()).toBe(0);
    const covered = await page.evaluate(() => {
      const el = document.elementFromPoint(100, 100);
      return el?.closest('.lock-cover') !== null;
    });
    expect(covered).toBe(true);
    await expect.poll(lockedSessions, { timeout: UI_TIMEOUT }).toBe(1);
  });

  it('the main process refuses calls from the locked session with SESSION_LOCKED', async () => {
    const r = await pageApi(page, 'users.list', {});
    expect(r.status).toBe(423);
    expect(r.body.ok).toBe(false);
    if (!r.body.ok) {
      expect(r.body.error.code).toBe('SESSION_LOCKED');
      expect(r.body.error.message).toBe(zh('errors.SESSION_LOCKED'));
    }
  });

  it('a wrong password shows an error and keeps the lock', async () => {
    await page.getByLabel(zh('login.password')).fill('not-my-password');
    await button(page, zh('lock.unlock')).click();
    await visible(page.getByRole('alert').getByText(zh('errors.BAD_CREDENTIALS', { left: 4 })));
    expect(await lockHeading().isVisible()).toBe(true);
    expect(lockedSessions()).toBe(1);
  });

  it('the right password unlocks and returns to the same page', async () => {
    await page.getByLabel(zh('login.password')).fill(ADMIN.password);
    await button(page, zh('lock.unlock')).click();
    await visible(page.getByRole('heading', { name: zh('users.title') }));
    await gone(lockHeading());
    expect(new URL(page.url()).hash).toBe('#/users');
    expect(lockedSessions()).toBe(0);
    // The wrong try before is forgotten after a good password.
    expect(count(j.srv, 'select failed_attempts from users where login = ?', ADMIN.login)).toBe(0);
    const r = await pageApi(page, 'users.list', {});
    expect(r.status).toBe(200);
  });

  it('Ctrl+Shift+L locks at once', async () => {
    await page.keyboard.press('Control+Shift+L');
    await visible(lockHeading());
    await expect.poll(lockedSessions, { timeout: UI_TIMEOUT }).toBe(1);
    expect((await pageApi(page, 'departments.list', {})).status).toBe(423);

    await page.getByLabel(zh('login.password')).fill(ADMIN.password);
    await button(page, zh('lock.unlock')).click();
    await visible(page.getByRole('heading', { name: zh('users.title') }));
  });

  it('the user menu locks too, and "switch user" leads to the sign-in', async () => {
    const cookie = (await page.context().cookies(j.url)).find((c) => c.name === 'rm_session');
    expect(cookie).toBeDefined();
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: new RegExp(zh('nav.lock')) }).click();
    await visible(lockHeading());
    await button(page, zh('lock.switchUser')).click();
    await visible(page.getByRole('heading', { name: zh('login.title'), exact: true }));
    // The locked session was ended, not just left behind.
    const after = await api(j.url, 'users.list', {}, decodeURIComponent(cookie?.value ?? ''));
    expect(after.status).toBe(401);
    expect(after.body.ok ? 'ok' : after.body.error.code).toBe('SESSION_EXPIRED');
  });
});
