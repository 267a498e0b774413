import { describe, expect, it } from 'vitest';
import { adminApp, createUser, signedInUser } from '../../test-support';

describe('users.directory and users.list', () => {
  it('a host is refused users.list but reads the directory, which carries no login or lock state', async () => {
    const { t, admin } = await adminApp();
    const host = await signedInUser(t, admin.token, {
      login: 'zhang.san',
      displayName: '张三',
      roles: ['host'],
    });
    expect((await t.fail('users.list', {}, host.token)).code).toBe('FORBIDDEN');

    const directory = await t.ok('users.directory', {}, host.token);
    const me = directory.find((u) => u.id === host.userId);
    expect(me).toEqual({
      id: host.userId,
      displayName: '张三',
      departmentId: null,
      departmentName: null,
      roles: ['host'],
      disabled: false,
    });
    for (const entry of directory) {
      expect(Object.keys(entry).sort()).toEqual(
        ['departmentId', 'departmentName', 'disabled', 'displayName', 'id', 'roles'].sort(),
      );
    }

    // The sysadmin still gets the full list, lock and password state included.
    const full = await t.ok('users.list', {}, admin.token);
    expect(full.find((u) => u.id === host.userId)).toMatchObject({
      login: 'zhang.san',
      lockedUntilMs: null,
      mustChangePassword: false,
    });
  });

  it('sorts by pinyin, and numbers in names by value', async () => {
    const { t, admin } = await adminApp();
    for (const [login, displayName] of [
      ['h10', '接待员10'],
      ['h2', '接待员2'],
      ['zhao', '赵六'],
      ['an', '安七'],
    ] as const) {
      await createUser(t, admin.token, { login, displayName, roles: ['host'] });
    }
    const names = (await t.ok('users.directory', {}, admin.token)).map((u) => u.displayName);
    const ours = names.filter((n) => ['接待员10', '接待员2', '赵六', '安七'].includes(n));
    expect(ours).toEqual(['安七', '接待员2', '接待员10', '赵六']);
  });
});
