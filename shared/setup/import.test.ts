import { describe, expect, it } from 'vitest';
import {
  checkImport,
  headerColumn,
  MAX_IMPORT_ROWS,
  sheetRows,
  type ImportFacts,
  type ImportRowInput,
} from './import';

const NONE: ImportFacts = { takenLogins: new Set(), departments: new Map() };

const row = (line: number, patch: Partial<ImportRowInput> = {}): ImportRowInput => ({
  line,
  login: `user${line}`,
  displayName: `用户${line}`,
  department: '',
  roles: '',
  head: '',
  password: '',
  ...patch,
});

describe('headerColumn', () => {
  const cases: [string, string | null][] = [
    ['登录名 / Login', 'login'],
    ['Login name', 'login'],
    ['姓名', 'displayName'],
    ['Name / 姓名', 'displayName'],
    ['部门', 'department'],
    ['部门负责人 / Department head', 'head'],
    ['Department', 'department'],
    ['角色 / Roles', 'roles'],
    ['初始密码', 'password'],
    ['备注', null],
    ['', null],
  ];
  it.each(cases)('%s → %s', (cell, column) => expect(headerColumn(cell)).toBe(column));
});

describe('sheetRows', () => {
  it('maps the header in any order, skips blank rows and keeps the sheet line numbers', () => {
    const read = sheetRows([
      [],
      ['姓名', '备注', '登录名 / Login'],
      ['张三', 'x', 'zhang'],
      ['', '', ''],
      ['李四', '', 'li'],
    ]);
    expect(read).toEqual({
      ok: true,
      rows: [
        {
          line: 3,
          login: 'zhang',
          displayName: '张三',
          department: '',
          roles: '',
          head: '',
          password: '',
        },
        {
          line: 5,
          login: 'li',
          displayName: '李四',
          department: '',
          roles: '',
          head: '',
          password: '',
        },
      ],
    });
  });

  const refusals: [string, string[][], string][] = [
    ['an empty sheet', [[], ['  ']], 'setup.errors.emptySheet'],
    [
      'no login column',
      [
        ['姓名', '部门'],
        ['张三', '销售部'],
      ],
      'setup.errors.columnsMissing',
    ],
    ['a header alone', [['登录名', '姓名']], 'setup.errors.noRows'],
    [
      'too many rows',
      [
        ['登录名', '姓名'],
        ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => [`u${i}`, 'x']),
      ],
      'setup.errors.tooManyRows',
    ],
  ];
  it.each(refusals)('refuses %s', (_, table, key) => {
    const read = sheetRows(table);
    expect(read.ok).toBe(false);
    expect(read.ok ? null : read.error.key).toBe(key);
  });
});

describe('checkImport', () => {
  /** [case, rows, facts, the errors of each row as "column key", and some values]. */
  const cases: [string, ImportRowInput[], ImportFacts, string[][]][] = [
    ['a clean row', [row(2)], NONE, [[]]],
    [
      'login missing and name missing',
      [row(2, { login: '', displayName: ' ' })],
      NONE,
      [['login validation.loginNameLength', 'displayName validation.required']],
    ],
    [
      'bad login characters',
      [row(2, { login: '张三' })],
      NONE,
      [['login validation.loginNameChars']],
    ],
    [
      'name too long',
      [row(2, { displayName: '名'.repeat(51) })],
      NONE,
      [['displayName validation.tooLong']],
    ],
    [
      'department too long',
      [row(2, { department: '部'.repeat(51) })],
      NONE,
      [['department validation.tooLong']],
    ],
    [
      'control characters in a name',
      [row(2, { displayName: 'a\u0000b' })],
      NONE,
      [['displayName validation.invisibleChars']],
    ],
    [
      'the same login twice (any case)',
      [row(2, { login: 'Zhang' }), row(3, { login: 'zhang' })],
      NONE,
      [['login setup.rowErrors.loginTwice'], ['login setup.rowErrors.loginTwice']],
    ],
    [
      'a login already taken',
      [row(2, { login: 'admin' })],
      { ...NONE, takenLogins: new Set(['admin']) },
      [['login validation.loginTaken']],
    ],
    [
      'an unknown role',
      [row(2, { roles: '接待负责人、老板' })],
      NONE,
      [['roles setup.rowErrors.unknownRole']],
    ],
    [
      'a head flag that is neither yes nor no',
      [row(2, { department: '销售部', head: '也许' })],
      NONE,
      [['head setup.rowErrors.headValue']],
    ],
    [
      'a head without a department',
      [row(2, { head: '是' })],
      NONE,
      [['head setup.rowErrors.headWithoutDepartment']],
    ],
    [
      'two heads for one department',
      [
        row(2, { department: '销售部', head: '是' }),
        row(3, { department: '销售部', head: 'yes' }),
        row(4, { department: '财务部', head: '是' }),
      ],
      NONE,
      [['head setup.rowErrors.headTwice'], ['head setup.rowErrors.headTwice'], []],
    ],
    [
      'a head for a department that has one',
      [row(2, { department: '销售部', head: '是' })],
      {
        ...NONE,
        departments: new Map([['销售部', { headName: '李部长' }]]),
      },
      [['head setup.rowErrors.headExists']],
    ],
    [
      'a short password',
      [row(2, { password: 'short' })],
      NONE,
      [['password validation.passwordLength']],
    ],
  ];
  it.each(cases)('%s', (_, rows, facts, errors) => {
    const check = checkImport(rows, facts);
    expect(check.rows.map((r) => r.errors.map((e) => `${e.column} ${e.key}`))).toEqual(errors);
    expect(check.counts.errorRows).toBe(errors.filter((e) => e.length > 0).length);
  });

  it('reads roles by code or by name in either language, with 、 , ， ; as separators', () => {
    const check = checkImport(
      [
        row(2, { roles: 'finance、接待负责人' }),
        row(3, { roles: 'Front desk, executive；人事行政部' }),
        row(4, { roles: '' }),
        row(5, { department: '销售部', head: '是', roles: '接待负责人' }),
      ],
      NONE,
    );
    expect(check.rows.map((r) => r.roles)).toEqual([
      ['host', 'finance'],
      ['executive', 'admin_office', 'front_desk'],
      // Left blank: a host, as most people imported are.
      ['host'],
      // A head decides his department's first step: he gets the role.
      ['host', 'dept_head'],
    ]);
  });

  it('says which departments are new and counts what the import would do', () => {
    const check = checkImport(
      [
        row(2, { department: '销售部', head: '是', password: 'given password 1' }),
        row(3, { department: '销售部' }),
        row(4, { department: '财务部' }),
        row(5, { department: '研发部' }),
        row(6),
      ],
      { ...NONE, departments: new Map([['研发部', { headName: null }]]) },
    );
    expect(check.rows.map((r) => [r.department, r.newDepartment, r.passwordGiven])).toEqual([
      ['销售部', true, true],
      ['销售部', true, false],
      ['财务部', true, false],
      ['研发部', false, false],
      [null, false, false],
    ]);
    expect(check.counts).toEqual({ users: 5, newDepartments: 2, heads: 1, errorRows: 0 });
  });

  it('lower-cases and trims logins as users.create does', () => {
    expect(checkImport([row(2, { login: '  Zhang.San ' })], NONE).rows[0]!.login).toBe('zhang.san');
  });
});
