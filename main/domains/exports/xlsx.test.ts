import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Column } from '../../../shared/exports/cells';
import { xlsxWriter } from './xlsx';

/**
 * The streaming XLSX writer on its own: what exceljs (as Excel would) reads back from it — texts
 * as typed (XML's special characters, leading spaces, emoji), characters XML cannot hold dropped,
 * money, dates and times as numbers with their formats, bold totals, several sheets and pages.
 */
const COLUMNS: Column[] = [
  { key: 'text', headerKey: 'h.text', kind: 'text', width: 20 },
  { key: 'money', headerKey: 'h.money', kind: 'money', width: 12 },
  { key: 'date', headerKey: 'h.date', kind: 'date', width: 12 },
  { key: 'at', headerKey: 'h.at', kind: 'datetime', width: 16 },
  { key: 'n', headerKey: 'h.n', kind: 'int', width: 6 },
];

const TEXTS = [
  'a<b>&"c"',
  '  两个空格',
  '\t=1+1',
  '=HYPERLINK("x")',
  'x\u0001y\u001Fz',
  '表情😀',
  'lone\uD800',
  ']]>',
  'line1\r\nline2',
  'cr\ronly',
];

async function written(pages: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-xlsx-'));
  const file = path.join(dir, 'out.xlsx');
  const w = xlsxWriter(file);
  await w.sheet({
    name: '费用/明细?',
    columns: COLUMNS,
    headers: ['文本', '金额', '日期', '时间', '数'],
  });
  for (let p = 0; p < pages; p++) {
    await w.rows(
      TEXTS.map((text, i) => ({
        text,
        money: 123_456 + p * 100 + i,
        date: `2026-12-${String(1 + i).padStart(2, '0')}`,
        at: '2026-12-01 08:30',
        n: i,
      })),
    );
  }
  await w.rows([{ text: '合计', money: 5, date: null, at: null, n: null }], true);
  await w.sheet({ name: 'R&D <x>', columns: COLUMNS.slice(0, 2), headers: ['A', 'B'] });
  await w.rows([{ text: 'only', money: 'not money' }]);
  await w.close();
  const bytes = fs.readFileSync(file);
  fs.rmSync(dir, { recursive: true, force: true });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return { wb, bytes };
}

describe('the streaming XLSX writer', () => {
  it('writes what a spreadsheet reads back: texts as typed, numbers with their formats', async () => {
    const { wb, bytes } = await written(3);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['费用 明细 ', 'R&D <x>']);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(1 + 3 * TEXTS.length + 1);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(1).width).toBe(20);
    expect(ws.getRow(1).getCell(2).value).toBe('金额');
    expect(ws.getRow(1).getCell(2).font?.bold).toBe(true);
    const texts = TEXTS.map((_, i) => ws.getRow(2 + i).getCell(1));
    expect(texts.map((c) => c.value)).toEqual([
      'a<b>&"c"',
      '  两个空格',
      '\t=1+1',
      '=HYPERLINK("x")',
      'xyz',
      '表情😀',
      'lone',
      ']]>',
      // A CR is kept (written as a character reference: XML reads a bare one as LF).
      'line1\r\nline2',
      'cr\ronly',
    ]);
    for (const c of texts) expect(c.type).toBe(ExcelJS.ValueType.String);
    const first = ws.getRow(2);
    expect(first.getCell(2).value).toBe(1234.56);
    expect(first.getCell(2).numFmt).toBe('#,##0.00');
    expect(first.getCell(2).font?.bold).toBeFalsy();
    expect(first.getCell(3).value).toEqual(new Date(Date.UTC(2026, 11, 1)));
    expect(first.getCell(3).numFmt).toBe('yyyy-mm-dd');
    expect(first.getCell(4).value).toEqual(new Date(Date.UTC(2026, 11, 1, 8, 30)));
    expect(first.getCell(5).value).toBe(0);
    // The last page's last row, then the bold totals with empty cells left out.
    expect(ws.getRow(1 + 3 * TEXTS.length).getCell(2).value).toBe(
      (123_456 + 200 + TEXTS.length - 1) / 100,
    );
    const totals = ws.getRow(2 + 3 * TEXTS.length);
    expect(totals.getCell(1).value).toBe('合计');
    expect(totals.getCell(1).font?.bold).toBe(true);
    expect(totals.getCell(2).value).toBe(0.05);
    expect(totals.getCell(3).value).toBeNull();
    // A value that does not fit its column is a string, not a number.
    const second = wb.worksheets[1]!;
    expect(second.getRow(2).getCell(2).value).toBe('not money');
    const zip = await JSZip.loadAsync(bytes);
    // Escaped once in the workbook (exceljs unescapes twice, so only the XML itself tells).
    expect(await zip.file('xl/workbook.xml')!.async('string')).toContain(
      'name="R&amp;D &lt;x&gt;"',
    );
    // Never a formula, anywhere in the XML.
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
      expect(await zip.file(name)!.async('string'), name).not.toMatch(/<f[ >]/);
    }
  });
});
