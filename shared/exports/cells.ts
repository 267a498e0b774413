import { fenToYuanText, type Fen } from '../money';

/**
 * The cells of an exported file, pure: what a column is, how a text is kept from becoming a
 * formula, how a CSV line is quoted, and how money and dates become what a spreadsheet shows.
 */

/** How a column's values are written. */
export type ColumnKind = 'text' | 'money' | 'date' | 'datetime' | 'int';

export interface Column {
  /** The row's field it shows. */
  key: string;
  /** Its header, an i18n key (translated in the reader's language when the file is written). */
  headerKey: string;
  /**
   * `text`: a string, never a formula; `money`: integer fen, shown in yuan; `date`: `YYYY-MM-DD`
   * (company calendar); `datetime`: `YYYY-MM-DD HH:mm` (company wall clock); `int`: a count.
   */
  kind: ColumnKind;
  /** Width in characters (XLSX). */
  width: number;
}

/** A row's value of a column: by the column's kind, or null for an empty cell. */
export type CellValue = string | number | null;
export type ExportRow = Readonly<Record<string, CellValue>>;

/** Number formats of the XLSX cells: yuan with thousands and two decimals, real dates. */
export const NUM_FMT: Readonly<Record<ColumnKind, string | null>> = {
  text: null,
  money: '#,##0.00',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  int: '0',
};

/**
 * Characters a spreadsheet reads as the start of a formula (OWASP "CSV injection"): = + - @, tab
 * and carriage return, and the full-width ＝ ＋ － ＠ (Excel and WPS fold them), also after leading
 * spaces (" =1+1" is still a formula to some).
 */
const FORMULA_START = /^[\t\r]|^\s*[=+\-@＝＋－＠]/u;

/** Whether a spreadsheet could take this text for a formula. */
export function isFormulaLike(s: string): boolean {
  return FORMULA_START.test(s);
}

/**
 * A text as a CSV cell may hold it: one that a spreadsheet would take for a formula gets a
 * leading single quote (OWASP's advice), which Excel and WPS show as a plain text. XLSX does not
 * need it: there a text is written as a string cell, which is never evaluated.
 */
export function safeCellText(s: string): string {
  return isFormulaLike(s) ? `'${s}` : s;
}

/** One CSV field (RFC 4180): quoted, with its quotes doubled, when it holds " , CR or LF. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV record, CRLF-terminated (RFC 4180). The fields are written as given: guard texts first. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/**
 * A value as a CSV cell shows it: texts guarded, money as exact yuan from integer fen ("1234.50",
 * no float), dates and counts as they are.
 */
export function csvCell(kind: ColumnKind, value: CellValue): string {
  if (value === null) return '';
  switch (kind) {
    case 'text':
      return safeCellText(String(value));
    case 'money':
      return typeof value === 'number' ? (fenToYuanText(value) ?? '') : safeCellText(value);
    default:
      return typeof value === 'number' ? String(value) : safeCellText(value);
  }
}

/**
 * Yuan as the number an XLSX money cell holds: fen / 100, for display only (the cell's format
 * shows two decimals; every sum is made in integer fen before it is written).
 */
export function yuanCell(fen: Fen): number {
  return fen / 100;
}

/** A company date (`YYYY-MM-DD`) as the Date a spreadsheet cell holds: UTC midnight of that day. */
export function dateCell(ymd: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** A company wall-clock time (`YYYY-MM-DD HH:mm`) as a spreadsheet's Date (its UTC reading). */
export function dateTimeCell(wall: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(wall);
  if (!m) return null;
  return new Date(
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])),
  );
}

/**
 * The value of an XLSX cell: a string (never a formula object) for texts, yuan for money, a Date
 * for dates, a number for counts. A value that does not fit its kind is written as a string.
 */
export function xlsxCell(kind: ColumnKind, value: CellValue): string | number | Date | null {
  if (value === null) return null;
  switch (kind) {
    case 'text':
      return String(value);
    case 'money':
      return typeof value === 'number' ? yuanCell(value) : String(value);
    case 'int':
      return typeof value === 'number' ? value : String(value);
    case 'date':
      return typeof value === 'string' ? (dateCell(value) ?? value) : String(value);
    case 'datetime':
      return typeof value === 'string' ? (dateTimeCell(value) ?? value) : String(value);
  }
}

/**
 * The part of a file name that names a period: "2026-12" for a whole month, "2026" for a whole
 * year, else "2026-12-01_2026-12-15" (one day: the day).
 */
export function periodLabel(from: string, to: string): string {
  if (from === to) return from;
  const [fy, fm, fd] = from.split('-');
  const [ty, tm] = to.split('-');
  if (fy === ty && fd === '01') {
    if (fm === '01' && to === `${ty}-12-31`) return fy ?? from;
    if (fm === tm && to === lastOfMonth(from)) return `${fy}-${fm}`;
  }
  return `${from}_${to}`;
}

function lastOfMonth(ymd: string): string {
  const [y, m] = ymd.split('-').map(Number);
  const last = new Date(Date.UTC(y ?? 1970, m ?? 1, 0)).getUTCDate();
  return `${ymd.slice(0, 8)}${String(last).padStart(2, '0')}`;
}

/** A file name safe on every system: no path separators or reserved characters. */
export function safeFileName(name: string): string {
  const printable = [...name].map((c) => (c.charCodeAt(0) < 0x20 ? '_' : c)).join('');
  return printable.replace(/[\\/:*?"<>|]/g, '_').slice(0, 120);
}
