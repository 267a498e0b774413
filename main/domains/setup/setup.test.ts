import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { OpInput } from '../../../shared/contract/operations';
import type { ImportRowInput } from '../../../shared/setup';
import {
  adminApp,
  createUser,
  signIn,
  useArgon2id,
  USER_PASSWORD,
  type SignedIn,
  type TestApp,
} from '../../test-support';
import { decodeText, MAX_UNPACKED_BYTES, readSheet } from './sheets';
import { HEADER, twentyPeople, xlsxBase64, type SheetRow } from './test-sheets';

const preview = (t: TestApp, admin: SignedIn, data: string, fileName = 'users.xlsx') =>
  t.ok('setup.importPreview', { fileName, data }, admin.token);

/** What the dialog sends to import: the previewed rows, blank passwords made up. */
const withPasswords = (rows: ImportRowInput[]) =>
  rows.map((r) => ({ ...r, password: r.password || `made-up-${r.login}` }));

const importInput = (rows: ImportRowInput[]): OpInput<'setup.import'> => ({
  fileName: 'users.xlsx',
  rows: withPasswords(rows),
});

const linesOf = (t: TestApp) => async (admin: SignedIn) =>
  (await t.ok('setup.checklist', {}, admin.token)).lines;

describe('setup.checklist', () => {
  it('starts with everything but the company name missing, and follows each fix', async () => {
    const { t, admin } = await adminApp();
    const lines = linesOf(t);
    const missing = async () =>
      Object.fromEntries((await lines(admin)).map((l) => [l.key, l.missing.map((m) => m.key)]));
    expect(await missing()).toEqual({
      company: ['setup.missing.timeZone'],
      departments: ['setup.missing.noDepartments'],
      roles: [
        'setup.missing.host',
        'setup.missing.role',
        'setup.missing.role',
        'setup.missing.role',
      ],
      policy: ['setup.missing.policy'],
    });

    await t.ok(
      'settings.update',
      { companyName: '示例科技', timeZone: 'Asia/Shanghai', idleLockMinutes: 10 },
      admin.token,
    );
    await t.ok('setup.reviewPolicy', {}, admin.token);
    const dept = await t.ok(
      'departments.create',
      { name: '销售部', headUserId: null },
      admin.token,
    );
    expect((await missing()).departments).toEqual(['setup.missing.heads']);
    expect((await lines(admin)).find((l) => l.key === 'departments')?.missing[0]?.names).toEqual([
      '销售部',
    ]);
    const head = await createUser(t, admin.token, {
      login: 'head',
      roles: ['dept_head', 'host'],
      departmentId: dept.id,
    });
    await t.ok(
      'departments.update',
      { id: dept.id, name: '销售部', headUserId: head },
      admin.token,
    );
    await createUser(t, admin.token, { login: 'gm', roles: ['executive'] });
    const office = await createUser(t, admin.token, { login: 'office', roles: ['admin_office'] });
    const list = await t.ok('setup.checklist', {}, admin.token);
    expect(list.done).toBe(true);

    // Disabling the only admin office person brings its line back: nobody could file.
    await t.ok(
      'users.update',
      {
        id: office,
        displayName: 'office',
        departmentId: null,
        roles: ['admin_office'],
        disabled: true,
      },
      admin.token,
    );
    expect((await missing()).roles).toEqual(['setup.missing.role']);
  });

  it('counts a saved policy as reviewed', async () => {
    const { t, admin } = await adminApp();
    const policy = await t.ok('policy.get', {}, admin.token);
    await t.ok('policy.update', { policy: policy.policy, note: '核对' }, admin.token);
    const line = (await linesOf(t)(admin)).find((l) => l.key === 'policy');
    expect(line?.done).toBe(true);
  });

  it('is the sysadmin’s: anyone else is refused and nothing is marked', async () => {
    const { t, admin } = await adminApp();
    await createUser(t, admin.token, { login: 'host', roles: ['host', 'admin_office'] });
    const token = await signIn(t, 'host', USER_PASSWORD);
    for (const [op, input] of [
      ['setup.checklist', {}],
      ['setup.reviewPolicy', {}],
      ['setup.importTemplate', { language: 'zh-CN' }],
      ['setup.importPreview', { fileName: 'a.csv', data: '' }],
      ['setup.import', { fileName: 'a.csv', rows: [] }],
      ['setup.passwordSheet', { language: 'zh-CN', rows: [] }],
    ] as const) {
      expect((await t.fail(op, input, token)).code, op).toBe('FORBIDDEN');
    }
    expect(t.count('settings', "key LIKE 'setup.%'")).toBe(0);
  });
});

describe('reading a sheet', () => {
  it('decodes UTF-8 with and without BOM, UTF-16 with BOM, and GBK (Excel’s CSV in China)', () => {
    const text = '登录名,姓名\r\nzhang,张三\r\n';
    const gbk = Buffer.from(
      // "登录名,姓名\r\nzhang,张三\r\n" in GBK, as Excel on a Chinese Windows saves it.
      'b5c7c2bcc3fb2cd0d5c3fb0d0a7a68616e672cd5c5c8fd0d0a',
      'hex',
    );
    expect(decodeText(Buffer.from(text, 'utf8'))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(
      text,
    );
    expect(
      decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])),
    ).toBe(text);
    expect(decodeText(gbk)).toBe(text);
  });

  it('reads an xlsx the way Excel shows it: numbers as typed, blank cells empty', async () => {
    const data = await xlsxBase64([HEADER, [1001, '张三', null, 'host', null, null]]);
    const table = await readSheet(Buffer.from(data, 'base64'));
    expect(table).toEqual([HEADER, ['1001', '张三', '', 'host']]);
  });

  it('reads a sheet with a whole-sheet data validation at once (exceljs would expand it per cell)', async () => {
    const data = Buffer.from(await xlsxBase64([HEADER, ['wang', '王五', null, 'host']]), 'base64');
    const zip = await JSZip.loadAsync(data);
    const name = 'xl/worksheets/sheet1.xml';
    const xml = await zip.file(name)!.async('string');
    const validation =
      '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576">' +
      '<formula1>"是,否"</formula1></dataValidation></dataValidations>';
    zip.file(name, xml.replace('</sheetData>', `</sheetData>${validation}`));
    const withValidation = await zip.generateAsync({ type: 'nodebuffer' });
    const started = Date.now();
    expect(await readSheet(withValidation)).toEqual([HEADER, ['wang', '王五', '', 'host']]);
    // Unbounded before; now the time of any small sheet (generous for a busy machine).
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses an xlsx that unpacks to more than 10 MB, before reading it', async () => {
    const zip = new JSZip();
    zip.file('xl/worksheets/sheet1.xml', ' '.repeat(MAX_UNPACKED_BYTES + 1));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(150 * 1024);
    await expect(readSheet(bomb)).rejects.toMatchObject({ key: 'setup.errors.fileTooComplex' });
  });

  it('refuses what is not a sheet with a clear message, never a 500', async () => {
    const { t, admin } = await adminApp();
    const cases: [string, string][] = [
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]).toString('base64'), 'setup.errors.oldExcel'],
      [Buffer.from('PK\u0003\u0004garbage').toString('base64'), 'setup.errors.fileUnreadable'],
      [Buffer.from('').toString('base64'), 'setup.errors.emptySheet'],
      [Buffer.from('姓名,部门\n张三,销售部').toString('base64'), 'setup.errors.columnsMissing'],
      [Buffer.alloc(150 * 1024 + 1, 0x41).toString('base64'), 'errors.INVALID_INPUT'],
      ['not base64!', 'errors.INVALID_INPUT'],
    ];
    for (const [data, key] of cases) {
      const error = await t.fail('setup.importPreview', { fileName: 'x', data }, admin.token);
      expect(error.key, key).toBe(key);
      expect(error.code).toBe('INVALID_INPUT');
    }
    // Refused by the schema: the field says why in the schema's own words, not a generic one.
    const fields = async (data: string) =>
      (await t.fail('setup.importPreview', { fileName: 'x', data }, admin.token)).fieldErrors;
    expect(await fields('not base64!')).toEqual({ data: { key: 'setup.errors.fileUnreadable' } });
    expect(await fields('A'.repeat(300 * 1024))).toEqual({
      data: { key: 'errors.PAYLOAD_TOO_LARGE' },
    });
  });
});

describe('setup.importPreview and setup.import', () => {
  it('imports a 20-person xlsx: departments, heads, roles, audit; then the checklist is done', async () => {
    const { t, admin } = await adminApp();
    const before = t.snapshot(['users', 'departments', 'user_roles']);
    const shown = await preview(t, admin, await xlsxBase64(twentyPeople()));
    // The preview saved nothing.
    expect(t.snapshot(['users', 'departments', 'user_roles'])).toEqual(before);
    expect(shown.check.counts).toEqual({ users: 20, newDepartments: 4, heads: 4, errorRows: 0 });
    expect(shown.rows[0]).toMatchObject({ line: 2, login: 'li.bu', head: '是' });

    const counts = await t.ok('setup.import', importInput(shown.rows), admin.token);
    expect(counts).toEqual({ users: 20, newDepartments: 4, heads: 4, errorRows: 0 });
    expect(t.count('users')).toBe(21);
    expect(t.count('users', 'must_change_password = 1')).toBe(20);
    expect(
      t.rows(
        'SELECT d.name, u.login FROM departments d JOIN users u ON u.id = d.head_user_id ORDER BY d.name',
      ),
    ).toEqual([
      { name: '人事行政部', login: 'liu.xz' },
      { name: '技术部', login: 'zhao.jl' },
      { name: '财务部', login: 'sun.cw' },
      { name: '销售部', login: 'li.bu' },
    ]);
    expect(
      t
        .rows<{ role: string }>(
          "SELECT r.role FROM user_roles r JOIN users u ON u.id = r.user_id WHERE u.login = 'li.bu' ORDER BY r.role",
        )
        .map((r) => r.role),
    ).toEqual(['dept_head', 'host']);
    // One entry per department, user and head, and one for the import with its counts.
    expect(t.count('audit_log', "operation = 'setup.import' AND entity_type = 'user'")).toBe(20);
    expect(t.count('audit_log', "operation = 'setup.import' AND entity_type = 'department'")).toBe(
      8,
    );
    const entry = t.rows<{ summary: string }>(
      "SELECT summary FROM audit_log WHERE entity_type = 'userImport'",
    );
    expect(entry.map((e) => JSON.parse(e.summary) as unknown)).toEqual([
      { fileName: 'users.xlsx', importedUsers: 20, createdDepartments: 4, headsSet: 4 },
    ]);

    // An imported person signs in with the password he was given, and must change it first.
    const token = await signIn(t, 'liu.xz', 'office-pass-2026');
    expect((await t.fail('requests.list', { scope: 'mine' }, token)).key).toBe(
      'errors.mustChangePassword',
    );
    expect(await signIn(t, 'host01', 'made-up-host01')).toBeTruthy();

    await t.ok(
      'settings.update',
      { companyName: '示例科技', timeZone: 'Asia/Shanghai', idleLockMinutes: 10 },
      admin.token,
    );
    await t.ok('setup.reviewPolicy', {}, admin.token);
    expect((await t.ok('setup.checklist', {}, admin.token)).done).toBe(true);
  });

  it('shows every row’s errors and imports nothing while any is left', async () => {
    const { t, admin } = await adminApp();
    await createUser(t, admin.token, { login: 'taken', roles: ['host'] });
    const rows: SheetRow[] = [
      HEADER,
      ['ok.one', '甲', '销售部', 'host', null, null],
      ['taken', '乙', null, null, null, null],
      ['bad login', '丙', null, null, null, null],
      ['dup', '丁', null, null, null, null],
      ['DUP', '戊', null, null, null, null],
      ['nobody', null, null, '老板', null, null],
      ['x', '己', '销售部', null, '也许', 'short'],
    ];
    const shown = await preview(t, admin, await xlsxBase64(rows));
    expect(shown.check.rows.map((r) => [r.line, r.errors.map((e) => e.key)])).toEqual([
      [2, []],
      [3, ['validation.loginTaken']],
      [4, ['validation.loginNameChars']],
      [5, ['setup.rowErrors.loginTwice']],
      [6, ['setup.rowErrors.loginTwice']],
      [7, ['validation.required', 'setup.rowErrors.unknownRole']],
      [8, ['validation.loginNameLength', 'setup.rowErrors.headValue', 'validation.passwordLength']],
    ]);
    expect(shown.check.counts).toMatchObject({ users: 7, newDepartments: 1, errorRows: 6 });

    const before = t.snapshot(['users', 'departments', 'user_roles', 'audit_log']);
    const refused = await t.fail('setup.import', importInput(shown.rows), admin.token);
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      key: 'setup.errors.importHasErrors',
      params: { count: 6 },
    });
    expect(t.snapshot(['users', 'departments', 'user_roles', 'audit_log'])).toEqual(before);
  });

  it('checks again on import: a login taken since the preview refuses the whole sheet', async () => {
    const { t, admin } = await adminApp();
    const shown = await preview(t, admin, await xlsxBase64(twentyPeople()));
    expect(shown.check.counts.errorRows).toBe(0);
    // Someone creates host07 by hand between the preview and the confirmation.
    await createUser(t, admin.token, { login: 'host07', roles: ['host'] });
    const before = t.snapshot(['users', 'departments', 'user_roles']);
    const refused = await t.fail('setup.import', importInput(shown.rows), admin.token);
    expect(refused).toMatchObject({ code: 'CONFLICT', params: { count: 1 } });
    expect(t.snapshot(['users', 'departments', 'user_roles'])).toEqual(before);

    // Rows edited by hand after the preview are checked the same way (a bad role, here).
    const edited = shown.rows
      .filter((r) => r.login !== 'host07')
      .map((r) => (r.login === 'host08' ? { ...r, roles: 'root' } : r));
    expect((await t.fail('setup.import', importInput(edited), admin.token)).code).toBe('CONFLICT');
    expect(t.count('users')).toBe(2);
  });

  it('tells department names apart as the database does: "sales" is the existing "Sales"', async () => {
    const { t, admin } = await adminApp();
    await t.ok('departments.create', { name: 'Sales', headUserId: null }, admin.token);
    const csv =
      '登录名,姓名,部门,角色,部门负责人\r\n' +
      'amy,Amy,sales,接待负责人,是\r\n' +
      'bob,Bob,Marketing,接待负责人,否\r\n' +
      'cat,Cat,MARKETING,接待负责人,否\r\n';
    const shown = await preview(t, admin, Buffer.from(csv).toString('base64'), 'users.csv');
    expect(shown.check.rows.map((r) => [r.login, r.newDepartment, r.errors])).toEqual([
      ['amy', false, []],
      ['bob', true, []],
      ['cat', true, []],
    ]);
    expect(shown.check.counts.newDepartments).toBe(1);
    await t.ok('setup.import', importInput(shown.rows), admin.token);
    expect(
      t.rows<{ login: string; department: string }>(
        'SELECT u.login, d.name AS department FROM users u JOIN departments d ON d.id = u.department_id ORDER BY u.login',
      ),
    ).toEqual([
      { login: 'amy', department: 'Sales' },
      { login: 'bob', department: 'Marketing' },
      { login: 'cat', department: 'Marketing' },
    ]);
    expect(t.count('departments')).toBe(2);
  });

  it('takes UTF-8 and GBK CSV files alike', async () => {
    const { t, admin } = await adminApp();
    const csv = '登录名,姓名,部门,角色,部门负责人\r\nwang,王五,"销售部",接待负责人,否\r\n';
    const gbk = new TextEncoderGbk().encode(csv);
    for (const bytes of [Buffer.from('\uFEFF' + csv), gbk]) {
      const shown = await preview(t, admin, bytes.toString('base64'), 'users.csv');
      expect(shown.check.rows.map((r) => [r.login, r.displayName, r.department, r.roles])).toEqual([
        ['wang', '王五', '销售部', ['host']],
      ]);
    }
  });

  it('hashes 80 real Argon2id passwords within the dispatcher’s patience', async () => {
    useArgon2id();
    const { t, admin } = await adminApp();
    const rows: SheetRow[] = [HEADER];
    for (let i = 0; i < 80; i++)
      rows.push([`p${i}`, `员工${i}`, `部门${i % 8}`, 'host', null, null]);
    const shown = await preview(t, admin, await xlsxBase64(rows));
    const started = performance.now();
    await t.ok('setup.import', importInput(shown.rows), admin.token);
    const ms = performance.now() - started;
    console.info(`setup.import of 80 users with Argon2id: ${Math.round(ms)} ms`);
    // SQLite's busy timeout (5 s) is what another writer waits: the import must stay well within.
    expect(ms).toBeLessThan(4_000);
    expect(t.count('users')).toBe(81);
  }, 30_000);
});

describe('the template and the passwords sheet', () => {
  it('the template reads back as a sheet with the right columns and no rows', async () => {
    const { t, admin } = await adminApp();
    for (const language of ['zh-CN', 'en'] as const) {
      const template = await t.ok('setup.importTemplate', { language }, admin.token);
      expect(template.fileName).toMatch(/\.xlsx$/);
      const table = await readSheet(Buffer.from(template.data, 'base64'));
      expect(table[0]).toHaveLength(6);
      expect(
        (await t.fail('setup.importPreview', { fileName: 'x', data: template.data }, admin.token))
          .key,
      ).toBe('setup.errors.noRows');
    }
  });

  it('the passwords sheet holds each login, name and password as plain text', async () => {
    const { t, admin } = await adminApp();
    const sheet = await t.ok(
      'setup.passwordSheet',
      { language: 'zh-CN', rows: [{ login: 'a', displayName: '=1+1', password: '00123456' }] },
      admin.token,
    );
    const table = await readSheet(Buffer.from(sheet.data, 'base64'));
    expect(table).toEqual([
      ['登录名', '姓名', '初始密码'],
      ['a', '=1+1', '00123456'],
    ]);
  });
});

/** GBK bytes of a text, as Excel writes them (Node decodes GBK but does not encode it). */
class TextEncoderGbk {
  encode(text: string): Buffer {
    const decoder = new TextDecoder('gbk');
    const table = new Map<string, number[]>();
    // Every two-byte GBK code: enough for the characters of these tests.
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        const ch = decoder.decode(Uint8Array.of(hi, lo));
        if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
      }
    }
    const out: number[] = [];
    for (const ch of text) {
      const code = ch.charCodeAt(0);
      if (code < 0x80) out.push(code);
      else out.push(...(table.get(ch) ?? [0x3f]));
    }
    return Buffer.from(out);
  }
}
