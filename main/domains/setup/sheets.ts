import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { ROLES } from '../../../shared/auth';
import { translate, type Language } from '../../../shared/i18n/translate';
import {
  IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  parseCsv,
  type ImportColumn,
  type SheetDownload,
} from '../../../shared/setup';
import { AppError } from '../../core/errors';

/**
 * The import's files: reading an uploaded sheet (xlsx or csv) into a table of texts, and building
 * the template and the passwords sheet. Bytes in, bytes out; the rules are in shared/setup.
 */

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The old binary .xls (and .doc…) format: an OLE compound file. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * The text of a CSV file's bytes: UTF-8 with or without BOM, UTF-16 with BOM, else GBK (what
 * Excel saves as "CSV" on a Chinese Windows; Node's full ICU decodes it). UTF-8 is tried strictly first: GBK bytes are almost never valid
 * UTF-8, while a UTF-8 file read as GBK would turn into plausible-looking nonsense.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // A runtime built without full ICU has no GBK: the file is then one it cannot read.
    try {
      return new TextDecoder('gbk').decode(bytes);
    } catch {
      throw unreadable();
    }
  }
}

const unreadable = () => new AppError('INVALID_INPUT', 'setup.errors.fileUnreadable');

/**
 * At most this much XML unpacked from one xlsx. A sheet of the largest import is about 0.1 MB; a
 * 150 KB file can unpack to 150 MB, which exceljs would then parse for many seconds.
 */
export const MAX_UNPACKED_BYTES = 10 * 1024 * 1024;

/**
 * An xlsx made safe for exceljs, which reads every part whole and expands each data validation
 * into one entry per cell it covers (a whole-sheet list, common in templates from other systems,
 * never finishes). Each part is unpacked as a stream and counted, the validations and extension
 * lists are dropped (the import reads values only), and the rest is packed again.
 */
async function tamedXlsx(bytes: Buffer): Promise<Buffer> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw unreadable();
  }
  let budget = MAX_UNPACKED_BYTES;
  const out = new JSZip();
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    const unpacked = await unpack(file, budget);
    budget -= unpacked.length;
    let part: Buffer | string = unpacked;
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(file.name)) {
      part = part
        .toString('utf8')
        .replace(/<dataValidations\b[^>]*\/>/g, '')
        .replace(/<dataValidations\b[\s\S]*?<\/dataValidations>/g, '')
        .replace(/<extLst\b[\s\S]*?<\/extLst>/g, '');
    }
    out.file(file.name, part);
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

/**
 * One part of the zip, unpacked as a stream and stopped as soon as it passes `budget` bytes (the
 * sizes a zip declares may lie). JSZip's Node stream cannot be iterated with `for await`.
 */
function unpack(file: JSZip.JSZipObject, budget: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = file.nodeStream('nodebuffer');
    stream
      .on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > budget) {
          stream.pause();
          reject(new AppError('INVALID_INPUT', 'setup.errors.fileTooComplex'));
          return;
        }
        chunks.push(chunk);
      })
      .on('error', () => reject(unreadable()))
      .on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** The first worksheet of an xlsx (or the rows of a csv), each cell as the text Excel shows. */
export async function readSheet(bytes: Buffer): Promise<string[][]> {
  if (startsWith(bytes, OLE)) throw new AppError('INVALID_INPUT', 'setup.errors.oldExcel');
  if (!startsWith(bytes, ZIP)) return parseCsv(decodeText(bytes));
  const tamed = await tamedXlsx(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(tamed as unknown as ExcelJS.Buffer);
  } catch {
    throw unreadable();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable();
  // The header, the rows and a margin of blank ones: more is refused before any cell is read.
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) {
    throw new AppError('INVALID_INPUT', 'setup.errors.tooManyRows', { max: MAX_IMPORT_ROWS });
  }
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c)));
    table[rowNumber - 1] = cells;
  });
  // eachRow leaves holes for rows never written; they are blank rows.
  return Array.from(table, (r) => r ?? []);
}

/** A cell's text as shown: a formula's result, rich text joined, numbers without ".0". */
function cellText(cell: ExcelJS.Cell): string {
  try {
    return cell.text.trim();
  } catch {
    return '';
  }
}

const HEADER_KEYS: Record<ImportColumn, string> = {
  login: 'setup.sheet.login',
  displayName: 'setup.sheet.displayName',
  department: 'setup.sheet.department',
  roles: 'setup.sheet.roles',
  head: 'setup.sheet.head',
  password: 'setup.sheet.password',
};

/** A header in both languages, the reader's first: either is recognised when read back. */
function header(column: ImportColumn, language: Language): string {
  const other: Language = language === 'en' ? 'zh-CN' : 'en';
  return `${translate(language, HEADER_KEYS[column])} / ${translate(other, HEADER_KEYS[column])}`;
}

async function download(workbook: ExcelJS.Workbook, fileName: string): Promise<SheetDownload> {
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName, data: Buffer.from(buffer).toString('base64') };
}

function boldHeader(sheet: ExcelJS.Worksheet) {
  const row = sheet.getRow(1);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle' };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** The sheet to fill in: the columns, and a page of notes (what each column takes, the roles). */
export async function importTemplate(language: Language): Promise<SheetDownload> {
  const t = (key: string) => translate(language, key);
  const workbook = new ExcelJS.Workbook();
  const users = workbook.addWorksheet(t('setup.sheet.usersSheet'));
  users.columns = IMPORT_COLUMNS.map((c) => ({
    header: header(c, language),
    key: c,
    width: c === 'roles' || c === 'head' ? 30 : 22,
    // Logins like 0012 and passwords stay text, as typed.
    style: { numFmt: '@' },
  }));
  boldHeader(users);

  const notes = workbook.addWorksheet(t('setup.sheet.notesSheet'));
  notes.getColumn(1).width = 100;
  for (const line of t('setup.sheet.notes').split('\n')) notes.addRow([line]);
  notes.addRow([]);
  notes.addRow([t('setup.sheet.rolesList')]).font = { bold: true };
  for (const role of ROLES) {
    notes.addRow([
      `${translate('zh-CN', `roles.${role}`)} / ${translate('en', `roles.${role}`)} (${role})`,
    ]);
  }
  return download(workbook, t('setup.sheet.fileName'));
}

/** The passwords an import made up, to hand out; built on request, never stored. */
export async function passwordSheet(
  language: Language,
  rows: readonly { login: string; displayName: string; password: string }[],
): Promise<SheetDownload> {
  const t = (key: string) => translate(language, key);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t('setup.sheet.passwordsSheet'));
  sheet.columns = [
    { header: t('setup.sheet.login'), key: 'login', width: 22, style: { numFmt: '@' } },
    { header: t('setup.sheet.displayName'), key: 'displayName', width: 22 },
    { header: t('setup.sheet.password'), key: 'password', width: 24, style: { numFmt: '@' } },
  ];
  boldHeader(sheet);
  // Plain values only: a name starting with "=" stays text, never a formula.
  for (const r of rows) sheet.addRow({ ...r });
  return download(workbook, t('setup.sheet.passwordsFileName'));
}
