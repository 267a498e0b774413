import { describe, expect, it } from 'vitest';
import { adminApp, signedInUser } from '../../test-support';

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
});
