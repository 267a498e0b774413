import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleExe, samplePdf, samplePng } from '../main/domains/attachments/test-files';
import type { Language } from '../shared/i18n/translate';
import { expectAccessible } from './support/axe';
import {
  button,
  count,
  gone,
  pageApi,
  screenshotFailures,
  startJourney,
  tr,
  UI_TIMEOUT,
  visible,
  zh,
  type Journey,
} from './support/journey';
import {
  addDays,
  go,
  openAs,
  openTab,
  requestBody,
  seedCompany,
  submitApi,
  today,
  type Company,
} from './support/requests';

/**
 * Issue 9, item 5: attachments on a request (邀请函, 名片, 行程单, photos). The host uploads an
 * image and a PDF on the dossier, sees the image's thumbnail, downloads the same bytes back and
 * removes a file; a Windows program renamed invite.pdf is refused with the reason on screen, by
 * the page and by main alike. The approver sees the files and may only download them.
 */
describe('attachments on a request', () => {
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

  it('upload, show, download and remove; a renamed .exe is refused', async () => {
    const d = await submitApi(
      j.url,
      c.people.host,
      requestBody(c.departments.sales, {
        orgName: '宁德时代新能源',
        arrivalDate: addDays(today(), 6),
      }),
    );
    const page = await openAs(j, c.people.host);
    await go(page, `/requests/${d.id}`);
    await openTab(page, 'attachments.title');
    const panel = page.getByTestId('attachments');
    await visible(panel.getByText(zh('attachments.empty')));
    const input = panel.locator('input[type="file"]');

    // An image: a real 640 × 480 PNG; its thumbnail comes back 240 px wide.
    const png = samplePng(640, 480);
    await input.setInputFiles({ name: '名片 张总.png', mimeType: 'image/png', buffer: png });
    const thumb = panel.getByRole('img', { name: '名片 张总.png' });
    await visible(thumb);
    await expect
      .poll(() => thumb.evaluate((el) => (el as HTMLImageElement).naturalWidth), {
        timeout: UI_TIMEOUT,
      })
      .toBe(240);
    await visible(panel.getByText('640 × 480'));

    // A PDF: listed with the PDF icon.
    const pdf = samplePdf('邀请函');
    await input.setInputFiles({ name: '邀请函.pdf', mimeType: 'application/pdf', buffer: pdf });
    await visible(panel.getByRole('img', { name: zh('attachments.pdf') }));
    await visible(panel.getByText(zh('attachments.count', { count: 2, max: 20 })));

    // A program renamed invite.pdf: refused, the reason on screen, nothing stored.
    await input.setInputFiles({
      name: 'invite.pdf',
      mimeType: 'application/pdf',
      buffer: sampleExe(),
    });
    const problem = panel.getByTestId('attachment-problem');
    await visible(problem);
    // Named, so that of several files dropped at once the clerk knows which one.
    expect(await problem.innerText()).toContain(
      zh('attachments.fileProblem', {
        name: 'invite.pdf',
        problem: zh('attachments.errors.badType'),
      }),
    );
    // And main refuses it too when the page's own check is bypassed.
    const direct = await pageApi(page, 'attachments.upload', {
      ownerType: 'request',
      ownerId: d.id,
      fileName: 'invite.pdf',
      dataBase64: sampleExe().toString('base64'),
    });
    expect(direct.status).toBe(400);
    expect(direct.body).toMatchObject({
      ok: false,
      error: { key: 'attachments.errors.badType', message: zh('attachments.errors.badType') },
    });
    expect(count(j.srv, 'SELECT count(*) FROM attachments')).toBe(2);

    // Download: the very bytes uploaded, under the display name.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      button(panel, zh('attachments.downloadNamed', { name: '名片 张总.png' })).click(),
    ]);
    expect(download.suggestedFilename()).toBe('名片 张总.png');
    expect(fs.readFileSync(await download.path()).equals(png)).toBe(true);

    // Both languages: the section as a person sees it, and axe finds nothing serious.
    await shoot('zh-CN');
    await page.getByRole('banner').getByText('EN', { exact: true }).click();
    await visible(panel.getByText(tr('en', 'attachments.count', { count: 2, max: 20 })));
    await visible(button(panel, tr('en', 'attachments.downloadNamed', { name: '邀请函.pdf' })));
    await shoot('en');
    await page.getByRole('banner').getByText('中文', { exact: true }).click();
    await visible(panel.getByText(zh('attachments.drop')));

    // Remove the PDF, after confirming.
    await button(panel, zh('attachments.removeNamed', { name: '邀请函.pdf' })).click();
    const dialog = page.getByRole('dialog', {
      name: zh('attachments.removeTitle', { name: '邀请函.pdf' }),
    });
    await visible(dialog);
    await button(dialog, zh('attachments.remove')).click();
    await gone(panel.getByRole('img', { name: zh('attachments.pdf') }));
    expect(count(j.srv, 'SELECT count(*) FROM attachments WHERE removed_at_ms IS NOT NULL')).toBe(
      1,
    );
    expect(
      count(j.srv, "SELECT count(*) FROM audit_log WHERE operation LIKE 'attachments.%'"),
    ).toBe(3);

    // The approver reads the files: he may download, not add or remove.
    const head = await openAs(j, c.people.head);
    await go(head, `/requests/${d.id}`);
    await openTab(head, 'attachments.title');
    const seen = head.getByTestId('attachments');
    await visible(seen.getByRole('img', { name: '名片 张总.png' }));
    await visible(button(seen, zh('attachments.downloadNamed', { name: '名片 张总.png' })));
    expect(await seen.locator('input[type="file"]').count()).toBe(0);
    expect(await seen.getByRole('button', { name: /移除/ }).count()).toBe(0);

    async function shoot(language: Language) {
      const section = page.locator('.rv-tabs-card');
      await section.screenshot({ path: `/tmp/attach-${language}.png` });
      await expectAccessible(page, `dossier attachments (${language})`);
    }
  });
});
