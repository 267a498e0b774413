import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../shared/i18n/translate';
import { expectAccessible } from './support/axe';
import {
  api,
  createUserApi,
  gone,
  ok,
  screenshotFailures,
  signInApi,
  shotPath,
  startJourney,
  tr,
  visible,
  type Journey,
} from './support/journey';
import {
  addDays,
  go,
  listLinks,
  openAs,
  PASSWORD,
  requestBody,
  seedCompany,
  submitApi,
  today,
  type Company,
} from './support/requests';

/**
 * Issue 12, item 5: every list exports what it shows. The host opens his requests, exports them
 * as XLSX and as CSV from the 导出 menu, watches the progress and gets the files: read back (exceljs,
 * a CSV parser) they hold his requests and nobody else's, an organisation named like a formula
 * stays a text, the header is frozen and the budget is money.
 */
describe('export from the requests list', () => {
  let j: Journey;
  let c: Company;
  const codes: string[] = [];

  beforeAll(async () => {
    j = await startJourney();
    c = await seedCompany(j.url);
    for (const orgName of ['=HYPERLINK("x") 科技', '宁德时代新能源']) {
      const d = await submitApi(
        j.url,
        c.people.host,
        requestBody(c.departments.sales, { orgName, arrivalDate: addDays(today(), 6) }),
      );
      codes.push(d.code);
    }
    // Someone else's request: never in the host's file.
    const other = await createUserApi(j.url, c.adminCookie, {
      login: 'wang.qiang',
      displayName: '王强',
      roles: ['host'],
      password: PASSWORD,
      departmentId: c.departments.sales,
    });
    const cookie = await signInApi(j.url, other.login, PASSWORD);
    await submitApi(
      j.url,
      { id: other.id, login: other.login, displayName: other.displayName, cookie },
      requestBody(c.departments.sales, { orgName: '比亚迪', arrivalDate: addDays(today(), 7) }),
    );
  });
  afterAll(async () => {
    await j?.close();
  });
  screenshotFailures(() => j);

  async function exportAs(page: Page, language: Language, format: 'xlsx' | 'csv', file: string) {
    await page.getByTestId('export-button').click();
    const item = page.getByRole('menuitem', { name: tr(language, `exports.format.${format}`) });
    await visible(item);
    const [download] = await Promise.all([page.waitForEvent('download'), item.click()]);
    await visible(page.getByText(tr(language, 'exports.progress.saved', { fileName: file })));
    return download;
  }

  it.each(['zh-CN', 'en'] as const)('XLSX and CSV of "my requests" (%s)', async (language) => {
    // The files' headers and names are in the exporting user's language (main writes them).
    ok(await api(j.url, 'auth.setLanguage', { language }, c.people.host.cookie));
    const page = await openAs(j, c.people.host, language);
    await go(page, '/requests/mine');
    await expect
      .poll(async () => (await listLinks(page).allTextContents()).sort())
      .toEqual([...codes].sort());

    // The menu, looked at.
    await page.getByTestId('export-button').click();
    await visible(page.getByRole('menuitem', { name: tr(language, 'exports.format.xlsx') }));
    await page.screenshot({ path: shotPath(language, 'exports-menu') });
    await expectAccessible(page, `export menu (${language})`);
    await page.keyboard.press('Escape');

    const name = tr(language, 'exports.file.requests', { day: today() });
    const xlsx = await exportAs(page, language, 'xlsx', `${name}.xlsx`);
    expect(xlsx.suggestedFilename()).toBe(`${name}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await xlsx.path());
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe(tr(language, 'exports.sheet.requests'));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).getCell(1).value).toBe(tr(language, 'exports.header.requestCode'));
    const rows: { code: unknown; org: unknown; budget: ExcelJS.Cell }[] = [];
    ws.eachRow((row, n) => {
      if (n > 1)
        rows.push({
          code: row.getCell(1).value,
          org: row.getCell(2).value,
          budget: row.getCell(10),
        });
    });
    expect(rows.map((r) => r.code).sort()).toEqual([...codes].sort());
    const hostile = rows.find((r) => String(r.org).startsWith('=HYPERLINK'));
    expect(hostile?.org).toBe('=HYPERLINK("x") 科技');
    for (const sheet of wb.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        }),
      );
    }
    expect(rows[0]?.budget.numFmt).toBe('#,##0.00');
    expect(typeof rows[0]?.budget.value).toBe('number');

    const csv = await exportAs(page, language, 'csv', `${name}.csv`);
    expect(csv.suggestedFilename()).toBe(`${name}.csv`);
    const bytes = fs.readFileSync(await csv.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes, { bom: true }) as string[][];
    expect(records[0]?.[0]).toBe(tr(language, 'exports.header.requestCode'));
    expect(
      records
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([...codes].sort());
    expect(records.slice(1).map((r) => r[1])).toContain(`'=HYPERLINK("x") 科技`);
    // The dialog closes by itself once the file is saved; the toast says which file.
    await gone(page.getByRole('dialog'));
    await page.screenshot({ path: shotPath(language, 'exports-done') });
  });
});
