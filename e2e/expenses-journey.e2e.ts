import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf, samplePng } from '../main/domains/attachments/test-files';
import { decision, visitor } from '../main/test-fixtures';
import type { Language } from '../shared/i18n/translate';
import { formatYuan } from '../shared/money';
import { expectAccessible } from './support/axe';
import {
  api,
  button,
  count,
  createUserApi,
  gone,
  ok,
  screenshotFailures,
  shotPath,
  signInApi,
  startJourney,
  tr,
  UI_TIMEOUT,
  visible,
  zh,
  type Journey,
  settled,
} from './support/journey';
import {
  approveIn,
  expectStatus,
  go,
  inboxRow,
  openAs,
  PASSWORD,
  popconfirm,
  requestBody,
  seedCompany,
  submitApi,
  today,
  type Company,
  type Person,
} from './support/requests';

const LANGUAGES: Language[] = ['zh-CN', 'en'];
const ORG = '华东精密仪器有限公司';

/**
 * The lines the host enters: a lunch over C's cap of 100.00 a head, and two vendors named like
 * spreadsheet formulas (ASCII and full-width). Two visitors arrive and one colleague accompanies
 * them: three people at every meal.
 */
const PEOPLE = 3;
const CAP_FEN = 10_000;
const LINES = [
  {
    vendor: '老房子餐厅',
    typed: '450',
    amountFen: 45_000,
    invoiceNo: '26312000000011111',
    receipt: { name: '老房子发票.png', mimeType: 'image/png', buffer: samplePng(320, 200) },
  },
  {
    vendor: '=HYPERLINK("x")',
    typed: '240',
    amountFen: 24_000,
    invoiceNo: '26312000000022222',
    receipt: { name: 'invoice-2.pdf', mimeType: 'application/pdf', buffer: samplePdf('Receipt') },
  },
  {
    vendor: '＝SUM(A1)',
    typed: '123.45',
    amountFen: 12_345,
    invoiceNo: '26312000000033333',
    receipt: { name: '小票3.png', mimeType: 'image/png', buffer: samplePng(200, 320) },
  },
].map((l) => {
  const perHeadFen = Math.round(l.amountFen / PEOPLE);
  const overCapFen = Math.max(0, l.amountFen - CAP_FEN * PEOPLE);
  return { ...l, perHeadFen, overCapFen };
});
const TOTAL_FEN = LINES.reduce((s, l) => s + l.amountFen, 0);
const OVER_FEN = LINES.reduce((s, l) => s + l.overCapFen, 0);
/** Paid from the advance: the company bears all but the part over the cap. */
const COMPANY_FEN = TOTAL_FEN - OVER_FEN;

/** A cell a spreadsheet would run as a formula: = + - @ (ASCII or full-width), tab, CR. */
const EXECUTABLE = /^[\t\r]|^\s*[=+\-@＝＋－＠]/u;

/**
 * Issue 12's journey, end to end in browser mode: a host's filed visit of today (through the API,
 * other journeys cover the form) with an advance issued; the front desk checks the two visitors
 * in and, at the end, out; the host enters three lines with their receipts on 费用报帐, submits
 * the reconciliation; the department head confirms it in his inbox and finance verifies it in
 * hers; the visit is settled and the advance cleared in words; finance exports the month from
 * 费用统计 as XLSX and CSV, read back here: the right rows and totals, and no formula anywhere.
 * Screens in zh-CN and en on the way, each checked by axe.
 */
describe('the post-visit money journey: arrivals → lines → reconciliation → settled → export', () => {
  let j: Journey;
  let c: Company;
  let finance: Person;
  let desk: Person;
  let requestId = 0;
  let code = '';
  let advanceFen = 0;
  const day = today();
  const month = day.slice(0, 7);

  /**
   * Each person's one browser, signed in and opened once in zh-CN; the language is then switched
   * with 中文 / EN in the header, as a person would (and a new browser costs seconds when busy).
   */
  const browsers = new Map<number, Page>();
  const browserOf = async (person: Person) => {
    const open = browsers.get(person.id);
    if (open && !open.isClosed()) return open;
    ok(await api(j.url, 'auth.setLanguage', { language: 'zh-CN' }, person.cookie));
    const page = await openAs(j, person, 'zh-CN');
    browsers.set(person.id, page);
    return page;
  };
  const switchTo = async (page: Page, language: Language) => {
    const item = page
      .getByRole('banner')
      .locator('.ant-segmented-item', { hasText: language === 'en' ? 'EN' : '中文' });
    await item.click();
    await expect
      .poll(() => item.getAttribute('class'), { timeout: UI_TIMEOUT })
      .toContain('ant-segmented-item-selected');
  };
  const shoot = async (page: Page, language: Language, name: string, axe = true) => {
    // A toast of the last write would cover the header: it goes by itself.
    await gone(page.locator('.ant-message-notice'), 15_000);
    await settled(page, { ignoreEndless: true });
    await page.screenshot({ path: shotPath(language, `journey-${name}`), fullPage: true });
    if (axe) await expectAccessible(page, `${name} (${language})`);
  };
  /** The visit's money page, loaded. */
  const moneyPage = async (page: Page, language: Language) => {
    await go(page, `/expenses/${requestId}`);
    await visible(page.getByRole('heading', { name: new RegExp(code) }));
    await visible(page.getByTestId('reconcile-panel'));
    await visible(page.getByText(tr(language, 'expensesEntry.lines.title')));
  };
  const reconcileStatus = (page: Page) => page.getByTestId('reconcile-status').innerText();
  const clearingWords = (language: Language) => {
    const money = (fen: number) => formatYuan(fen, language);
    const net = COMPANY_FEN - advanceFen;
    return net > 0
      ? tr(language, 'expensesReconcile.clearing.toReimburse', {
          advanceFen: money(advanceFen),
          companyPaysFen: money(COMPANY_FEN),
          toReimburseFen: money(net),
        })
      : tr(language, 'expensesReconcile.clearing.toReturn', {
          advanceFen: money(advanceFen),
          companyPaysFen: money(COMPANY_FEN),
          toReturnFen: money(-net),
        });
  };

  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => {
    await j?.close();
  });
  screenshotFailures(() => j);

  it('a filed visit of today with two visitors, and an advance issued (through the API)', async () => {
    c = await seedCompany(j.url);
    const staff = async (login: string, displayName: string, role: 'finance' | 'front_desk') => {
      const user = await createUserApi(j.url, c.adminCookie, {
        login,
        displayName,
        roles: [role],
        password: PASSWORD,
      });
      return { id: user.id, login, displayName, cookie: await signInApi(j.url, login, PASSWORD) };
    };
    finance = await staff('qian.kuaiji', '钱会计', 'finance');
    desk = await staff('wang.fang', '王芳', 'front_desk');

    // Filed after the fact: a visit of today is inside every notice period.
    const d = await submitApi(
      j.url,
      c.people.host,
      requestBody(c.departments.sales, {
        orgName: ORG,
        arrivalDate: day,
        departureDate: day,
        arrivalTime: '09:30',
        departureTime: '18:00',
        retroactive: true,
        retroactiveReason: '客户临时到访',
        visitors: [
          visitor('张三', { title: '采购总监', phone: '13912345678' }),
          visitor('李四', { title: '工程师' }),
        ],
      }),
    );
    requestId = d.id;
    code = d.code;
    for (let round = 0; round < 4; round++) {
      for (const p of [c.people.head, c.people.executive, c.people.office]) {
        const seen = ok(await api(j.url, 'requests.get', { id: requestId }, p.cookie));
        if (seen.myStep) ok(await api(j.url, 'approvals.decide', decision(seen.myStep), p.cookie));
      }
    }
    const filed = ok(await api(j.url, 'expenses.visit', { requestId }, c.people.host.cookie));
    expect(filed.request.status).toBe('filed');
    expect(filed.mealCapFen).toBe(CAP_FEN);
    expect(filed.companions).toBe(PEOPLE - 2);

    // An advance within the policy's share of the budget, in whole hundreds of yuan.
    advanceFen =
      Math.floor((filed.budget.budgetFen * filed.advanceShareBp) / 10_000 / 10_000) * 10_000;
    expect(advanceFen).toBeGreaterThan(0);
    ok(
      await api(
        j.url,
        'expenses.saveAdvance',
        { requestId, id: null, version: null, amountFen: advanceFen, purpose: '接待餐费' },
        c.people.host.cookie,
      ),
    );
    for (const who of [c.people.head, finance]) {
      const inbox = ok(await api(j.url, 'approvals.inbox', {}, who.cookie));
      const item = inbox.find((i) => i.money?.kind === 'advance' && i.request.id === requestId);
      if (!item) throw new Error(`no advance in ${who.login}'s inbox`);
      ok(await api(j.url, 'approvals.decide', decision(item.step), who.cookie));
    }
    const approved = ok(await api(j.url, 'expenses.visit', { requestId }, finance.cookie));
    const advance = approved.advances[0];
    expect(advance?.status).toBe('approved');
    ok(
      await api(
        j.url,
        'expenses.issueAdvance',
        { id: advance!.id, version: advance!.version, issuedOn: day, method: 'cash' },
        finance.cookie,
      ),
    );
  });

  it('the front desk checks both visitors in, and out when they leave (UI)', async () => {
    const page = await browserOf(desk);
    await go(page, '/frontdesk');
    const board = page.getByTestId('board-visit');
    await visible(board.getByText(code));
    expect(await page.getByTestId('board-guest').count()).toBe(2);

    // Who came, by their pinyin initials; Enter opens the visit's check-in with both ticked.
    const search = page.getByTestId('board-search');
    await search.fill('zs ls');
    await search.press('Enter');
    const dialog = page.getByRole('dialog');
    await visible(dialog.getByTestId('check-in-form'));
    await expect
      .poll(() =>
        dialog
          .getByTestId('check-in-row')
          .evaluateAll((rows) =>
            rows.map(
              (r) => (r.querySelector('input[type="checkbox"]') as HTMLInputElement).checked,
            ),
          ),
      )
      .toEqual([true, true]);
    await dialog.getByTestId('check-in-confirm').click();
    await visible(dialog.getByText(zh('frontdeskDesk.checkIn.done', { count: 2 })));
    await page.keyboard.press('Escape');
    await gone(dialog);
    let d = ok(await api(j.url, 'requests.get', { id: requestId }, c.people.host.cookie));
    expect(d.status).toBe('in_progress');

    // They leave together: the visit is completed, and its money may be reconciled.
    await search.fill('');
    const group = page.getByTestId('check-out-group');
    await visible(group);
    await group.click();
    const confirm = popconfirm(page);
    await visible(confirm);
    await button(confirm, zh('frontdeskDesk.board.checkOut')).click();
    await expect
      .poll(() =>
        page
          .getByTestId('board-guest')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state'))),
      )
      .toEqual(['left', 'left']);
    d = ok(await api(j.url, 'requests.get', { id: requestId }, c.people.host.cookie));
    expect(d.status).toBe('completed');
    await page.context().close();
  });

  it('the host enters three lines with their receipts on 费用报帐 (UI)', async () => {
    const page = await browserOf(c.people.host);
    await moneyPage(page, 'zh-CN');
    // The attendees default to the arrivals the front desk recorded.
    await visible(page.getByText(zh('expensesEntry.facts.arrivedValue', { count: 2 })));
    await visible(page.getByText(zh('expensesEntry.lines.empty')));
    const drawer = page.locator('.ant-drawer');
    const row = (vendor: string) => page.locator('.ant-table-row', { hasText: vendor });

    for (const l of LINES) {
      await button(page, zh('expensesEntry.lines.add')).click();
      await visible(drawer.getByText(zh('expensesEntry.form.addTitle')));
      await page.locator('[id="line.vendor"]').fill(l.vendor);
      await page.locator('[id="line.amountFen"]').fill(l.typed);
      await page.locator('[id="line.invoiceNo"]').fill(l.invoiceNo);
      await visible(
        drawer.getByText(
          zh('expensesEntry.form.preview', { perHead: formatYuan(l.perHeadFen, 'zh-CN') }),
        ),
      );
      await button(drawer, zh('common.save')).click();
      await gone(drawer);
      await visible(row(l.vendor));

      // Its receipt, uploaded on the saved line.
      await button(row(l.vendor), zh('expensesEntry.lines.edit')).click();
      await visible(drawer.getByText(zh('expensesEntry.form.editTitle')));
      await drawer.locator('input[type="file"]').setInputFiles(l.receipt);
      await visible(
        l.receipt.mimeType === 'application/pdf'
          ? drawer.getByRole('button', {
              name: zh('attachments.downloadNamed', { name: l.receipt.name }),
            })
          : drawer.getByRole('img', { name: l.receipt.name }),
      );
      await page.locator('.ant-drawer-close').click();
      await gone(drawer);
      await visible(row(l.vendor).getByText(zh('expensesEntry.lines.receiptsValue', { count: 1 })));
    }
    // Stored as typed, in fen; the vendors as the host wrote them.
    const stored = j.srv.app.sqlite
      .prepare(
        'SELECT vendor, amount_fen AS fen FROM expense_lines WHERE request_id = ? ORDER BY id',
      )
      .all(requestId) as { vendor: string; fen: number }[];
    expect(stored).toEqual(LINES.map((l) => ({ vendor: l.vendor, fen: l.amountFen })));

    // The lunch over the cap: its over-cap part is the host's to bear; no line lacks a receipt.
    await visible(
      page.getByText(
        zh('expenses.checks.over_cap', {
          perHeadFen: formatYuan(LINES[0]!.perHeadFen, 'zh-CN'),
          capFen: formatYuan(CAP_FEN, 'zh-CN'),
          overFen: formatYuan(LINES[0]!.overCapFen, 'zh-CN'),
        }),
      ),
    );
    await gone(page.getByText(zh('expenses.checks.no_receipt')));
    await visible(page.getByText(formatYuan(TOTAL_FEN, 'zh-CN')).first());
    await shoot(page, 'zh-CN', 'expenses-entry');

    await switchTo(page, 'en');
    await moneyPage(page, 'en');
    await visible(page.getByText(LINES[2]!.vendor));
    await shoot(page, 'en', 'expenses-entry');
    await switchTo(page, 'zh-CN');
  });

  it('the host submits the reconciliation (UI)', async () => {
    const page = await browserOf(c.people.host);
    await moneyPage(page, 'zh-CN');
    // Submit: the confirmation, then the reconciliation waits on the department head.
    await page.getByTestId('reconcile-submit').click();
    const confirm = popconfirm(page);
    await visible(confirm);
    await button(confirm, zh('expensesReconcile.panel.submit')).click();
    await expect
      .poll(() => reconcileStatus(page), { timeout: UI_TIMEOUT })
      .toBe(zh('expenses.reconciliationStatus.approving'));
    await expectStatus(page, 'reconciling');
    // Read-only while it is reviewed.
    await gone(button(page, zh('expensesEntry.lines.add')));
    // (The same screen as finance's below, which axe checks in both languages.)
    await shoot(page, 'zh-CN', 'reconcile-submitted', false);
  });

  it('the department head confirms it in his inbox (UI)', async () => {
    const page = await browserOf(c.people.head);
    await go(page, '/approvals');
    const row = inboxRow(page, code);
    await visible(row);
    // What he confirms: the visit's expenses, and how much they come to.
    expect(await row.getByTestId('money-tag').innerText()).toBe(
      zh('expensesReconcile.inboxTag', { amount: formatYuan(TOTAL_FEN, 'zh-CN') }),
    );
    await settled(page, { ignoreEndless: true });
    await page.screenshot({ path: shotPath('zh-CN', 'journey-reconcile-inbox') });
    await approveIn(row, page);
    await gone(row);
    const steps = j.srv.app.sqlite
      .prepare(
        `SELECT kind, status FROM approval_steps WHERE subject_type = 'reconciliation'
          ORDER BY revision, seq`,
      )
      .all() as { kind: string; status: string }[];
    expect(steps).toEqual([
      { kind: 'dept_head', status: 'approved' },
      { kind: 'finance', status: 'pending' },
    ]);
  });

  it('finance finds it in 报帐审核 and verifies it in her inbox (UI)', async () => {
    // The queue and the visit as finance sees them before verifying, in both languages.
    const page = await browserOf(finance);
    for (const language of LANGUAGES) {
      const money = (fen: number) => formatYuan(fen, language);
      await switchTo(page, language);
      await go(page, '/finance');
      await visible(
        page.getByRole('heading', { name: tr(language, 'expensesFinance.queue.title') }),
      );
      const queue = page.getByTestId('queue-approving');
      await visible(queue.getByRole('link', { name: code }));
      await visible(queue.getByText(money(TOTAL_FEN)));
      await visible(queue.getByText(money(OVER_FEN)));
      await visible(queue.getByText(tr(language, 'labels.stepKind.finance')));
      await shoot(page, language, 'finance-queue');

      await moneyPage(page, language);
      await expect
        .poll(() => reconcileStatus(page), { timeout: UI_TIMEOUT })
        .toBe(tr(language, 'expenses.reconciliationStatus.approving'));
      // Her step: the lines she may return one by one.
      await visible(page.getByTestId('reconcile-lines').getByText(LINES[1]!.vendor));
      await shoot(page, language, 'reconcile-verifying');
    }

    await switchTo(page, 'zh-CN');
    await go(page, '/approvals');
    const row = inboxRow(page, code);
    await visible(row);
    await approveIn(row, page);
    await gone(row);
  });

  it('the visit is settled: the advance cleared in plain words (zh-CN, en)', async () => {
    expect(
      count(j.srv, "SELECT count(*) FROM requests WHERE id = ? AND status = 'settled'", requestId),
    ).toBe(1);
    const page = await browserOf(c.people.host);
    // The host's page as he left it: he reloads it.
    await page.reload();
    await visible(page.getByTestId('sidebar'));
    for (const language of LANGUAGES) {
      await switchTo(page, language);
      await moneyPage(page, language);
      await expect
        .poll(() => reconcileStatus(page), { timeout: UI_TIMEOUT })
        .toBe(tr(language, 'expenses.reconciliationStatus.settled'));
      await expectStatus(page, 'settled', language);
      await expect
        .poll(() => page.getByTestId('reconcile-clearing').innerText())
        .toBe(clearingWords(language));
      await visible(page.getByText(tr(language, 'expensesReconcile.panel.clearingSettled')));
      await shoot(page, language, 'reconcile-settled');
    }
  });

  it('the dashboard and the printed form show it (zh-CN, en)', async () => {
    const page = await browserOf(finance);
    for (const language of LANGUAGES) {
      const money = (fen: number) => formatYuan(fen, language);
      await go(page, '/dashboard');
      await switchTo(page, language);
      await visible(
        page.getByRole('heading', { name: tr(language, 'expensesFinance.dashboard.title') }),
      );
      const top = page.getByTestId('dash-top');
      await visible(top.getByRole('link', { name: code }));
      await visible(top.getByText(money(OVER_FEN)));
      await visible(page.getByTestId('dash-visits').locator('.recharts-bar-rectangle').first());
      await shoot(page, language, 'dashboard');

      await go(page, `/expenses/${requestId}/print`);
      const sheet = page.getByTestId('reconcile-print-sheet');
      await visible(sheet);
      const text = await sheet.innerText();
      expect(text).toContain(tr(language, 'expensesReconcile.print.title'));
      expect(text).toContain(code);
      for (const l of LINES) expect(text).toContain(l.vendor);
      expect(await page.getByTestId('print-total').innerText()).toContain(
        money(TOTAL_FEN).replace(/^[^\d]+/, ''),
      );
      // 813.45 in capitals.
      expect(await page.getByTestId('print-total-capitals').innerText()).toBe(
        '捌佰壹拾叁元肆角伍分',
      );
      expect(await page.getByTestId('print-not-settled').count()).toBe(0);
      await shoot(page, language, 'print-form');
    }
  });

  it('finance exports the month from 费用统计: XLSX and CSV, right rows and totals, no formula', async () => {
    const page = await browserOf(finance);
    await go(page, '/finance/report');
    await switchTo(page, 'zh-CN');
    // The file's headers and name are in the exporting user's language, which the switch keeps.
    ok(await api(j.url, 'auth.setLanguage', { language: 'zh-CN' }, finance.cookie));
    await visible(page.getByRole('heading', { name: zh('expensesFinance.report.title') }));
    await visible(page.getByTestId('fin-period').getByText(month));
    await visible(page.getByTestId('fin-total').getByText(formatYuan(TOTAL_FEN, 'zh-CN')));

    const exportAs = async (format: 'xlsx' | 'csv'): Promise<Download> => {
      const fileName = `${zh('exports.file.expenses', { period: month })}.${format}`;
      await page.getByTestId('export-button').click();
      const item = page.getByRole('menuitem', { name: zh(`exports.format.${format}`) });
      await visible(item);
      // The toast may be short-lived on a busy machine: watch for it from the click on.
      const saved = visible(page.getByText(zh('exports.progress.saved', { fileName })), 30_000);
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 30_000 }),
        item.click(),
      ]);
      await saved;
      expect(download.suggestedFilename()).toBe(fileName);
      await gone(page.locator('.ant-modal:visible'));
      return download;
    };
    const headers = [
      'requestCode',
      'orgName',
      'tier',
      'department',
      'host',
      'spentOn',
      'category',
      'vendor',
      'invoiceNo',
      'amount',
      'attendees',
      'perHead',
      'cap',
      'overCap',
      'borneByHost',
      'reconciliationStatus',
    ].map((k) => zh(`exports.header.${k}`));
    const col = (key: string) => headers.indexOf(zh(`exports.header.${key}`));

    // ── XLSX ──
    const xlsx = await exportAs('xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await xlsx.path())!);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      zh('exports.sheet.expenses'),
      zh('exports.sheet.summary'),
    ]);
    // Not one cell in any sheet is a formula.
    let cells = 0;
    for (const sheet of wb.worksheets) {
      sheet.eachRow((r) =>
        r.eachCell((cell) => {
          cells++;
          expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula, `${sheet.name}!${cell.address}`).toBeUndefined();
          if (typeof cell.value === 'object' && cell.value !== null) {
            expect(cell.value).toBeInstanceOf(Date);
          }
        }),
      );
    }
    expect(cells).toBeGreaterThan(LINES.length * headers.length);

    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const values = (n: number) => headers.map((_, i) => ws.getRow(n).getCell(i + 1));
    expect(values(1).map((cell) => cell.value)).toEqual(headers);
    // A row per line (in date order, then as entered), then the totals.
    expect(ws.rowCount).toBe(1 + LINES.length + 1);
    let sumFen = 0;
    for (const [i, l] of LINES.entries()) {
      const row = values(2 + i);
      expect(row[col('requestCode')]!.value).toBe(code);
      expect(row[col('orgName')]!.value).toBe(ORG);
      expect(row[col('department')]!.value).toBe('销售部');
      expect(row[col('host')]!.value).toBe(c.people.host.displayName);
      expect(row[col('category')]!.value).toBe(zh('labels.expense.meals'));
      expect(row[col('invoiceNo')]!.value).toBe(l.invoiceNo);
      expect(row[col('spentOn')]!.value).toEqual(new Date(`${day}T00:00:00Z`));
      // The vendor, whatever it looks like, is a literal text.
      const vendor = row[col('vendor')]!;
      expect(vendor.type).toBe(ExcelJS.ValueType.String);
      expect(vendor.value).toBe(l.vendor);
      const amount = row[col('amount')]!;
      expect(typeof amount.value).toBe('number');
      expect(amount.value).toBe(l.amountFen / 100);
      expect(amount.numFmt).toBe('#,##0.00');
      sumFen += Math.round((amount.value as number) * 100);
      expect(row[col('attendees')]!.value).toBe(PEOPLE);
      expect(row[col('perHead')]!.value).toBe(l.perHeadFen / 100);
      expect(row[col('cap')]!.value).toBe(CAP_FEN / 100);
      expect(row[col('overCap')]!.value).toBe(l.overCapFen / 100);
      expect(row[col('borneByHost')]!.value).toBe(l.overCapFen / 100);
      expect(row[col('reconciliationStatus')]!.value).toBe(
        zh('expenses.reconciliationStatus.settled'),
      );
    }
    expect(sumFen).toBe(TOTAL_FEN);
    const totals = values(2 + LINES.length);
    expect(totals[0]!.value).toBe(zh('exports.total'));
    expect(totals[col('amount')]!.value).toBe(TOTAL_FEN / 100);
    expect(totals[col('overCap')]!.value).toBe(OVER_FEN / 100);
    expect(totals[col('borneByHost')]!.value).toBe(OVER_FEN / 100);

    // The summary: 销售部 × 餐费, and the grand total, equal to the lines' sum.
    const summary = wb.worksheets[1]!;
    const summaryRows: unknown[][] = [];
    summary.eachRow((r) => summaryRows.push((r.values as unknown[]).slice(1)));
    expect(summaryRows).toEqual([
      [zh('exports.header.department'), zh('labels.expense.meals'), zh('exports.total')],
      ['销售部', TOTAL_FEN / 100, TOTAL_FEN / 100],
      [zh('exports.total'), TOTAL_FEN / 100, TOTAL_FEN / 100],
    ]);

    // ── CSV ──
    const csv = await exportAs('csv');
    const bytes = fs.readFileSync((await csv.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const raw = bytes.toString('utf8');
    // What cells.ts does: a leading single quote on a formula-like text (then RFC 4180 quoting).
    expect(raw).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(raw).toContain(`,'＝SUM(A1),`);
    const records = parse(bytes, { bom: true }) as string[][];
    expect(records[0]).toEqual(headers);
    expect(records).toHaveLength(1 + LINES.length + 1);
    for (const record of records) {
      for (const cell of record) expect(cell, `CSV cell ${cell}`).not.toMatch(EXECUTABLE);
    }
    const lines = records.slice(1, 1 + LINES.length);
    expect(lines.map((r) => r[col('vendor')])).toEqual(
      LINES.map((l) => (EXECUTABLE.test(l.vendor) ? `'${l.vendor}` : l.vendor)),
    );
    expect(lines.map((r) => r[col('requestCode')])).toEqual(LINES.map(() => code));
    expect(lines.map((r) => r[col('spentOn')])).toEqual(LINES.map(() => day));
    const yuan = (fen: number) => (fen / 100).toFixed(2);
    expect(lines.map((r) => r[col('amount')])).toEqual(LINES.map((l) => yuan(l.amountFen)));
    expect(lines.map((r) => r[col('overCap')])).toEqual(LINES.map((l) => yuan(l.overCapFen)));
    const csvSumFen = lines.reduce((s, r) => s + Math.round(Number(r[col('amount')]) * 100), 0);
    expect(csvSumFen).toBe(TOTAL_FEN);
    const csvTotals = records[1 + LINES.length]!;
    expect(csvTotals[0]).toBe(zh('exports.total'));
    expect(csvTotals[col('amount')]).toBe(yuan(TOTAL_FEN));
    expect(csvTotals[col('overCap')]).toBe(yuan(OVER_FEN));
  });
});
