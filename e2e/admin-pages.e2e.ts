import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  ADMIN,
  button,
  chooseWithKeyboard,
  count,
  createUserApi,
  expectFieldError,
  expectHome,
  expectLoginScreen,
  gone,
  navigate,
  openAsAdmin,
  pageApi,
  pickOption,
  pickOptions,
  screenshotFailures,
  setupAdminApi,
  sidebarItems,
  signIn,
  startJourney,
  UI_TIMEOUT,
  visible,
  zh,
  type Journey,
} from './support/journey';
import { expectAccessible } from './support/axe';

const HEAD = { login: 'zhangsan', displayName: '张三', password: 'zhang-pass-2024' };
const NEW_USER = { login: 'lisi', displayName: '李四', password: 'lisi-first-2024' };
const RESET_PASSWORD = 'lisi-reset-2024';
const OWN_PASSWORD = 'lisi-own-pass-2024';

describe('administration pages', () => {
  let j: Journey;
  let page: Page;

  beforeAll(async () => {
    j = await startJourney();
    const cookie = await setupAdminApi(j.url);
    await createUserApi(j.url, cookie, { ...HEAD, roles: ['dept_head'] });
    page = await openAsAdmin(j);
  });
  afterAll(async () => {
    await j?.close();
  });
  screenshotFailures(() => j);

  const departmentRow = (name: string) =>
    page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });
  const userRow = (login: string) =>
    page.getByRole('row').filter({ has: page.getByRole('cell', { name: login, exact: true }) });
  const departments = () => count(j.srv, 'select count(*) from departments');

  describe('departments', () => {
    it('starts empty and creates 销售部 with a head', async () => {
      await navigate(page, 'nav.departments');
      await visible(page.getByRole('heading', { name: zh('departments.title') }));
      await visible(page.getByText(zh('departments.empty')));

      await button(page, zh('departments.create')).click();
      const dialog = page.getByRole('dialog', { name: zh('departments.create') });
      await visible(dialog);
      await dialog.getByLabel(zh('departments.name')).fill('销售部');
      await pickOption(page, 'headUserId', `${HEAD.displayName} (${HEAD.login})`);
      await button(dialog, zh('common.save')).click();
      await gone(dialog);

      const row = departmentRow('销售部');
      await visible(row);
      expect(await row.getByRole('cell').allInnerTexts()).toEqual(
        expect.arrayContaining(['销售部', HEAD.displayName, '0']),
      );
      expect(
        count(
          j.srv,
          'select count(*) from departments d join users u on u.id = d.head_user_id where d.name = ? and u.login = ?',
          '销售部',
          HEAD.login,
        ),
      ).toBe(1);
    });

    it('refuses a duplicate name on the field and keeps the dialog open', async () => {
      await button(page, zh('departments.create')).click();
      const dialog = page.getByRole('dialog', { name: zh('departments.create') });
      await visible(dialog);
      await dialog.getByLabel(zh('departments.name')).fill('销售部');
      await button(dialog, zh('common.save')).click();
      await expectFieldError(page, 'name', zh('validation.nameTaken'));
      expect(await dialog.isVisible()).toBe(true);
      expect(departments()).toBe(1);
      await button(dialog, zh('common.cancel')).click();
      await gone(dialog);
    });

    it('deletes a department after a confirmation dialog', async () => {
      await button(page, zh('departments.create')).click();
      const dialog = page.getByRole('dialog', { name: zh('departments.create') });
      await dialog.getByLabel(zh('departments.name')).fill('临时部');
      await button(dialog, zh('common.save')).click();
      await gone(dialog);
      await visible(departmentRow('临时部'));
      expect(departments()).toBe(2);

      // Cancelling the confirmation keeps it.
      await button(departmentRow('临时部'), zh('common.delete')).click();
      let confirm = page.getByRole('dialog').filter({
        hasText: zh('departments.deleteConfirm', { name: '临时部' }),
      });
      await visible(confirm);
      await button(confirm, zh('common.cancel')).click();
      await gone(confirm);
      expect(departments()).toBe(2);

      await button(departmentRow('临时部'), zh('common.delete')).click();
      confirm = page.getByRole('dialog').filter({
        hasText: zh('departments.deleteConfirm', { name: '临时部' }),
      });
      await visible(confirm);
      await button(confirm, zh('common.delete')).click();
      await visible(page.getByText(zh('departments.deleted')));
      await gone(departmentRow('临时部'));
      expect(departments()).toBe(1);
    });
  });

  describe('users', () => {
    it('creates a user with a department and two roles', async () => {
      await navigate(page, 'nav.users');
      await visible(page.getByRole('heading', { name: zh('users.title') }));
      await button(page, zh('users.create')).click();
      const dialog = page.getByRole('dialog', { name: zh('users.create') });
      await visible(dialog);
      await dialog.getByLabel(zh('users.login')).fill(NEW_USER.login);
      await dialog.getByLabel(zh('users.displayName')).fill(NEW_USER.displayName);
      await pickOption(page, 'departmentId', '销售部');
      // Host is preselected; add finance.
      await pickOptions(page, 'roles', [zh('roles.finance')]);
      await dialog.getByLabel(zh('users.password'), { exact: true }).fill(NEW_USER.password);
      await button(dialog, zh('common.save')).click();
      await gone(dialog);
      await visible(page.getByText(zh('users.created')));

      const row = userRow(NEW_USER.login);
      await visible(row);
      const text = await row.innerText();
      for (const expected of [
        '销售部',
        zh('roles.host'),
        zh('roles.finance'),
        NEW_USER.displayName,
      ]) {
        expect(text).toContain(expected);
      }
      const roles = j.srv.app.sqlite
        .prepare(
          'select r.role from user_roles r join users u on u.id = r.user_id where u.login = ? order by r.role',
        )
        .all(NEW_USER.login) as { role: string }[];
      expect(roles.map((r) => r.role)).toEqual(['finance', 'host']);
    });

    it('refuses a login name that is taken, on the field', async () => {
      await button(page, zh('users.create')).click();
      const dialog = page.getByRole('dialog', { name: zh('users.create') });
      await dialog.getByLabel(zh('users.login')).fill(NEW_USER.login.toUpperCase());
      await dialog.getByLabel(zh('users.displayName')).fill('重名');
      await dialog.getByLabel(zh('users.password'), { exact: true }).fill('some-pass-2024');
      await button(dialog, zh('common.save')).click();
      await expectFieldError(page, 'login', zh('validation.loginTaken'));
      await button(dialog, zh('common.cancel')).click();
      await gone(dialog);
      expect(count(j.srv, 'select count(*) from users')).toBe(3);
    });

    it('edits the user', async () => {
      await button(userRow(NEW_USER.login), zh('common.edit')).click();
      const dialog = page.getByRole('dialog', { name: `${zh('users.edit')} · ${NEW_USER.login}` });
      await visible(dialog);
      await dialog.getByLabel(zh('users.displayName')).fill('李四（销售）');
      // Finance off, department head on.
      await pickOptions(page, 'roles', [zh('roles.finance'), zh('roles.dept_head')]);
      await button(dialog, zh('common.save')).click();
      await gone(dialog);
      const row = userRow(NEW_USER.login);
      await expect.poll(() => row.innerText(), { timeout: UI_TIMEOUT }).toContain('李四（销售）');
      const text = await row.innerText();
      expect(text).toContain(zh('roles.dept_head'));
      expect(text).not.toContain(zh('roles.finance'));
    });

    it('resets the password: the user must change it before anything else', async () => {
      await button(userRow(NEW_USER.login), zh('users.resetPassword')).click();
      const dialog = page.getByRole('dialog', {
        name: zh('users.resetPasswordTitle', { name: '李四（销售）' }),
      });
      await visible(dialog);
      await dialog.getByLabel(zh('users.password')).fill('short');
      await button(dialog, zh('users.resetPassword')).click();
      await expectFieldError(page, 'password', zh('validation.passwordLength'));
      await dialog.getByLabel(zh('users.password')).fill(RESET_PASSWORD);
      await button(dialog, zh('users.resetPassword')).click();
      await gone(dialog);
      await visible(page.getByText(zh('users.resetPasswordDone')));
      expect(
        count(j.srv, 'select must_change_password from users where login = ?', NEW_USER.login),
      ).toBe(1);

      // The user, at another machine.
      const user = await j.open();
      await expectLoginScreen(user);
      await signIn(user, NEW_USER.login, NEW_USER.password, { expectHome: false });
      await visible(user.getByTestId('login-error'));
      await signIn(user, NEW_USER.login, RESET_PASSWORD, { expectHome: false });
      await visible(user.getByRole('heading', { name: zh('nav.changePassword') }));
      await visible(user.getByText(zh('account.mustChange')));
      expect(await user.getByTestId('sidebar').count()).toBe(0);

      // Nothing else works until then: not the pages, not the API.
      await user.goto(`${j.url}/#/`);
      await visible(user.getByText(zh('account.mustChange')));
      expect(await user.getByTestId('sidebar').count()).toBe(0);
      const blocked = await pageApi(user, 'departments.list', {});
      expect(blocked.status).toBe(403);
      expect(blocked.body.ok ? null : blocked.body.error.key).toBe('errors.mustChangePassword');

      await user.getByLabel(zh('account.currentPassword'), { exact: true }).fill(RESET_PASSWORD);
      await user.getByLabel(zh('account.newPassword'), { exact: true }).fill(RESET_PASSWORD);
      await user.getByLabel(zh('account.confirmPassword'), { exact: true }).fill(RESET_PASSWORD);
      await button(user, zh('nav.changePassword')).click();
      await expectFieldError(user, 'newPassword', zh('validation.passwordSame'));

      await user.getByLabel(zh('account.newPassword'), { exact: true }).fill(OWN_PASSWORD);
      await user.getByLabel(zh('account.confirmPassword'), { exact: true }).fill(OWN_PASSWORD);
      await button(user, zh('nav.changePassword')).click();
      await expectHome(user, '李四（销售）');
      const items = await sidebarItems(user);
      expect(items[0]).toBe(zh('nav.home'));
      expect(items).not.toContain(zh('nav.users'));
      expect(
        count(j.srv, 'select must_change_password from users where login = ?', NEW_USER.login),
      ).toBe(0);
      expect((await pageApi(user, 'departments.list', {})).status).toBe(200);
    });

    it('a department with members cannot be deleted', async () => {
      await navigate(page, 'nav.departments');
      const row = departmentRow('销售部');
      await visible(row);
      await expect
        .poll(() => row.getByRole('cell').nth(2).innerText(), { timeout: UI_TIMEOUT })
        .toBe('1');
      await button(row, zh('common.delete')).click();
      const confirm = page.getByRole('dialog').filter({
        hasText: zh('departments.deleteConfirm', { name: '销售部' }),
      });
      await button(confirm, zh('common.delete')).click();
      await visible(page.getByText(zh('errors.departmentHasMembers', { count: 1 })));
      expect(count(j.srv, "select count(*) from departments where name = '销售部'")).toBe(1);
      await visible(row);
    });
  });

  describe('audit log', () => {
    const rows = () => page.locator('.ant-table-tbody .ant-table-row');

    it('lists the operations with the names of who did them', async () => {
      await navigate(page, 'nav.audit');
      await visible(page.getByRole('heading', { name: zh('audit.title') }));
      await visible(rows());
      const expectations: [string, string][] = [
        ['ops.departments.create', ADMIN.displayName],
        ['ops.departments.delete', ADMIN.displayName],
        ['ops.users.create', ADMIN.displayName],
        ['ops.users.update', ADMIN.displayName],
        ['ops.users.resetPassword', ADMIN.displayName],
        ['ops.auth.changePassword', '李四（销售）'],
        ['ops.setup.createAdmin', ADMIN.displayName],
      ];
      for (const [op, actor] of expectations) {
        const row = rows().filter({ has: page.getByRole('cell', { name: zh(op), exact: true }) });
        await visible(row);
        expect(await row.first().innerText(), op).toContain(actor);
      }
    });

    it('filters by operation', async () => {
      const total = count(j.srv, 'select count(*) from audit_log');
      await chooseWithKeyboard(
        page.getByRole('combobox', { name: zh('audit.filterOperation') }),
        zh('ops.departments.create'),
      );
      await expect.poll(() => rows().count(), { timeout: UI_TIMEOUT }).toBe(2);
      for (const text of await rows().allInnerTexts()) {
        expect(text).toContain(zh('ops.departments.create'));
      }
      await visible(page.getByText(zh('common.total', { total: 2 })));
      expect(total).toBeGreaterThan(2);
    });

    it('filters by text', async () => {
      // Clear the operation filter, then search.
      await page
        .locator('.ant-select', {
          has: page.getByRole('combobox', { name: zh('audit.filterOperation') }),
        })
        .hover();
      await page.locator('.ant-select-clear').first().click();
      await expect.poll(() => rows().count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(2);
      const search = page.getByRole('searchbox', { name: zh('audit.filterText') });
      await search.fill('临时部');
      await search.press('Enter');
      await expect.poll(() => rows().count(), { timeout: UI_TIMEOUT }).toBe(2);
      const texts = await rows().allInnerTexts();
      expect(texts.every((t) => t.includes('临时部'))).toBe(true);
      expect(texts.some((t) => t.includes(zh('ops.departments.delete')))).toBe(true);
    });
  });

  describe('settings', () => {
    it('rejects 0 idle minutes with a field message and saves nothing', async () => {
      await navigate(page, 'nav.settings');
      const minutes = page.getByLabel(zh('settings.idleLockMinutes'));
      await visible(minutes);
      await minutes.fill('0');
      await button(page, zh('common.save')).click();
      await expectFieldError(page, 'idleLockMinutes', zh('validation.idleRange'));
      expect(count(j.srv, "select count(*) from settings where key = 'idleLockMinutes'")).toBe(0);

      // The main process says the same when the form is bypassed.
      const r = await pageApi(page, 'settings.update', {
        companyName: ADMIN.companyName,
        timeZone: 'Asia/Shanghai',
        idleLockMinutes: 0,
      });
      expect(r.status).toBe(400);
      expect(r.body.ok ? null : r.body.error.fieldErrors?.idleLockMinutes?.key).toBe(
        'validation.idleRange',
      );
    });
  });

  describe('accessibility (axe)', () => {
    it('finds nothing serious or critical on the login, home and users pages', async () => {
      const anon = await j.open();
      await expectLoginScreen(anon);
      await expectAccessible(anon, 'login');

      await navigate(page, 'nav.home');
      await expectHome(page, ADMIN.displayName);
      await expectAccessible(page, 'home');

      await navigate(page, 'nav.users');
      await visible(userRow(NEW_USER.login));
      await expectAccessible(page, 'users');
    });
  });
});
