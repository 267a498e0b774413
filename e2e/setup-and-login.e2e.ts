import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LATEST_VERSION } from '../main/db/migrations';
import { ON_POSTGRES } from './support/server';
import {
  ADMIN,
  count,
  expectFieldError,
  expectHome,
  expectLoginScreen,
  signIn,
  signOut,
  screenshotFailures,
  startJourney,
  visible,
  zh,
  type Journey,
} from './support/journey';

describe('first start and sign-in', () => {
  let j: Journey;
  let page: Page;

  beforeAll(async () => {
    j = await startJourney();
    page = await j.open();
  });
  afterAll(async () => {
    await j?.close();
  });
  screenshotFailures(() => j);

  const fill = async (values: Partial<Record<string, string>>) => {
    for (const [id, value] of Object.entries(values)) {
      await page.locator(`[id="${id}"]`).fill(value ?? '');
    }
  };

  it('shows the setup screen on an empty database', async () => {
    await visible(page.getByRole('heading', { name: zh('setup.title') }));
    expect(await page.getByText(zh('setup.intro')).isVisible()).toBe(true);
    expect(count(j.srv, 'select count(*) from users')).toBe(0);
  });

  it('rejects bad input with translated field messages and creates nothing', async () => {
    await fill({
      companyName: ADMIN.companyName,
      displayName: ADMIN.displayName,
      login: 'bad login',
      password: 'short',
      passwordConfirm: 'different',
    });
    await page.getByRole('button', { name: zh('setup.submit') }).click();
    await expectFieldError(page, 'login', zh('validation.loginNameChars'));
    await expectFieldError(page, 'password', zh('validation.passwordLength'));
    await expectFieldError(page, 'passwordConfirm', zh('validation.passwordMismatch'));

    // A long enough password that still does not match its confirmation.
    await fill({
      login: ADMIN.login,
      password: ADMIN.password,
      passwordConfirm: 'admin-pass-2025',
    });
    await page.getByRole('button', { name: zh('setup.submit') }).click();
    await expectFieldError(page, 'passwordConfirm', zh('validation.passwordMismatch'));
    expect(await page.locator('[id="login"]').getAttribute('aria-invalid')).not.toBe('true');

    // A one-letter login name and an empty display name.
    await fill({ login: 'a', displayName: '', passwordConfirm: ADMIN.password });
    await page.getByRole('button', { name: zh('setup.submit') }).click();
    await expectFieldError(page, 'login', zh('validation.loginNameLength'));
    await expectFieldError(page, 'displayName', zh('validation.required'));

    expect(count(j.srv, 'select count(*) from users')).toBe(0);
    expect(count(j.srv, 'select count(*) from audit_log')).toBe(0);
    // Still on the setup screen.
    expect(await page.getByRole('heading', { name: zh('setup.title') }).isVisible()).toBe(true);
  });

  it('creates the first administrator and signs in', async () => {
    await fill({ login: ADMIN.login, displayName: ADMIN.displayName });
    await page.getByRole('button', { name: zh('setup.submit') }).click();
    await expectHome(page, ADMIN.displayName);
    await visible(page.getByTestId('sidebar').getByRole('menuitem', { name: zh('nav.home') }));
    // The header shows the company name given at setup.
    await visible(page.getByRole('banner').getByText(ADMIN.companyName));
    expect(count(j.srv, 'select count(*) from users')).toBe(1);
    expect(
      count(
        j.srv,
        "select count(*) from users u join user_roles r on r.user_id = u.id where u.login = ? and r.role = 'sysadmin'",
        ADMIN.login,
      ),
    ).toBe(1);
  });

  it('signs out to the login screen and refuses a wrong password', async () => {
    await signOut(page);
    // Reloading does not bring the session back.
    await page.reload();
    await expectLoginScreen(page);

    await signIn(page, ADMIN.login, 'wrong-password', { expectHome: false });
    const error = page.getByTestId('login-error');
    await visible(error);
    expect(await error.innerText()).toContain(zh('errors.LOGIN_FAILED'));
    expect(await page.getByTestId('sidebar').count()).toBe(0);
  });

  it('signs in again with the right password, whatever the case of the login name', async () => {
    await signIn(page, ADMIN.login.toUpperCase(), ADMIN.password);
    await expectHome(page, ADMIN.displayName);
    // The session survives a reload (cookie).
    await page.reload();
    await expectHome(page, ADMIN.displayName);
  });

  it('answers GET /api/health like curl would see it', async () => {
    const res = await fetch(`${j.url}/api/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body: unknown = await res.json();
    // The schema of this build: 10 (foundation) or a later migration.
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(10);
    expect(body).toEqual({
      ok: true,
      value: {
        schemaVersion: LATEST_VERSION,
        // The store's version: SQLite's, or PostgreSQL's name (the journeys' postgres project).
        sqlite: ON_POSTGRES ? 'PostgreSQL' : expect.stringMatching(/^\d+\.\d+\.\d+$/),
      },
    });
  });
});
