import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Language } from '../shared/i18n/translate';
import { createApp } from '../main/app';
import { startServer } from '../main/server/http';
import { makeBackup } from '../main/domains/backups';
import { corruptDatabaseFile } from '../main/domains/backups/test-backups';
import { RENDERER_DIR } from './support/server';
import {
  ADMIN,
  api,
  button,
  count,
  navigate,
  openAsAdmin,
  screenshotFailures,
  setupAdminApi,
  signInApi,
  shotPath,
  signIn,
  startJourney,
  tr,
  visible,
  zh,
  VIEWPORT,
  FIRST_SCREEN_TIMEOUT,
  type Journey,
} from './support/journey';
import { expectAccessible } from './support/axe';

/**
 * Backups and recovery (issue 13): the sysadmin backs up, changes something, restores and sees the
 * earlier state; a damaged database opens the recovery screen, which restores the newest good
 * backup.
 */
describe('backups and recovery', () => {
  let j: Journey;
  let cookie: string;

  beforeAll(async () => {
    j = await startJourney();
    cookie = await setupAdminApi(j.url);
  });
  afterAll(async () => {
    await j?.close();
  });
  screenshotFailures(() => j);

  const departments = () => count(j.srv, 'select count(*) from departments');

  it('the sysadmin backs up, changes something, restores, and sees the earlier state', async () => {
    const page = await openAsAdmin(j);
    await navigate(page, 'backups.nav');
    await visible(page.getByRole('heading', { name: zh('backups.title') }));
    await visible(page.getByText(zh('backups.empty')));
    await button(page, zh('backups.backupNow')).click();
    const manual = page.getByRole('row').filter({ hasText: zh('backups.kind.manual') });
    await visible(manual);

    // Something changes after the backup.
    const made = await api(
      j.url,
      'departments.create',
      { name: '备份后部门', headUserId: null },
      cookie,
    );
    expect(made.status).toBe(200);
    expect(departments()).toBe(1);

    await page.screenshot({ path: shotPath('zh-CN', 'backups-list'), fullPage: true });
    await expectAccessible(page, 'backups list (zh-CN)');

    await manual.getByRole('button', { name: new RegExp(zh('backups.restore')) }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: zh('backups.confirm.title') });
    await visible(dialog);
    await page.screenshot({ path: shotPath('zh-CN', 'backups-restore-confirm') });
    await button(dialog, zh('backups.confirm.ok')).click();
    const done = page
      .getByRole('dialog')
      .filter({ has: page.getByRole('button', { name: zh('backups.recovery.reload') }) });
    await visible(done);
    expect(departments()).toBe(0);
    await button(done, zh('backups.recovery.reload')).click();

    // The reloaded app shows the restored database; the replaced one is listed, set aside.
    await visible(page.getByRole('heading', { name: zh('backups.title') }), FIRST_SCREEN_TIMEOUT);
    await visible(page.getByRole('row').filter({ hasText: zh('backups.kind.replaced') }));
    expect(count(j.srv, "select count(*) from audit_log where operation = 'backups.restore'")).toBe(
      1,
    );

    // The restore ended every other sign-in the restored file held (the API's among them): a
    // sign-out made after the backup must not be undone by it.
    const ended = await api(j.url, 'auth.setLanguage', { language: 'en' }, cookie);
    expect(ended.status).toBe(401);
    cookie = await signInApi(j.url, ADMIN.login, ADMIN.password);

    // The same screen in English (the language is the user's own, stored with him).
    const english = await api(j.url, 'auth.setLanguage', { language: 'en' }, cookie);
    expect(english.status).toBe(200);
    const enPage = await j.open({ language: 'en' });
    await signIn(enPage, ADMIN.login, ADMIN.password, { language: 'en' });
    await navigate(enPage, 'backups.nav', 'en');
    await visible(enPage.getByRole('heading', { name: tr('en', 'backups.title') }));
    await visible(enPage.getByRole('row').filter({ hasText: tr('en', 'backups.kind.replaced') }));
    await enPage.screenshot({ path: shotPath('en', 'backups-list'), fullPage: true });
    await expectAccessible(enPage, 'backups list (en)');
  });

  it('a damaged database opens the recovery screen, which restores the newest good backup', async () => {
    // A database of its own, with a backup, then damaged while the app is closed.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-e2e-recovery-'));
    const file = path.join(dir, 'reception.db');
    fs.copyFileSync(j.saveDatabase(), file);
    const before = createApp(file);
    await makeBackup(before, 'daily', Date.now());
    await before.close();
    corruptDatabaseFile(file);

    const app = createApp(file);
    const server = await startServer(app, { port: 0, staticDir: RENDERER_DIR });
    try {
      expect(app.host.damaged).not.toBeNull();
      const open = async (language: Language): Promise<Page> => {
        const context = await j.browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
        await context.addInitScript((lang) => localStorage.setItem('rm.language', lang), language);
        const page = await context.newPage();
        j.pages.push(page);
        await page.goto(server.url);
        return page;
      };
      for (const language of ['en', 'zh-CN'] as const) {
        const page = await open(language);
        await visible(
          page.getByRole('heading', { name: tr(language, 'backups.recovery.title') }),
          FIRST_SCREEN_TIMEOUT,
        );
        await visible(page.getByText(tr(language, 'backups.kind.daily'), { exact: false }));
        await page.screenshot({ path: shotPath(language, 'backups-recovery') });
        await expectAccessible(page, `recovery screen (${language})`);
        if (language === 'zh-CN') {
          await button(page, zh('backups.recovery.restore')).click();
          await visible(page.getByLabel(zh('login.login'), { exact: true }), FIRST_SCREEN_TIMEOUT);
        }
        await page.context().close();
      }
      expect(app.host.damaged).toBeNull();
      expect(app.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
      expect(
        fs.readdirSync(path.join(dir, 'reception.backups')).some((f) => f.includes('.damaged.')),
      ).toBe(true);
    } finally {
      await server.close();
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
