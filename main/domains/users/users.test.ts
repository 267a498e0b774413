import { describe, expect, it } from 'vitest';
import type { OpInput, OpParsed } from '../../../shared/contract/operations';
import {
  ADMIN,
  adminApp,
  createUser,
  makeTestApp,
  signedInAdmin,
  signIn,
  type SignedIn,
  type TestApp,
} from '../../test-support';
import type { AuditRecord, ServiceContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { updateUser } from './users';

const lastAudit = (t: TestApp, operation: string) => {
  const row = t.rows<{ summary: string; entity_id: string }>(
    'SELECT summary, entity_id FROM audit_log WHERE operation = ? ORDER BY id DESC LIMIT 1',
    operation,
  )[0];
  return row ? { entityId: row.entity_id, summary: JSON.parse(row.summary) as unknown } : null;
};

/** The users.update input of a sysadmin without a department, with these changes. */
const sysadminUpdate = (
  id: number,
  displayName: string,
  change: Partial<OpInput<'users.update'>> = {},
): OpInput<'users.update'> => ({
  id,
  displayName,
  departmentId: null,
  roles: ['sysadmin'],
  disabled: false,
  ...change,
});
const selfUpdate = (admin: SignedIn, change: Partial<OpInput<'users.update'>>) =>
  sysadminUpdate(admin.userId, ADMIN.displayName, change);

const activeSysadmins = (t: TestApp) =>
  t.count(
    'users JOIN user_roles ON user_roles.user_id = users.id',
    "user_roles.role = 'sysadmin' AND users.disabled = 0",
  );

describe('users', () => {
  it('users.create stores a lower-cased login, roles and department, and users.list shows them', async () => {
    const { t, admin } = await adminApp();
    const dept = await t.ok(
      'departments.create',
      { name: '销售部', headUserId: null },
      admin.token,
    );
    const created = await t.ok(
      'users.create',
      {
        login: '  Li.Si ',
        displayName: '李四',
        departmentId: dept.id,
        roles: ['finance', 'host'],
        password: 'li-si-password',
      },
      admin.token,
    );
    expect(created).toMatchObject({
      login: 'li.si',
      displayName: '李四',
      departmentId: dept.id,
      departmentName: '销售部',
      language: 'zh-CN',
      disabled: false,
      lockedUntilMs: null,
      mustChangePassword: false,
      createdAtMs: t.now(),
    });
    expect([...created.roles].sort()).toEqual(['finance', 'host']);

    const list = await t.ok('users.list', {}, admin.token);
    expect(list.map((u) => u.login).sort()).toEqual(['admin', 'li.si']);
    expect(list.find((u) => u.id === created.id)).toEqual(created);
    // The new user can sign in with the given password.
    await signIn(t, 'li.si', 'li-si-password');
  });

  it('users.list never exposes password hashes', async () => {
    const { t, admin } = await adminApp();
    const list = await t.ok('users.list', {}, admin.token);
    const stored = t.rows<{ h: string }>('SELECT password_hash AS h FROM users');
    expect(stored).toHaveLength(1);
    // Not the hash, nor the digest at its end (whatever the hasher, Argon2id or the tests' own).
    for (const { h } of stored) expect(JSON.stringify(list)).not.toContain(h.slice(-16));
    for (const u of list) expect(Object.keys(u)).not.toContain('passwordHash');
  });

  it('users.update changes display name, department, roles and disabled flag', async () => {
    const { t, admin } = await adminApp();
    const dept = await t.ok(
      'departments.create',
      { name: '财务部', headUserId: null },
      admin.token,
    );
    const id = await createUser(t, admin.token, { login: 'li.si', roles: ['host'] });
    const updated = await t.ok(
      'users.update',
      {
        id,
        displayName: '李四（财务）',
        departmentId: dept.id,
        roles: ['finance'],
        disabled: true,
      },
      admin.token,
    );
    expect(updated).toMatchObject({
      id,
      login: 'li.si',
      displayName: '李四（财务）',
      departmentId: dept.id,
      departmentName: '财务部',
      roles: ['finance'],
      disabled: true,
    });
    expect((await t.ok('users.list', {}, admin.token)).find((u) => u.id === id)).toEqual(updated);
  });

  it('a duplicate login, in any letter case, gives fieldErrors.login validation.loginTaken', async () => {
    const { t, admin } = await adminApp();
    await createUser(t, admin.token, { login: 'li.si', roles: ['host'] });
    const before = t.count('users');
    for (const login of ['li.si', 'LI.SI', 'Li.Si', 'ADMIN']) {
      const error = await t.fail(
        'users.create',
        { login, displayName: 'x', departmentId: null, roles: ['host'], password: 'password-1' },
        admin.token,
      );
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.fieldErrors?.login).toEqual({ key: 'validation.loginTaken' });
    }
    expect(t.count('users')).toBe(before);
  });

  it('a user cannot be put in a department that does not exist', async () => {
    const { t, admin } = await adminApp();
    const error = await t.fail(
      'users.create',
      {
        login: 'li.si',
        displayName: 'x',
        departmentId: 999,
        roles: ['host'],
        password: 'password-1',
      },
      admin.token,
    );
    expect(error.fieldErrors?.departmentId?.key).toBe('errors.departmentNotFound');
    expect(t.count('users')).toBe(1);
  });

  it('roles must be known, at least one, and not repeated', async () => {
    const { t, admin } = await adminApp();
    const base = { login: 'li.si', displayName: 'x', departmentId: null, password: 'password-1' };
    const cases: [unknown, string][] = [
      [[], 'validation.rolesRequired'],
      [['host', 'host'], 'validation.duplicate'],
      [['root'], 'validation.invalidOption'],
    ];
    for (const [roles, key] of cases) {
      const error = await t.fail('users.create', { ...base, roles }, admin.token);
      const messages = Object.entries(error.fieldErrors ?? {});
      expect(messages.length, JSON.stringify(roles)).toBe(1);
      expect(messages[0]?.[0].startsWith('roles')).toBe(true);
      expect(messages[0]?.[1].key).toBe(key);
    }
    expect(t.count('users')).toBe(1);
  });

  it('updating a user that does not exist gives NOT_FOUND', async () => {
    const { t, admin } = await adminApp();
    const error = await t.fail(
      'users.update',
      { id: 4242, displayName: 'x', departmentId: null, roles: ['host'], disabled: false },
      admin.token,
    );
    expect(error.code).toBe('NOT_FOUND');
  });

  it('an administrator cannot disable themself', async () => {
    const { t, admin } = await adminApp();
    const error = await t.fail('users.update', selfUpdate(admin, { disabled: true }), admin.token);
    expect(error).toMatchObject({ code: 'CONFLICT', key: 'errors.selfLockout' });
    expect(activeSysadmins(t)).toBe(1);
  });

  it('an administrator cannot remove their own sysadmin role', async () => {
    const { t, admin } = await adminApp();
    const error = await t.fail('users.update', selfUpdate(admin, { roles: ['host'] }), admin.token);
    expect(error).toMatchObject({ code: 'CONFLICT', key: 'errors.selfLockout' });
    expect(activeSysadmins(t)).toBe(1);
  });

  it('an administrator can change the own name and add roles while staying sysadmin', async () => {
    const { t, admin } = await adminApp();
    const updated = await t.ok(
      'users.update',
      selfUpdate(admin, { displayName: '王总', roles: ['sysadmin', 'executive'] }),
      admin.token,
    );
    expect([...updated.roles].sort()).toEqual(['executive', 'sysadmin']);
  });

  it('a sysadmin can disable another sysadmin while an active sysadmin remains', async () => {
    const { t, admin } = await adminApp();
    const otherId = await createUser(t, admin.token, { login: 'admin2', roles: ['sysadmin'] });
    expect(activeSysadmins(t)).toBe(2);
    await t.ok('users.update', sysadminUpdate(otherId, 'admin2', { disabled: true }), admin.token);
    expect(activeSysadmins(t)).toBe(1);
  });

  it('the last active sysadmin cannot be disabled or lose the role (service called without a sysadmin actor)', async () => {
    const { t, admin } = await adminApp();
    // A second, disabled sysadmin does not count.
    const otherId = await createUser(t, admin.token, { login: 'admin2', roles: ['sysadmin'] });
    await t.ok('users.update', sysadminUpdate(otherId, 'admin2', { disabled: true }), admin.token);
    const audits: AuditRecord[] = [];
    const run = (input: OpParsed<'users.update'>) =>
      t.app.db.transaction().execute((trx) => {
        const ctx: ServiceContext = {
          db: trx,
          nowMs: t.now(),
          actor: null,
          sessionLocked: false,
          audit: (r) => audits.push(r),
          emit: () => undefined,
          setSessionToken: () => undefined,
        };
        return updateUser(ctx, input);
      });
    const base = { id: admin.userId, displayName: 'x', departmentId: null };
    for (const change of [
      { roles: ['sysadmin' as const], disabled: true },
      { roles: ['host' as const], disabled: false },
    ]) {
      const error: unknown = await run({ ...base, ...change }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'CONFLICT', key: 'errors.lastSysadmin' });
    }
    expect(audits).toEqual([]);
    expect(activeSysadmins(t)).toBe(1);
  });

  it('two sysadmins disabling each other at the same moment leave one active sysadmin', async () => {
    const t = makeTestApp();
    const a = await signedInAdmin(t);
    const bId = await createUser(t, a.token, { login: 'admin2', roles: ['sysadmin'] });
    const bToken = await signIn(t, 'admin2');
    const disable = (id: number, name: string, token: string) =>
      t.call(
        'users.update',
        { id, displayName: name, departmentId: null, roles: ['sysadmin'], disabled: true },
        token,
      );
    const outcomes = await Promise.all([
      disable(bId, 'admin2', a.token),
      disable(a.userId, ADMIN.displayName, bToken),
    ]);
    expect(outcomes.filter((o) => o.result.ok)).toHaveLength(1);
    expect(activeSysadmins(t)).toBe(1);
  });

  it('the audit summary of users.update records what changed, from and to, and nothing else', async () => {
    const { t, admin } = await adminApp();
    const id = await createUser(t, admin.token, {
      login: 'li.si',
      displayName: '李四',
      roles: ['host'],
    });
    await t.ok(
      'users.update',
      { id, displayName: '李四', departmentId: null, roles: ['host', 'finance'], disabled: false },
      admin.token,
    );
    const audit = lastAudit(t, 'users.update');
    expect(audit?.entityId).toBe(String(id));
    const summary = audit?.summary as { login: string; changes: Record<string, unknown> };
    expect(summary.login).toBe('li.si');
    expect(Object.keys(summary.changes)).toEqual(['roles']);
    expect(summary.changes.roles).toMatchObject({ from: ['host'] });
    expect([...(summary.changes.roles as { to: string[] }).to].sort()).toEqual(['finance', 'host']);
  });

  it('the audit summary of users.create names the new user and never holds the password', async () => {
    const { t, admin } = await adminApp();
    const id = await createUser(t, admin.token, {
      login: 'li.si',
      displayName: '李四',
      roles: ['host'],
      password: 'Secret-In-Audit-1',
    });
    const audit = lastAudit(t, 'users.create');
    expect(audit?.entityId).toBe(String(id));
    expect(audit?.summary).toMatchObject({ login: 'li.si', displayName: '李四', roles: ['host'] });
    expect(JSON.stringify(t.rows('SELECT * FROM audit_log'))).not.toContain('Secret-In-Audit-1');
  });
});

describe('a work phone', () => {
  it('is normalised on create and update, kept when an update sends none, refused when bad', async () => {
    const { t, admin } = await adminApp();
    const base = {
      login: 'li.hua',
      displayName: '李华',
      departmentId: null,
      roles: ['host' as const],
      password: 'correct-horse-9',
    };
    const u = await t.ok('users.create', { ...base, phone: '138 0013 8000' }, admin.token);
    expect(u.phone).toBe('13800138000');
    const old = await t.ok('users.create', { ...base, login: 'old.caller' }, admin.token);
    expect(old.phone).toBe('');
    const update = {
      id: u.id,
      displayName: '李华',
      departmentId: null,
      roles: ['host' as const],
      disabled: false,
    };
    expect((await t.ok('users.update', update, admin.token)).phone).toBe('13800138000');
    expect(
      (await t.ok('users.update', { ...update, phone: '021-5555 1234' }, admin.token)).phone,
    ).toBe('02155551234');
    const before = t.snapshot();
    const bad = await t.fail('users.update', { ...update, phone: '12' }, admin.token);
    expect(bad.fieldErrors?.phone?.key).toBe('validation.phone');
    expect(t.snapshot()).toEqual(before);
    expect((await t.ok('users.update', { ...update, phone: '' }, admin.token)).phone).toBe('');
  });
});
