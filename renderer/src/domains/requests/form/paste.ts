import type * as z from 'zod';
import type { ID_TYPES, visitorSchema } from '../../../../../shared/requests/schema';

export type VisitorRow = z.input<typeof visitorSchema>;
type IdType = (typeof ID_TYPES)[number];
type Column = keyof VisitorRow;

/**
 * Splits text copied from Excel / WPS into rows of cells. Tabs separate cells, newlines rows;
 * a cell holding a tab, newline or quote comes wrapped in double quotes ("" is one quote).
 */
export function splitTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let atCellStart = true;
  const s = text.replace(/\r\n?/g, '\n');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
      continue;
    }
    if (ch === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
    } else if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else {
      cell += ch;
      atCellStart = false;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.map((r) => r.map((c) => c.trim())).filter((r) => r.some((c) => c !== ''));
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\s*:：()（）_.-]/g, '')
    .trim();

const HEADER_WORDS: Record<Column, string[]> = {
  name: ['姓名', '名字', '来访人', '来访人员', '来宾', '来宾姓名', 'name', 'fullname', 'visitor'],
  title: ['职务', '职位', '职称', '头衔', 'title', 'position', 'jobtitle'],
  phone: ['电话', '手机', '手机号', '手机号码', '联系电话', '联系方式', 'phone', 'mobile', 'tel'],
  idType: ['证件类型', '证件种类', 'idtype', 'documenttype'],
  idNumber: [
    '证件号',
    '证件号码',
    '身份证号',
    '身份证号码',
    '护照号',
    '护照号码',
    'idnumber',
    'idno',
    'passportno',
    'documentnumber',
  ],
  notes: ['备注', '说明', '其他', 'notes', 'note', 'remarks', 'remark', 'comment'],
};

const HEADER_LOOKUP = new Map<string, Column>(
  (Object.entries(HEADER_WORDS) as [Column, string[]][]).flatMap(([col, words]) =>
    words.map((w) => [norm(w), col] as const),
  ),
);

const ID_TYPE_WORDS: Record<IdType, string[]> = {
  resident_id: [
    '身份证',
    '居民身份证',
    '二代身份证',
    '二代证',
    'residentid',
    'idcard',
    'identitycard',
    'chineseid',
  ],
  passport: ['护照', 'passport'],
  other: ['其他', '其它', '港澳通行证', '台胞证', '回乡证', '军官证', 'other'],
};

export function parseIdType(cell: string): IdType | null {
  const n = norm(cell);
  if (n === '') return null;
  for (const [type, words] of Object.entries(ID_TYPE_WORDS) as [IdType, string[]][]) {
    if (words.some((w) => norm(w) === n)) return type;
  }
  return null;
}

/** The type a bare ID number most likely is: 18-character resident ID, passport, else other. */
export function guessIdType(idNumber: string): IdType | null {
  if (idNumber === '') return null;
  if (/^\d{17}[\dXx]$/.test(idNumber)) return 'resident_id';
  if (/^[A-Za-z]{1,2}\d{6,9}$/.test(idNumber)) return 'passport';
  return 'other';
}

/** A row that names at least two known column headings (姓名, 电话 …) is a header row. */
function headerColumns(cells: string[]): (Column | null)[] | null {
  const cols = cells.map((c) => HEADER_LOOKUP.get(norm(c)) ?? null);
  return cols.filter((c) => c !== null).length >= 2 || cols[0] === 'name' ? cols : null;
}

/** Columns without a header: name, title, phone, [ID type], ID number, notes. */
function positionalColumns(cells: string[]): Column[] {
  const withType = cells.length >= 6 || parseIdType(cells[3] ?? '') !== null;
  return withType
    ? ['name', 'title', 'phone', 'idType', 'idNumber', 'notes']
    : ['name', 'title', 'phone', 'idNumber', 'notes'];
}

export interface PastedVisitors {
  rows: VisitorRow[];
  headerSkipped: boolean;
}

/**
 * Visitors from text pasted out of a spreadsheet: name, title, phone, ID type (optional), ID
 * number, notes. A header row is skipped (and, if it names the columns, used to place them).
 * Values are kept as typed: the schema checks and normalises them like anything else typed in.
 */
export function parseVisitorsTsv(text: string): PastedVisitors {
  const table = splitTsv(text);
  if (table.length === 0) return { rows: [], headerSkipped: false };
  const header = headerColumns(table[0] ?? []);
  const body = header ? table.slice(1) : table;
  const rows = body.map((cells): VisitorRow => {
    const cols = header ?? positionalColumns(cells);
    const get = (col: Column) => {
      const i = cols.indexOf(col);
      return i === -1 ? '' : (cells[i] ?? '');
    };
    const extra = cells.slice(cols.length).filter((c) => c !== '');
    const idNumber = get('idNumber').replace(/\s/g, '');
    const typeCell = get('idType');
    const idType = parseIdType(typeCell) ?? guessIdType(idNumber);
    const notes = [get('notes'), parseIdType(typeCell) === null ? typeCell : '', ...extra]
      .filter((s) => s !== '')
      .join(' ');
    return {
      name: get('name'),
      title: get('title'),
      phone: get('phone'),
      idType,
      idNumber,
      notes,
    };
  });
  return { rows, headerSkipped: header !== null };
}

export const blankVisitor = (): VisitorRow => ({
  name: '',
  title: '',
  phone: '',
  idType: null,
  idNumber: '',
  notes: '',
});

export const isBlankVisitor = (v: VisitorRow) =>
  v.name.trim() === '' &&
  v.title.trim() === '' &&
  v.phone.trim() === '' &&
  v.idNumber.trim() === '' &&
  v.notes.trim() === '';
