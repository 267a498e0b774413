import type * as z from 'zod';
import { ROLES, type Role } from '../auth';
import { CATALOGS, LANGUAGES, lookup } from '../i18n/translate';
import type { Message } from '../result';
import { loginName, password, requiredText, text } from '../validation/fields';
import { messageForIssue } from '../validation/zod-errors';

/**
 * Importing people and departments from a sheet (issue 9: nobody creates 80 users one dialog at a
 * time). Main turns the file into a table of texts; these rules map its header, read each row and
 * say what is wrong with it. The preview and the import run the same check, so what the preview
 * promised is what the import does — or it refuses.
 */

/** The largest sheet accepted: its base64 must fit the transports' 256 KB body limit. */
export const MAX_IMPORT_FILE_BYTES = 150 * 1024;
/**
 * Rows of one import. Each new user's password is hashed (Argon2id) inside the import's write
 * transaction, and other writers wait for it at most 5 s: 80 rows took 0.65 s of hashing on a busy
 * 2-core machine, so 300 take about 2.5 s. A bigger company imports in two sheets.
 */
export const MAX_IMPORT_ROWS = 300;

export const IMPORT_COLUMNS = [
  'login',
  'displayName',
  'department',
  'roles',
  'head',
  'password',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** One row of the sheet as texts, with its line number in the sheet (1 = the header). */
export type ImportRowInput = { line: number } & Record<ImportColumn, string>;

/**
 * How a header cell names each column, in Chinese or English, any case: a cell names the first
 * column whose alias it contains. Order matters: "部门负责人" contains "部门", "Login name"
 * contains "name".
 */
const HEADER_ALIASES: readonly (readonly [ImportColumn, readonly string[]])[] = [
  ['head', ['负责人', 'head']],
  ['password', ['密码', 'password']],
  ['login', ['登录名', '账号', '帐号', '用户名', 'login', 'username', 'account']],
  ['roles', ['角色', 'role']],
  ['department', ['部门', 'department', 'dept']],
  ['displayName', ['姓名', '名字', 'name']],
];

const REQUIRED_COLUMNS: readonly ImportColumn[] = ['login', 'displayName'];

export type SheetRows = { ok: true; rows: ImportRowInput[] } | { ok: false; error: Message };

const blank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** The column of a header cell, or null for a column the import does not read. */
export function headerColumn(cell: string): ImportColumn | null {
  const h = cell.trim().toLowerCase();
  if (h === '') return null;
  for (const [column, aliases] of HEADER_ALIASES) {
    if (aliases.some((a) => h.includes(a))) return column;
  }
  return null;
}

/**
 * The rows of a sheet's table: the first non-blank row is the header, blank rows are skipped,
 * lines keep the sheet's numbering (what the person sees in Excel).
 */
export function sheetRows(table: readonly (readonly string[])[]): SheetRows {
  const headerIndex = table.findIndex((r) => !blank(r));
  if (headerIndex === -1) return { ok: false, error: { key: 'setup.errors.emptySheet' } };
  const columns = new Map<ImportColumn, number>();
  table[headerIndex]!.forEach((cell, i) => {
    const column = headerColumn(cell);
    if (column && !columns.has(column)) columns.set(column, i);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.has(c));
  if (missing.length > 0) {
    return {
      ok: false,
      error: { key: 'setup.errors.columnsMissing', params: { columns: missing.join(',') } },
    };
  }
  const rows: ImportRowInput[] = [];
  for (let i = headerIndex + 1; i < table.length; i++) {
    const cells = table[i]!;
    if (blank(cells)) continue;
    const at = (c: ImportColumn) => {
      const index = columns.get(c);
      return index === undefined ? '' : (cells[index] ?? '');
    };
    rows.push({
      line: i + 1,
      login: at('login'),
      displayName: at('displayName'),
      department: at('department'),
      roles: at('roles'),
      head: at('head'),
      password: at('password'),
    });
  }
  if (rows.length === 0) return { ok: false, error: { key: 'setup.errors.noRows' } };
  if (rows.length > MAX_IMPORT_ROWS) {
    return {
      ok: false,
      error: { key: 'setup.errors.tooManyRows', params: { max: MAX_IMPORT_ROWS } },
    };
  }
  return { ok: true, rows };
}

/** Role names as a sheet may write them: the code, or its label in either language. */
function roleAliases(): Map<string, Role> {
  const out = new Map<string, Role>();
  for (const role of ROLES) {
    out.set(role, role);
    for (const language of LANGUAGES) {
      const label = lookup(CATALOGS[language], `roles.${role}`);
      if (label) out.set(label.toLowerCase(), role);
    }
  }
  return out;
}
const ROLE_ALIASES = roleAliases();

/** Separators people put between several roles in one cell. */
const ROLE_SEPARATORS = /[、,，;；/|\n]+/;

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '负责人']);
const NO = new Set(['', '否', 'n', 'no', 'false', '0']);

export interface ImportIssue extends Message {
  column: ImportColumn;
}

export interface CheckedRow {
  line: number;
  login: string;
  displayName: string;
  /** Null: no department. */
  department: string | null;
  roles: Role[];
  head: boolean;
  /** False: the import makes up a password (and the person must change it at first sign-in). */
  passwordGiven: boolean;
  /** The department does not exist yet: the import creates it. */
  newDepartment: boolean;
  errors: ImportIssue[];
}

export interface ImportCounts {
  users: number;
  newDepartments: number;
  heads: number;
  /** Rows with at least one error. */
  errorRows: number;
}

export interface ImportCheck {
  rows: CheckedRow[];
  counts: ImportCounts;
}

/**
 * How department names are told apart: as the database does (`name` is UNIQUE COLLATE NOCASE,
 * which folds ASCII letters only). "Sales" in the sheet is the existing "sales", and two rows
 * saying "Sales" and "sales" name one department.
 */
export function departmentKey(name: string): string {
  return name.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** What the database says, loaded by main: taken logins and the departments by name. */
export interface ImportFacts {
  /** Lower-case, as logins are stored. */
  takenLogins: ReadonlySet<string>;
  /** Each existing department by `departmentKey` of its name, with its head's name if any. */
  departments: ReadonlyMap<string, { headName: string | null }>;
}

function parsed<T>(
  schema: z.ZodType<T>,
  value: string,
  column: ImportColumn,
  errors: ImportIssue[],
): T | null {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  errors.push({ column, ...messageForIssue(r.error.issues[0]!) });
  return null;
}

/**
 * Each row's values and what is wrong with it: bad or missing login and name, a login taken or
 * twice in the sheet, unknown roles, a head flag that is not yes/no, a head without a department,
 * two heads for one department, a head for a department that has one, a bad password. A head gets
 * the department-head role (his department's first approval is his). Roles left blank: host.
 */
export function checkImport(rows: readonly ImportRowInput[], facts: ImportFacts): ImportCheck {
  const loginLines = new Map<string, number[]>();
  const headLines = new Map<string, number[]>();
  const checked = rows.map((row): CheckedRow => {
    const errors: ImportIssue[] = [];
    const login = parsed(loginName, row.login, 'login', errors) ?? row.login.trim().toLowerCase();
    const displayName =
      parsed(requiredText(50), row.displayName, 'displayName', errors) ?? row.displayName.trim();
    const department = parsed(text(50), row.department, 'department', errors) ?? '';

    const roles: Role[] = [];
    const unknown: string[] = [];
    for (const part of row.roles.split(ROLE_SEPARATORS)) {
      const name = part.trim();
      if (name === '') continue;
      const role = ROLE_ALIASES.get(name.toLowerCase());
      if (!role) unknown.push(name);
      else if (!roles.includes(role)) roles.push(role);
    }
    if (unknown.length > 0) {
      const value = unknown.join('、');
      errors.push({ column: 'roles', key: 'setup.rowErrors.unknownRole', params: { value } });
    }
    if (roles.length === 0 && unknown.length === 0) roles.push('host');

    const flag = row.head.trim().toLowerCase();
    const head = YES.has(flag);
    if (!head && !NO.has(flag)) {
      errors.push({
        column: 'head',
        key: 'setup.rowErrors.headValue',
        params: { value: row.head },
      });
    }
    if (head && !roles.includes('dept_head')) roles.push('dept_head');
    roles.sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b));

    const passwordGiven = row.password !== '';
    if (passwordGiven) parsed(password, row.password, 'password', errors);

    const existing =
      department === '' ? undefined : facts.departments.get(departmentKey(department));
    if (head && department === '') {
      errors.push({ column: 'head', key: 'setup.rowErrors.headWithoutDepartment' });
    } else if (head && existing?.headName) {
      errors.push({
        column: 'head',
        key: 'setup.rowErrors.headExists',
        params: { name: existing.headName },
      });
    }
    if (facts.takenLogins.has(login)) {
      errors.push({ column: 'login', key: 'validation.loginTaken' });
    }
    if (login !== '') loginLines.set(login, [...(loginLines.get(login) ?? []), row.line]);
    if (head && department !== '') {
      const key = departmentKey(department);
      headLines.set(key, [...(headLines.get(key) ?? []), row.line]);
    }
    return {
      line: row.line,
      login,
      displayName,
      department: department === '' ? null : department,
      roles,
      head,
      passwordGiven,
      newDepartment: department !== '' && existing === undefined,
      errors,
    };
  });

  // Twice in one sheet: every such row says which lines clash, so either can be fixed.
  for (const row of checked) {
    const same = loginLines.get(row.login) ?? [];
    if (same.length > 1) {
      const lines = same.filter((l) => l !== row.line).join('、');
      row.errors.push({ column: 'login', key: 'setup.rowErrors.loginTwice', params: { lines } });
    }
    const heads =
      row.head && row.department ? (headLines.get(departmentKey(row.department)) ?? []) : [];
    if (heads.length > 1) {
      const lines = heads.filter((l) => l !== row.line).join('、');
      row.errors.push({ column: 'head', key: 'setup.rowErrors.headTwice', params: { lines } });
    }
  }

  const newDepartments = new Set(
    checked.filter((r) => r.newDepartment).map((r) => departmentKey(r.department ?? '')),
  );
  return {
    rows: checked,
    counts: {
      users: checked.length,
      newDepartments: newDepartments.size,
      heads: checked.filter((r) => r.head).length,
      errorRows: checked.filter((r) => r.errors.length > 0).length,
    },
  };
}
