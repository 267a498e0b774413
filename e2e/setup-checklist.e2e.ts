import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../shared/i18n/translate';
import { HEADER, twentyPeople, xlsxBase64 } from '../main/domains/setup/test-sheets';
import { expectAccessible } from './support/axe';
import {
  ADMIN,
  api,
  button,
  count,
  expectHome,
  gone,
  navigate,
  ok,
  screenshotFailures,
  setupAdminApi,
  signInApi,
  startJourney,
  tr,
  visible,
  zh,
  type Journey,
  settled,
} from './support/journey';
import {
  addDays,
  approveIn,
  expectStatus,
  fillBasic,
  inboxRow,
  requestRow,
  submitForm,
  tickMeal,
  today,
  typeVisitor,
} from './support/requests';

/**
 * Issue 9 (1): a fresh company follows 开始使用 from empty to its first filed request — settings,
 * a 20-person sheet imported (departments and heads with it), the standard reviewed — then a host
 * files a request, his head approves it and the admin office files it.
 */
describe('setup checklist: from an empty company to the first filed request', () => {
  let j: Journey;
  let admin: string;
  let page: Page;
  /** The passwords the import made up, by login, as the dialog showed them. */
  const made = new Map<string, string>();

  beforeAll(async () => {
    j = await startJourney();
    admin = await setupAdminApi(j.url);
    page = await j.open({ cookie: admin });
    await expectHome(page, ADMIN.displayName);
  });
  afterAll(async () => {
    await j?.close();
  });
  screenshotFailures(() => j);

  /** Checks the settled page with axe. */
  const accessible = async (p: Page, where: string) => {
    await settled(p);
    await expectAccessible(p, where);
  };

  const checklist = (p: Page) => p.getByTestId('setup-checklist');
  const line = (p: Page, key: string) => p.getByTestId(`setup-line-${key}`);

  /** The admin's pages in English: his language is his account's, set through the API. */
  async function inEnglish<T>(run: (p: Page) => Promise<T>): Promise<T> {
    ok(await api(j.url, 'auth.setLanguage', { language: 'en' }, admin));
    try {
      const p = await j.open({ cookie: admin, language: 'en' });
      await expectHome(p, ADMIN.displayName, 'en');
      return await run(p);
    } finally {
      ok(await api(j.url, 'auth.setLanguage', { language: 'zh-CN' }, admin));
    }
  }

  async function openImport(p: Page, language: Language) {
    await navigate(p, 'nav.users', language);
    await button(p, tr(language, 'setup.import.open')).click();
    const dialog = p.getByRole('dialog', { name: tr(language, 'setup.import.title') });
    await visible(dialog);
    return dialog;
  }

  async function pickSheet(p: Page, name: string, data: string) {
    await p.getByTestId('import-file').setInputFiles({
      name,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(data, 'base64'),
    });
  }

  it('shows what a new company lacks, each line with a way to fix it', async () => {
    await visible(checklist(page));
    expect(await line(page, 'company').innerText()).toContain(
      zh('setup.missing.timeZone', { value: 'Asia/Shanghai' }),
    );
    expect(await line(page, 'departments').innerText()).toContain(
      zh('setup.missing.noDepartments'),
    );
    expect(await line(page, 'roles').innerText()).toContain(
      zh('setup.missing.host', { role: zh('roles.host') }),
    );
    expect(await line(page, 'policy').innerText()).toContain(zh('setup.missing.policy'));
    await accessible(page, 'home with the setup checklist (zh-CN)');
    await settled(page);
    await page.screenshot({ path: '/tmp/setup-home-zh.png', fullPage: true });

    await inEnglish(async (p) => {
      await visible(checklist(p));
      expect(await line(p, 'departments').innerText()).toContain(
        tr('en', 'setup.missing.noDepartments'),
      );
      await accessible(p, 'home with the setup checklist (en)');
      await settled(p);
      await p.screenshot({ path: '/tmp/setup-home-en.png', fullPage: true });
    });
  });

  it('the company line: its 去处理 opens the settings, one save confirms the time zone', async () => {
    await line(page, 'company').getByRole('button').click();
    await visible(page.getByRole('heading', { name: zh('settings.title') }));
    await button(page, zh('common.save')).click();
    await visible(page.getByText(zh('common.saved')));
    await navigate(page, 'nav.home');
    await visible(line(page, 'company').getByText(zh('setup.checklist.done')));
  });

  it('a sheet with mistakes: each row says what is wrong, nothing is imported', async () => {
    const bad = await xlsxBase64([
      HEADER,
      ['wang.wu', '王五', '销售部', '接待负责人', null, null],
      ['admin', '重名', null, null, null, null],
      ['zhao liu', '赵六', null, '老板', null, null],
      ['qian.qi', '钱七', null, null, '也许', 'short'],
    ]);
    const dialog = await openImport(page, 'zh-CN');
    await accessible(page, 'import dialog (zh-CN)');
    // The template comes as a download, named in the reader's language.
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      button(dialog, zh('setup.import.template')).click(),
    ]);
    expect(template.suggestedFilename()).toBe(zh('setup.sheet.fileName'));
    await pickSheet(page, '员工-有错误.xlsx', bad);
    const counts = dialog.getByTestId('import-counts');
    await visible(counts);
    expect(await counts.innerText()).toContain(
      zh('setup.import.counts', { users: 4, departments: 1, heads: 0, errors: 3 }),
    );
    const errors = await dialog.getByTestId('row-errors').allInnerTexts();
    expect(errors).toHaveLength(3);
    expect(errors[0]).toContain(zh('validation.loginTaken'));
    expect(errors[1]).toContain(zh('validation.loginNameChars'));
    expect(errors[1]).toContain(zh('setup.rowErrors.unknownRole', { value: '老板' }));
    expect(errors[2]).toContain(zh('validation.passwordLength'));
    const confirm = button(dialog, zh('setup.import.confirm', { count: 4 }));
    expect(await confirm.isDisabled()).toBe(true);
    await accessible(page, 'import preview with errors (zh-CN)');
    await settled(page);
    await page.screenshot({ path: '/tmp/setup-import-errors-zh.png' });
    expect(count(j.srv, 'select count(*) from users')).toBe(1);
    expect(count(j.srv, 'select count(*) from departments')).toBe(0);
    await button(dialog, zh('common.cancel')).click();
    await gone(dialog);

    await inEnglish(async (p) => {
      const d = await openImport(p, 'en');
      await accessible(p, 'import dialog (en)');
      await pickSheet(p, 'staff-with-errors.xlsx', bad);
      await visible(d.getByTestId('import-counts'));
      expect(await d.getByTestId('row-errors').first().innerText()).toContain(
        tr('en', 'validation.loginTaken'),
      );
      await accessible(p, 'import preview with errors (en)');
      await settled(p);
      await p.screenshot({ path: '/tmp/setup-import-errors-en.png' });
    });
  });

  it('imports a 20-person sheet: departments, heads and roles; made-up passwords shown once', async () => {
    const dialog = await openImport(page, 'zh-CN');
    await pickSheet(page, '员工.xlsx', await xlsxBase64(twentyPeople()));
    const counts = dialog.getByTestId('import-counts');
    await visible(counts);
    expect(await counts.innerText()).toContain(
      zh('setup.import.counts', { users: 20, departments: 4, heads: 4, errors: 0 }),
    );
    await settled(page);
    await page.screenshot({ path: '/tmp/setup-import-preview-zh.png' });
    const started = Date.now();
    await button(dialog, zh('setup.import.confirm', { count: 20 })).click();
    const done = page.getByTestId('import-done');
    await visible(done);
    console.info(`import of 20 users, click to result: ${Date.now() - started} ms`);
    expect(await done.innerText()).toContain(
      zh('setup.import.done', { users: 20, departments: 4 }),
    );
    await settled(page);
    await page.screenshot({ path: '/tmp/setup-import-done-zh.png' });
    for (const [login, password] of await passwordsShown(page.getByTestId('import-passwords'))) {
      made.set(login, password);
    }
    // Every row but the one whose sheet gave a password.
    expect(made.size).toBe(19);
    expect(made.has('liu.xz')).toBe(false);
    const [sheet] = await Promise.all([
      page.waitForEvent('download'),
      button(page.getByRole('dialog'), zh('setup.import.downloadPasswords')).click(),
    ]);
    expect(sheet.suggestedFilename()).toBe(zh('setup.sheet.passwordsFileName'));
    await page
      .getByRole('dialog')
      .getByRole('button', { name: zh('setup.import.close') })
      .last()
      .click();

    expect(count(j.srv, 'select count(*) from users')).toBe(21);
    expect(count(j.srv, 'select count(*) from departments where head_user_id is not null')).toBe(4);
    expect(count(j.srv, 'select count(*) from users where must_change_password = 1')).toBe(20);
    await navigate(page, 'nav.home');
    await visible(line(page, 'departments').getByText(zh('setup.checklist.done')));
    await visible(line(page, 'roles').getByText(zh('setup.checklist.done')));
  });

  it('the standard reviewed as it is: the checklist is complete and goes away', async () => {
    await line(page, 'policy').getByRole('button').click();
    const note = page.getByTestId('policy-review');
    await visible(note);
    await button(note, zh('setup.review.confirm')).click();
    await visible(page.getByText(zh('setup.review.done')));
    await gone(note);
    await navigate(page, 'nav.home');
    await expectHome(page, ADMIN.displayName);
    // Its read has answered (done): nothing left to show.
    await expect
      .poll(() => count(j.srv, "select count(*) from settings where key like 'setup.%'"))
      .toBe(2);
    await gone(checklist(page));
  });

  it('an imported host files a request; his head approves it; the admin office files it', async () => {
    const host = await firstSignIn('host01', made.get('host01')!);
    await button(host, zh('home.newRequest')).click();
    await visible(host.getByRole('heading', { name: zh('requestForm.titleNew') }));
    const arrival = addDays(today(), 4);
    await fillBasic(host, {
      orgName: '华东电力设计院',
      category: 'client',
      purpose: '配电自动化项目技术交流',
      arrival,
      departure: addDays(arrival, 1),
    });
    await typeVisitor(host, { name: '王强', title: '院长', phone: '13800138000' });
    await tickMeal(host, arrival, 'lunch');
    const id = await submitForm(host);
    await expectStatus(host, 'approving');
    const code = await host.getByTestId('dossier-code').innerText();

    // 销售部's head, as the sheet named him.
    const head = await firstSignIn('li.bu', made.get('li.bu')!);
    await navigate(head, 'nav.approvals');
    const headRow = inboxRow(head, code);
    await visible(headRow);
    await approveIn(headRow, head);
    await headRow.waitFor({ state: 'detached' });
    expect(requestRow(j.srv, id)?.status).toBe('approved');

    // The admin office, with the password the sheet gave.
    const office = await firstSignIn('liu.xz', 'office-pass-2026');
    await navigate(office, 'nav.approvals');
    const officeRow = inboxRow(office, code);
    await visible(officeRow);
    await approveIn(officeRow, office, 'zh-CN', 'file');
    await officeRow.waitFor({ state: 'detached' });
    expect(requestRow(j.srv, id)?.status).toBe('filed');
    await expectStatus(host, 'filed');
  });

  /** The logins and passwords of the dialog's table of made-up passwords. */
  async function passwordsShown(table: Locator): Promise<[string, string][]> {
    await visible(table);
    return table.locator('tbody tr.ant-table-row').evaluateAll((rows) =>
      rows.map((r) => {
        const cells = [...r.querySelectorAll('td')].map((c) => c.textContent?.trim() ?? '');
        return [cells[0] ?? '', cells[2] ?? ''] as [string, string];
      }),
    );
  }

  /**
   * An imported person's first sign-in: with the password he was handed, then the new one he must
   * choose; a browser of his, on the home page.
   */
  async function firstSignIn(login: string, password: string): Promise<Page> {
    expect(password, `a password for ${login}`).toBeTruthy();
    const cookie = await signInApi(j.url, login, password);
    ok(
      await api(
        j.url,
        'auth.changePassword',
        { currentPassword: password, newPassword: `${login}-own-pass-1` },
        cookie,
      ),
    );
    const p = await j.open({ cookie });
    await visible(p.getByTestId('sidebar'));
    return p;
  }
});
