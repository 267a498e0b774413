import { describe, expect, it } from 'vitest';
import { adminApp, createUser, signedInUser, type TestApp } from '../../test-support';

const audits = (t: TestApp, operation: string) =>
  t
    .rows<{
      entity_id: string;
      summary: string;
    }>('SELECT entity_id, summary FROM audit_log WHERE operation = ? ORDER BY id', operation)
    .map((r) => ({ entityId: r.entity_id, summary: JSON.parse(r.summary) as unknown }));

describe('departments', () => {
  it('creates, updates and lists departments with head name and member count', async () => {
    const { t, admin } = await adminApp();
    const sales = await t.ok(
      'departments.create',
      { name: '  销售部 ', headUserId: null },
      admin.token,
    );
    expect(sales).toEqual({
      id: sales.id,
      name: '销售部',
      headUserId: null,
      headName: null,
      memberCount: 0,
    });
    const headId = await createUser(t, admin.token, {
      login: 'wang.wu',
      displayName: '王五',
      roles: ['dept_head'],
      departmentId: sales.id,
    });
    await createUser(t, admin.token, {
      login: 'zhao.liu',
      roles: ['host'],
      departmentId: sales.id,
    });
    const updated = await t.ok(
      'departments.update',
      { id: sales.id, name: '销售一部', headUserId: headId },
      admin.token,
    );
    expect(updated).toEqual({
      id: sales.id,
      name: '销售一部',
      headUserId: headId,
      headName: '王五',
      memberCount: 2,
    });
    const finance = await t.ok(
      'departments.create',
      { name: '财务部', headUserId: null },
      admin.token,
    );
    const list = await t.ok('departments.list', {}, admin.token);
    expect(list).toHaveLength(2);
    expect(list).toContainEqual(updated);
    expect(list).toContainEqual({ ...finance, memberCount: 0 });
  });

  it('any signed-in role can list departments, but only sysadmins manage them', async () => {
    const { t, admin } = await adminApp();
    await t.ok('departments.create', { name: '销售部', headUserId: null }, admin.token);
    const host = await signedInUser(t, admin.token, { login: 'host1', roles: ['host'] });
    await expect(t.ok('departments.list', {}, host.token)).resolves.toHaveLength(1);
    const error = await t.fail(
      'departments.create',
      { name: '市场部', headUserId: null },
      host.token,
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(t.count('departments')).toBe(1);
  });

  it('department names are unique regardless of letter case, on create and on rename', async () => {
    const { t, admin } = await adminApp();
    await t.ok('departments.create', { name: 'Sales', headUserId: null }, admin.token);
    const other = await t.ok(
      'departments.create',
      { name: 'Finance', headUserId: null },
      admin.token,
    );
    for (const name of ['Sales', 'SALES', ' sales ']) {
      const error = await t.fail('departments.create', { name, headUserId: null }, admin.token);
      expect(error.fieldErrors?.name).toEqual({ key: 'validation.nameTaken' });
    }
    const rename = await t.fail(
      'departments.update',
      { id: other.id, name: 'sales', headUserId: null },
      admin.token,
    );
    expect(rename.fieldErrors?.name).toEqual({ key: 'validation.nameTaken' });
    expect(t.count('departments')).toBe(2);
    // Changing only the letter case of its own name is fine.
    const recased = await t.ok(
      'departments.update',
      { id: other.id, name: 'FINANCE', headUserId: null },
      admin.token,
    );
    expect(recased.name).toBe('FINANCE');
  });

  it('a department with members cannot be deleted; once empty it can', async () => {
    const { t, admin } = await adminApp();
    const sales = await t.ok(
      'departments.create',
      { name: '销售部', headUserId: null },
      admin.token,
    );
    const ids = [
      await createUser(t, admin.token, {
        login: 'a.user',
        roles: ['host'],
        departmentId: sales.id,
      }),
      await createUser(t, admin.token, {
        login: 'b.user',
        roles: ['host'],
        departmentId: sales.id,
      }),
    ];
    const error = await t.fail('departments.delete', { id: sales.id }, admin.token);
    expect(error).toMatchObject({
      code: 'CONFLICT',
      key: 'errors.departmentHasMembers',
      params: { count: 2 },
    });
    expect(error.message).toContain('2');
    expect(t.count('departments')).toBe(1);
    expect(audits(t, 'departments.delete')).toEqual([]);

    for (const id of ids) {
      await t.ok(
        'users.update',
        { id, displayName: 'x', departmentId: null, roles: ['host'], disabled: false },
        admin.token,
      );
    }
    await t.ok('departments.delete', { id: sales.id }, admin.token);
    expect(t.count('departments')).toBe(0);
  });

  it('disabled members still keep a department from being deleted', async () => {
    const { t, admin } = await adminApp();
    const sales = await t.ok(
      'departments.create',
      { name: '销售部', headUserId: null },
      admin.token,
    );
    const id = await createUser(t, admin.token, {
      login: 'a.user',
      roles: ['host'],
      departmentId: sales.id,
    });
    await t.ok(
      'users.update',
      { id, displayName: 'x', departmentId: sales.id, roles: ['host'], disabled: true },
      admin.token,
    );
    expect((await t.fail('departments.delete', { id: sales.id }, admin.token)).code).toBe(
      'CONFLICT',
    );
  });

  it('deleting or updating a department that does not exist gives NOT_FOUND', async () => {
    const { t, admin } = await adminApp();
    expect((await t.fail('departments.delete', { id: 77 }, admin.token)).code).toBe('NOT_FOUND');
    const error = await t.fail(
      'departments.update',
      { id: 77, name: 'x', headUserId: null },
      admin.token,
    );
    expect(error.code).toBe('NOT_FOUND');
  });

  it('the department head must be an existing, active user', async () => {
    const { t, admin } = await adminApp();
    const disabledId = await createUser(t, admin.token, { login: 'gone', roles: ['dept_head'] });
    await t.ok(
      'users.update',
      {
        id: disabledId,
        displayName: 'gone',
        departmentId: null,
        roles: ['dept_head'],
        disabled: true,
      },
      admin.token,
    );
    for (const headUserId of [9999, disabledId]) {
      const error = await t.fail('departments.create', { name: '销售部', headUserId }, admin.token);
      expect(error.fieldErrors?.headUserId).toEqual({ key: 'errors.headInvalid' });
    }
    expect(t.count('departments')).toBe(0);

    const dept = await t.ok(
      'departments.create',
      { name: '销售部', headUserId: null },
      admin.token,
    );
    const error = await t.fail(
      'departments.update',
      { id: dept.id, name: '销售部', headUserId: disabledId },
      admin.token,
    );
    expect(error.fieldErrors?.headUserId).toEqual({ key: 'errors.headInvalid' });
    const ok = await t.ok(
      'departments.update',
      { id: dept.id, name: '销售部', headUserId: admin.userId },
      admin.token,
    );
    expect(ok.headUserId).toBe(admin.userId);
  });

  it('names must be 1 to 50 characters after trimming', async () => {
    const { t, admin } = await adminApp();
    for (const [name, key] of [
      ['   ', 'validation.required'],
      ['部'.repeat(51), 'validation.tooLong'],
    ] as const) {
      const error = await t.fail('departments.create', { name, headUserId: null }, admin.token);
      expect(error.fieldErrors?.name?.key).toBe(key);
    }
    await t.ok('departments.create', { name: '部'.repeat(50), headUserId: null }, admin.token);
  });

  it('audit summaries record what was created, changed (from/to) and deleted', async () => {
    const { t, admin } = await adminApp();
    const d = await t.ok('departments.create', { name: '销售部', headUserId: null }, admin.token);
    await t.ok(
      'departments.update',
      { id: d.id, name: '市场部', headUserId: admin.userId },
      admin.token,
    );
    await t.ok('departments.delete', { id: d.id }, admin.token);
    const id = String(d.id);
    expect(audits(t, 'departments.create')).toEqual([
      { entityId: id, summary: { name: '销售部', head: null } },
    ]);
    // Names, not ids: the log shows the entry as it was written.
    const adminName = t.rows<{ n: string }>(
      'SELECT display_name AS n FROM users WHERE id = ?',
      admin.userId,
    )[0]?.n;
    expect(audits(t, 'departments.update')).toEqual([
      {
        entityId: id,
        summary: {
          name: '市场部',
          changes: {
            name: { from: '销售部', to: '市场部' },
            headName: { from: null, to: adminName },
          },
        },
      },
    ]);
    expect(audits(t, 'departments.delete')).toEqual([
      { entityId: id, summary: { name: '市场部' } },
    ]);
  });
});
