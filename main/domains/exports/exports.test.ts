import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  captureEvents,
  companyApp,
  makeTempDir,
  signedInUser,
  signIn,
  submitted,
  type Reception,
  type TestApp,
} from '../../test-support';
import { financeClerk } from '../expenses/test-money';
import { exportJobCount, EXPORT_DIR, JOB_TTL_MS } from './jobs';
import { exported, progressOf, seedLines, waitFor, workbookOf } from './test-exports';

const DECEMBER = { from: '2026-12-01', to: '2026-12-31' };
const HOSTILE_VENDORS = ['=HYPERLINK("x")', '＝SUM(A1)', ' +1', '\t-2', '@x'];

/** A submitted visit and lines on it: the five hostile vendors, and ordinary meals. */
async function seeded(t: TestApp, r: Reception, ordinary = 10) {
  const d = await submitted(t, r);
  const base = { requestId: d.id, hostUserId: r.host.userId, departmentId: r.departmentId };
  const lines = [
    // The worked example: 900.00 for 6 people → 150.00 a head, 120.00 over the cap.
    { ...base, spentOn: '2026-12-01', vendor: '海底捞（张江店）', amountFen: 90_000 },
    ...HOSTILE_VENDORS.map((vendor, i) => ({
      ...base,
      spentOn: '2026-12-02',
      vendor,
      amountFen: 10_001 + i,
      category: 'gifts' as const,
    })),
    ...Array.from({ length: ordinary }, (_, i) => ({
      ...base,
      spentOn: `2026-12-${String(3 + (i % 20)).padStart(2, '0')}`,
      vendor: `餐厅 ${i}`,
      amountFen: 12_345 + i,
      invoiceNo: `INV${i}`,
    })),
    // Outside the period: never in the file.
    { ...base, spentOn: '2026-11-30', vendor: '上月', amountFen: 5_000 },
    { ...base, spentOn: '2027-01-01', vendor: '下月', amountFen: 5_000 },
  ];
  await seedLines(t, lines);
  const inPeriod = lines.filter((l) => l.spentOn >= DECEMBER.from && l.spentOn <= DECEMBER.to);
  return { requestId: d.id, code: d.code, inPeriod };
}

const fenOf = (yuan: unknown) => Math.round(Number(yuan) * 100);

describe('exports: the expense sheet', () => {
  it('XLSX: a row per line in date order, totals equal to the sums, formats, frozen header, no formula', async () => {
    const { t, r } = await companyApp();
    const finance = await financeClerk(t, r);
    const { code, inPeriod } = await seeded(t, r, 30);
    const events = captureEvents(t);
    const { file, fileName, progress } = await exported(
      t,
      events,
      { format: 'xlsx', filter: { source: 'expenses', period: DECEMBER } },
      finance.token,
    );
    expect(fileName).toBe('费用明细_2026-12.xlsx');
    expect(file.fileName).toBe('费用明细_2026-12.xlsx');
    expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(progress.at(-1)).toMatchObject({ status: 'done', done: inPeriod.length, error: null });

    const wb = await workbookOf(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['费用明细', '部门×类别汇总']);
    const ws = wb.getWorksheet('费用明细')!;
    // Header (frozen, translated), the lines, the totals row.
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      '接待编号',
      '来访单位',
      '接待类别',
      '部门',
      '接待负责人',
      '日期',
      '费用类别',
      '商户',
      '发票号',
      '金额（元）',
      '人数',
      '人均（元）',
      '标准（元）',
      '超标（元）',
      '个人自负（元）',
      '报帐状态',
    ]);
    expect(ws.getColumn(8).width).toBe(26);
    expect(ws.rowCount).toBe(1 + inPeriod.length + 1);

    const first = ws.getRow(2);
    expect(first.getCell(1).value).toBe(code);
    expect(first.getCell(3).value).toBe('B 类');
    expect(first.getCell(4).value).toBe('销售部');
    expect(first.getCell(5).value).toBe('王接待');
    expect(first.getCell(6).value).toEqual(new Date(Date.UTC(2026, 11, 1)));
    expect(first.getCell(6).numFmt).toBe('yyyy-mm-dd');
    expect(first.getCell(7).value).toBe('餐费');
    expect(first.getCell(10).value).toBe(900);
    expect(first.getCell(10).numFmt).toBe('#,##0.00');
    expect(first.getCell(11).value).toBe(6);
    expect(first.getCell(12).value).toBe(150);
    expect(first.getCell(13).value).toBe(130);
    expect(first.getCell(14).value).toBe(120);
    expect(first.getCell(15).value).toBe(120);
    expect(first.getCell(16).value).toBe('待报帐');

    // Dates ascend; each row's amount is its line's.
    let sum = 0;
    const dates: number[] = [];
    for (let i = 2; i <= inPeriod.length + 1; i++) {
      const row = ws.getRow(i);
      dates.push((row.getCell(6).value as Date).getTime());
      sum += fenOf(row.getCell(10).value);
    }
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    const expected = inPeriod.reduce((s, l) => s + l.amountFen, 0);
    expect(sum).toBe(expected);
    const totals = ws.getRow(inPeriod.length + 2);
    expect(totals.getCell(1).value).toBe('合计');
    expect(fenOf(totals.getCell(10).value)).toBe(expected);
    expect(totals.getCell(10).numFmt).toBe('#,##0.00');

    // Hostile vendors are plain string cells, as typed.
    const vendors = new Map<string, ExcelJS.Cell>();
    ws.eachRow((row) => vendors.set(String(row.getCell(8).value), row.getCell(8)));
    for (const v of HOSTILE_VENDORS) {
      const cell = vendors.get(v);
      expect(cell, v).toBeDefined();
      expect(cell!.type).toBe(ExcelJS.ValueType.String);
    }

    // The summary: department × category, its grand total the lines' total.
    const summary = wb.getWorksheet('部门×类别汇总')!;
    expect((summary.getRow(1).values as unknown[]).slice(1)).toEqual([
      '部门',
      '餐费',
      '礼品',
      '合计',
    ]);
    const dept = summary.getRow(2);
    expect(dept.getCell(1).value).toBe('销售部');
    const meals = inPeriod.filter((l) => !('category' in l)).reduce((s, l) => s + l.amountFen, 0);
    expect(fenOf(dept.getCell(2).value)).toBe(meals);
    expect(fenOf(dept.getCell(3).value)).toBe(expected - meals);
    expect(fenOf(summary.getRow(3).getCell(4).value)).toBe(expected);

    // Not one formula anywhere: every cell of every sheet, and the XML itself.
    let cells = 0;
    for (const sheet of wb.worksheets) {
      sheet.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          cells++;
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula).toBeFalsy();
        }),
      );
    }
    expect(cells).toBeGreaterThan(16 * inPeriod.length);
    const zip = await JSZip.loadAsync(Buffer.from(file.dataBase64, 'base64'));
    for (const name of Object.keys(zip.files).filter((n) => n.startsWith('xl/worksheets/'))) {
      const xml = await zip.file(name)!.async('string');
      expect(xml, name).not.toMatch(/<f[ >]/);
    }

    // The export is audited: source, format, rows; never the rows themselves.
    const audit = t.rows<{ entity_type: string; summary: string }>(
      "SELECT entity_type, summary FROM audit_log WHERE operation = 'exports.start'",
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.entity_type).toBe('export');
    expect(JSON.parse(audit[0]!.summary)).toEqual({
      exportSource: 'expenses',
      exportFormat: 'xlsx',
      exportRows: inPeriod.length,
      fileName: '费用明细_2026-12.xlsx',
    });
    expect(audit[0]!.summary).not.toContain('海底捞');
  });

  it('CSV: UTF-8 with BOM, the same rows and totals, formula-like texts quoted', async () => {
    const { t, r } = await companyApp();
    const finance = await financeClerk(t, r);
    const { inPeriod } = await seeded(t, r, 12);
    const events = captureEvents(t);
    const { file } = await exported(
      t,
      events,
      { format: 'csv', filter: { source: 'expenses', period: DECEMBER } },
      finance.token,
    );
    expect(file.fileName).toBe('费用明细_2026-12.csv');
    expect(file.mime).toBe('text/csv;charset=utf-8');
    const bytes = Buffer.from(file.dataBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes, { bom: true, relax_column_count: false }) as string[][];
    expect(records[0]?.[0]).toBe('接待编号');
    expect(records).toHaveLength(1 + inPeriod.length + 1);
    const rows = records.slice(1, -1);
    const sum = rows.reduce((s, row) => s + fenOf(row[9]), 0);
    const expected = inPeriod.reduce((s, l) => s + l.amountFen, 0);
    expect(sum).toBe(expected);
    expect(records.at(-1)?.[0]).toBe('合计');
    expect(fenOf(records.at(-1)?.[9])).toBe(expected);
    // Money as exact yuan, two decimals.
    expect(rows[0]?.[9]).toBe('900.00');
    expect(rows[0]?.[11]).toBe('150.00');
    const vendors = rows.map((row) => row[7]);
    for (const v of HOSTILE_VENDORS) expect(vendors).toContain(`'${v}`);
    for (const v of vendors) expect(v).not.toMatch(/^\s*[=+\-@＝＋－＠\t\r]/u);
  });

  it('progress comes after each page, in order, and ends with done', async () => {
    const { t, r } = await companyApp();
    const finance = await financeClerk(t, r);
    const { inPeriod } = await seeded(t, r, 2_100);
    const events = captureEvents(t);
    const job = await t.ok(
      'exports.start',
      { format: 'csv', filter: { source: 'expenses', period: DECEMBER } },
      finance.token,
    );
    expect(job.total).toBe(inPeriod.length);
    // Not ready until written.
    const early = await t.fail('exports.download', { jobId: job.jobId }, finance.token);
    expect(early).toMatchObject({ code: 'CONFLICT', key: 'exports.errors.notReady' });
    await waitFor(() => progressOf(events, job.jobId).some((p) => p.status === 'done'));
    const progress = progressOf(events, job.jobId);
    expect(progress.map((p) => [p.done, p.status])).toEqual([
      [1_000, 'running'],
      [2_000, 'running'],
      [inPeriod.length, 'done'],
    ]);
    for (const p of progress) expect(p.total).toBe(inPeriod.length);
    // Only the owner hears of it.
    const heard = events.filter((e) => e.name === 'exports.progress');
    for (const e of heard) expect(e.userIds).toEqual([finance.userId]);
  });

  it('only the owner downloads, once; other users and unknown ids get NOT_FOUND', async () => {
    const { t, r } = await companyApp();
    const finance = await financeClerk(t, r);
    const other = await signedInUser(t, r.admin.token, {
      login: 'finance2',
      displayName: '钱会计',
      roles: ['finance'],
    });
    await seeded(t, r, 3);
    const events = captureEvents(t);
    const job = await t.ok(
      'exports.start',
      { format: 'xlsx', filter: { source: 'expenses', period: DECEMBER } },
      finance.token,
    );
    await waitFor(() => progressOf(events, job.jobId).some((p) => p.status === 'done'));
    for (const token of [other.token, r.executive.token, r.host.token]) {
      expect(await t.fail('exports.download', { jobId: job.jobId }, token)).toMatchObject({
        code: 'NOT_FOUND',
        key: 'exports.errors.notFound',
      });
    }
    expect(
      await t.fail('exports.download', { jobId: 'f'.repeat(32) }, finance.token),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(await t.fail('exports.download', { jobId: '../../etc' }, finance.token)).toMatchObject({
      code: 'INVALID_INPUT',
    });
    const file = path.join(EXPORT_DIR, `${job.jobId}.xlsx`);
    expect(fs.existsSync(file)).toBe(true);
    await t.ok('exports.download', { jobId: job.jobId }, finance.token);
    // Deleted once fetched.
    await waitFor(() => !fs.existsSync(file));
    expect(await t.fail('exports.download', { jobId: job.jobId }, finance.token)).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('an unfetched file is deleted after an hour', async () => {
    const { t, r } = await companyApp();
    const finance = await financeClerk(t, r);
    await seeded(t, r, 1);
    const events = captureEvents(t);
    const job = await t.ok(
      'exports.start',
      { format: 'csv', filter: { source: 'expenses', period: DECEMBER } },
      finance.token,
    );
    await waitFor(() => progressOf(events, job.jobId).some((p) => p.status === 'done'));
    const file = path.join(EXPORT_DIR, `${job.jobId}.csv`);
    expect(fs.existsSync(file)).toBe(true);
    t.advance(JOB_TTL_MS + 1);
    const again = await signIn(t, 'finance');
    // Any export call sweeps the expired ones.
    expect(await t.fail('exports.download', { jobId: job.jobId }, again)).toMatchObject({
      code: 'NOT_FOUND',
    });
    await waitFor(() => !fs.existsSync(file));
    expect(exportJobCount()).toBeGreaterThanOrEqual(0);
  });

  it('a host without expenses.report cannot export the expenses, and nothing is written', async () => {
    const { t, r } = await companyApp();
    await seeded(t, r, 1);
    const before = t.snapshot();
    for (const token of [r.host.token, r.head.token]) {
      const e = await t.fail(
        'exports.start',
        { format: 'xlsx', filter: { source: 'expenses', period: DECEMBER } },
        token,
      );
      expect(e.code).toBe('FORBIDDEN');
    }
    expect(t.snapshot()).toEqual(before);
  });

  it('bad filters are refused with field messages and change nothing', async () => {
    const { t, r } = await companyApp();
    const finance = await financeClerk(t, r);
    const before = t.snapshot();
    const bad: unknown[] = [
      { format: 'pdf', filter: { source: 'expenses', period: DECEMBER } },
      {
        format: 'xlsx',
        filter: { source: 'expenses', period: { from: '2026-12-31', to: '2026-12-01' } },
      },
      { format: 'xlsx', filter: { source: 'ledger' } },
      { format: 'xlsx', filter: { source: 'visitors', day: '2026-13-01' } },
      { format: 'csv', filter: { source: 'bookings', from: '2026-12-09', to: '2026-12-01' } },
      {
        format: 'csv',
        filter: { source: 'requests', list: { scope: 'mine', after: { key: 1, id: 1 } } },
      },
    ];
    for (const input of bad) {
      const e = await t.fail('exports.start', input, finance.token);
      expect(e.code, JSON.stringify(input)).toBe('INVALID_INPUT');
    }
    expect(t.snapshot()).toEqual(before);
  });
});

describe('exports: the other lists', () => {
  it('requests: a host exports his own list only, and may not export all requests', async () => {
    const { t, r } = await companyApp();
    const other = await signedInUser(t, r.admin.token, {
      login: 'host2',
      displayName: '孙接待',
      roles: ['host'],
      departmentId: r.departmentId,
    });
    const mine = await submitted(t, r);
    const theirs = await t.ok(
      'requests.submit',
      { id: null, version: null, body: (await import('../../test-support')).requestBody() },
      other.token,
    );
    const events = captureEvents(t);
    const { file } = await exported(
      t,
      events,
      { format: 'csv', filter: { source: 'requests', list: { scope: 'mine' } } },
      r.host.token,
    );
    expect(file.fileName).toMatch(/^接待申请_\d{4}-\d{2}-\d{2}\.csv$/);
    const records = parse(Buffer.from(file.dataBase64, 'base64'), { bom: true }) as string[][];
    const codes = records.slice(1).map((row) => row[0]);
    expect(codes).toEqual([mine.code]);
    expect(codes).not.toContain(theirs.code);
    expect(
      await t.fail(
        'exports.start',
        { format: 'csv', filter: { source: 'requests', list: { scope: 'all' } } },
        r.host.token,
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    // The executive's "all" has both, as his list does.
    const all = await exported(
      t,
      events,
      { format: 'xlsx', filter: { source: 'requests', list: { scope: 'all' } } },
      r.executive.token,
    );
    const wb = await workbookOf(all.file);
    const ws = wb.worksheets[0]!;
    const listed: unknown[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) listed.push(row.getCell(1).value);
    });
    expect(listed.sort()).toEqual([mine.code, theirs.code].sort());
    expect(ws.getRow(2).getCell(10).numFmt).toBe('#,##0.00');
  });

  it('requests: pages through a list longer than a page', async () => {
    const { t, r } = await companyApp();
    // 1,005 drafts of the host would be slow through the API: copy one request row in SQL.
    const d = await submitted(t, r);
    const cols = Object.keys(
      t.rows<Record<string, unknown>>('SELECT * FROM requests WHERE id = ?', d.id)[0] ?? {},
    ).filter((c) => c !== 'id');
    const picked = cols.map((c) =>
      c === 'code' ? "code || '-' || i" : c === 'updated_at_ms' ? 'updated_at_ms + i' : c,
    );
    t.exec(`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1004)
      INSERT INTO requests (${cols.join(', ')})
      SELECT ${picked.join(', ')} FROM requests, n WHERE id = ${d.id}
    `);
    const events = captureEvents(t);
    const { file, progress } = await exported(
      t,
      events,
      { format: 'csv', filter: { source: 'requests', list: { scope: 'mine' } } },
      r.host.token,
    );
    const records = parse(Buffer.from(file.dataBase64, 'base64'), { bom: true }) as string[][];
    expect(records).toHaveLength(1 + 1_005);
    expect(new Set(records.slice(1).map((row) => row[0])).size).toBe(1_005);
    expect(progress.map((p) => p.status)).toEqual(['running', 'done']);
  });

  it('visitors: the day board, phones masked, never an ID number; the desk only', async () => {
    const { t, r } = await companyApp();
    const { deskClerk, deskVisit, VISIT_DAY } = await import('../frontdesk/test-desk');
    const desk = await deskClerk(t, r);
    await deskVisit(t, r);
    const events = captureEvents(t);
    const { file } = await exported(
      t,
      events,
      { format: 'csv', filter: { source: 'visitors', day: VISIT_DAY } },
      desk.token,
    );
    expect(file.fileName).toBe(`访客_${VISIT_DAY}.csv`);
    const text = Buffer.from(file.dataBase64, 'base64').toString('utf8');
    const records = parse(text, { bom: true }) as string[][];
    expect(records.slice(1).map((row) => row[3])).toEqual(['陈立', 'Anna Müller', '张三']);
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain('11010519491231002X');
    expect(records[3]?.[5]).toMatch(/\*/);
    expect(
      await t.fail(
        'exports.start',
        { format: 'csv', filter: { source: 'visitors', day: VISIT_DAY } },
        r.host.token,
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('bookings: a range of days, resource names, times as dates; bookings.read only', async () => {
    const { bookingCompany, filedRequest } = await import('../bookings/test-company');
    const t = (await import('../../test-support')).makeTestApp();
    const c = await bookingCompany(t);
    const request = await filedRequest(t, c.r);
    await t.ok(
      'bookings.save',
      {
        id: null,
        version: null,
        requestId: request.id,
        needKey: null,
        status: 'confirmed',
        detail: {
          kind: 'room',
          roomId: c.big.id,
          attendees: 5,
          setup: [],
          startDate: '2026-12-01',
          startTime: '09:00',
          endDate: '2026-12-01',
          endTime: '10:30',
        },
      },
      c.r.office.token,
    );
    const events = captureEvents(t);
    const { file } = await exported(
      t,
      events,
      { format: 'xlsx', filter: { source: 'bookings', from: '2026-12-01', to: '2026-12-07' } },
      c.r.office.token,
    );
    expect(file.fileName).toBe('预订_2026-12-01_2026-12-07.xlsx');
    const ws = (await workbookOf(file)).worksheets[0]!;
    const rows: unknown[][] = [];
    ws.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(1));
    });
    const room = rows.find((row) => row[2] === '会议室');
    expect(room).toBeDefined();
    expect(room![0]).toBe(request.code);
    expect(room![3]).toBe('第一会议室');
    expect(room![4]).toEqual(new Date(Date.UTC(2026, 11, 1, 9, 0)));
    expect(room![5]).toEqual(new Date(Date.UTC(2026, 11, 1, 10, 30)));
    expect(ws.getRow(2).getCell(5).numFmt).toBe('yyyy-mm-dd hh:mm');
    // A range after the meeting has ended does not hold it.
    const later = await t.ok(
      'exports.start',
      { format: 'csv', filter: { source: 'bookings', from: '2026-12-02', to: '2026-12-07' } },
      c.r.office.token,
    );
    expect(later.total).toBe(rows.length - 1);
    await waitFor(() => progressOf(events, later.jobId).some((p) => p.status === 'done'));
    expect(
      await t.fail(
        'exports.start',
        { format: 'csv', filter: { source: 'bookings', from: '2026-12-01', to: '2026-12-07' } },
        c.r.host.token,
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('exports: LibreOffice opens the XLSX', () => {
  const soffice = ['soffice', 'libreoffice'].find((bin) => {
    try {
      execFileSync('which', [bin], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  it.runIf(soffice)(
    'converts it to CSV headless with the same rows and no formula',
    async () => {
      const { t, r } = await companyApp();
      const finance = await financeClerk(t, r);
      const { inPeriod } = await seeded(t, r, 5);
      const events = captureEvents(t);
      const { file } = await exported(
        t,
        events,
        { format: 'xlsx', filter: { source: 'expenses', period: DECEMBER } },
        finance.token,
      );
      const dir = makeTempDir('rm-soffice-');
      const xlsx = path.join(dir, 'export.xlsx');
      fs.writeFileSync(xlsx, Buffer.from(file.dataBase64, 'base64'));
      execFileSync(
        soffice!,
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76,1',
          '--outdir',
          dir,
          xlsx,
        ],
        { stdio: 'ignore', timeout: 120_000 },
      );
      const records = parse(fs.readFileSync(path.join(dir, 'export.csv')), {
        bom: true,
      }) as string[][];
      expect(records).toHaveLength(1 + inPeriod.length + 1);
      expect(records[0]?.[0]).toBe('接待编号');
      const vendors = records.slice(1).map((row) => row[7]);
      // LibreOffice shows each as the text it is (a formula would show its result).
      for (const v of HOSTILE_VENDORS) expect(vendors).toContain(v);
      expect(records.at(-1)?.[9]).toBe(
        (inPeriod.reduce((s, l) => s + l.amountFen, 0) / 100).toLocaleString('en-US', {
          minimumFractionDigits: 2,
        }),
      );
      fs.rmSync(dir, { recursive: true, force: true });
    },
    180_000,
  );
  it.skipIf(soffice)('LibreOffice (soffice) is not installed here: the check is skipped', () => {
    console.log('LibreOffice (soffice) is not installed: the XLSX → CSV check is skipped.');
  });
});
