import { beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../api/events';
import {
  ADMIN,
  adminApp,
  createUser,
  databaseBytes,
  makeTestApp,
  MINUTE,
  signedInAdmin,
  signedInUser,
  signIn,
  useArgon2id,
  USER_PASSWORD,
  type TestApp,
} from '../../test-support';
import { TEST_STORE } from '../../test-postgres';

/**
 * Everything the database holds: SQLite's file and log, bytes and free pages included; on
 * PostgreSQL (no file of ours) every row of every table, as text.
 */
const storedBytes = (t: TestApp): Buffer | string =>
  TEST_STORE === 'sqlite' ? databaseBytes(t.file) : Object.values(t.snapshot()).flat().join('\n');

const login = (t: TestApp, name: string, password: string) =>
  t.call('auth.login', { login: name, password });

async function loginError(t: TestApp, name: string, password: string) {
  const outcome = await login(t, name, password);
  if (outcome.result.ok) throw new Error(`login ${name} unexpectedly succeeded`);
  expect(outcome.session).toBeUndefined();
  return outcome.result.error;
}

describe('first-run setup', () => {
  it('setup.status reports that setup is needed until the first admin exists', async () => {
    const t = makeTestApp();
    await expect(t.ok('setup.status', {})).resolves.toEqual({ needsSetup: true });
    await signedInAdmin(t);
    await expect(t.ok('setup.status', {})).resolves.toEqual({ needsSetup: false });
  });

  it('setup.createAdmin creates a signed-in sysadmin and stores the company name', async () => {
    const t = makeTestApp();
    const outcome = await t.call('setup.createAdmin', { ...ADMIN, login: 'Admin' });
    expect(typeof outcome.session).toBe('string');
    expect(outcome.result).toMatchObject({
      ok: true,
      value: {
        user: { login: 'admin', displayName: ADMIN.displayName, roles: ['sysadmin'] },
        settings: { companyName: ADMIN.companyName },
        locked: false,
      },
    });
  });

  it('setup.createAdmin works only once: a second call gives SETUP_ALREADY_DONE', async () => {
    const t = makeTestApp();
    await signedInAdmin(t);
    const outcome = await t.call('setup.createAdmin', { ...ADMIN, login: 'intruder' });
    expect(outcome.result).toMatchObject({ ok: false, error: { code: 'SETUP_ALREADY_DONE' } });
    expect(outcome.session).toBeUndefined();
    expect(t.count('users')).toBe(1);
  });

  it('of two concurrent setup.createAdmin calls exactly one succeeds', async () => {
    const t = makeTestApp();
    const outcomes = await Promise.all([
      t.call('setup.createAdmin', { ...ADMIN, login: 'first' }),
      t.call('setup.createAdmin', { ...ADMIN, login: 'second' }),
    ]);
    const codes = outcomes.map((o) => (o.result.ok ? 'ok' : o.result.error.code)).sort();
    expect(codes).toEqual(['SETUP_ALREADY_DONE', 'ok']);
    expect(t.count('users')).toBe(1);
    expect(t.count('user_roles')).toBe(1);
  });
});

describe('sign-in and lockout', () => {
  async function withHost(t: TestApp) {
    const admin = await signedInAdmin(t);
    const hostId = await createUser(t, admin.token, {
      login: 'zhang.san',
      displayName: '张三',
      roles: ['host'],
    });
    return { admin, hostId };
  }

  it('signs in with the right password and returns the session', async () => {
    const t = makeTestApp();
    const { hostId } = await withHost(t);
    const outcome = await login(t, 'zhang.san', USER_PASSWORD);
    expect(typeof outcome.session).toBe('string');
    expect(outcome.result).toMatchObject({ ok: true, value: { user: { id: hostId } } });
  });

  it('login names are case-insensitive at sign-in', async () => {
    const t = makeTestApp();
    await withHost(t);
    expect((await login(t, 'Zhang.San', USER_PASSWORD)).result.ok).toBe(true);
  });

  it('an unknown login gives BAD_CREDENTIALS and creates no session', async () => {
    const t = makeTestApp();
    await withHost(t);
    const sessions = t.count('sessions');
    const error = await loginError(t, 'nobody', USER_PASSWORD);
    expect(error.code).toBe('BAD_CREDENTIALS');
    expect(t.count('sessions')).toBe(sessions);
  });

  it('a wrong password counts against the account; the fifth locks it for 15 minutes', async () => {
    const t = makeTestApp();
    await withHost(t);
    for (let i = 0; i < 4; i++) {
      const error = await loginError(t, 'zhang.san', 'wrong-password');
      expect(error.code).toBe('BAD_CREDENTIALS');
      // The message does not tell how many attempts are left (that would reveal the account).
      expect(error.params).toBeUndefined();
    }
    expect(t.rows('SELECT failed_attempts FROM users WHERE login = ?', 'zhang.san')).toEqual([
      { failed_attempts: 4 },
    ]);
    const fifth = await loginError(t, 'zhang.san', 'wrong-password');
    expect(fifth.code).toBe('ACCOUNT_LOCKED');
    expect(fifth.params).toEqual({ minutes: 15 });
  });

  it('a locked account is refused even with the right password, until 15 minutes have passed', async () => {
    const t = makeTestApp();
    await withHost(t);
    for (let i = 0; i < 5; i++) await loginError(t, 'zhang.san', 'wrong-password');
    expect((await loginError(t, 'zhang.san', USER_PASSWORD)).code).toBe('ACCOUNT_LOCKED');
    t.advance(15 * MINUTE - 1);
    const stillLocked = await loginError(t, 'zhang.san', USER_PASSWORD);
    expect(stillLocked).toMatchObject({ code: 'ACCOUNT_LOCKED', params: { minutes: 1 } });
    t.advance(1);
    const outcome = await login(t, 'zhang.san', USER_PASSWORD);
    expect(outcome.result.ok).toBe(true);
  });

  it('the lock survives closing and reopening the database file', async () => {
    const t = makeTestApp();
    await withHost(t);
    for (let i = 0; i < 5; i++) await loginError(t, 'zhang.san', 'wrong-password');
    await t.reopen();
    t.advance(5 * MINUTE);
    expect((await loginError(t, 'zhang.san', USER_PASSWORD)).code).toBe('ACCOUNT_LOCKED');
    t.advance(10 * MINUTE);
    expect((await login(t, 'zhang.san', USER_PASSWORD)).result.ok).toBe(true);
  });

  it('wrong attempts keep counting across a restart', async () => {
    const t = makeTestApp();
    await withHost(t);
    for (let i = 0; i < 3; i++) await loginError(t, 'zhang.san', 'wrong-password');
    await t.reopen();
    expect((await loginError(t, 'zhang.san', 'wrong-password')).code).toBe('BAD_CREDENTIALS');
    expect((await loginError(t, 'zhang.san', 'wrong-password')).code).toBe('ACCOUNT_LOCKED');
  });

  it('a successful sign-in resets the count of wrong attempts', async () => {
    const t = makeTestApp();
    await withHost(t);
    for (let i = 0; i < 4; i++) await loginError(t, 'zhang.san', 'wrong-password');
    expect((await login(t, 'zhang.san', USER_PASSWORD)).result.ok).toBe(true);
    for (let i = 0; i < 4; i++) {
      expect((await loginError(t, 'zhang.san', 'wrong-password')).code).toBe('BAD_CREDENTIALS');
    }
  });

  it('sysadmins (and only they) get an account.locked notification and an event on app.events', async () => {
    const t = makeTestApp();
    const { admin } = await withHost(t);
    const other = await signedInUser(t, admin.token, { login: 'finance1', roles: ['finance'] });
    const events: AppEvent[] = [];
    t.app.events.subscribe((e) => events.push(e));

    for (let i = 0; i < 4; i++) await loginError(t, 'zhang.san', 'wrong-password');
    expect(events).toEqual([]);
    await loginError(t, 'zhang.san', 'wrong-password');

    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      name: 'notifications.created',
      userIds: [admin.userId],
      payload: {
        notification: {
          kind: 'account.locked',
          titleKey: 'notifications.accountLocked',
          params: { name: '张三', login: 'zhang.san' },
          createdAtMs: t.now(),
          readAtMs: null,
        },
      },
    });
    const adminList = await t.ok('notifications.list', {}, admin.token);
    expect(adminList.unread).toBe(1);
    expect(adminList.items[0]).toMatchObject({ kind: 'account.locked' });
    const otherList = await t.ok('notifications.list', {}, other.token);
    expect(otherList).toEqual({ items: [], unread: 0 });
  });

  it('locking an account ends its open sessions', async () => {
    const t = makeTestApp();
    await withHost(t);
    const token = await signIn(t, 'zhang.san');
    for (let i = 0; i < 5; i++) await loginError(t, 'zhang.san', 'wrong-password');
    expect((await t.fail('settings.get', {}, token)).code).toBe('SESSION_EXPIRED');
  });

  it('a disabled user cannot sign in, even with the right password', async () => {
    const t = makeTestApp();
    const { admin, hostId } = await withHost(t);
    await t.ok(
      'users.update',
      { id: hostId, displayName: '张三', departmentId: null, roles: ['host'], disabled: true },
      admin.token,
    );
    const sessions = t.count('sessions');
    expect((await loginError(t, 'zhang.san', USER_PASSWORD)).code).toBe('ACCOUNT_DISABLED');
    // Without the password nobody learns that the account exists but is disabled.
    expect((await loginError(t, 'zhang.san', 'wrong-password')).code).toBe('BAD_CREDENTIALS');
    expect(t.count('sessions')).toBe(sessions);
  });

  it('disabling a user ends the sessions they already have', async () => {
    const t = makeTestApp();
    const { admin, hostId } = await withHost(t);
    const token = await signIn(t, 'zhang.san');
    await t.ok(
      'users.update',
      { id: hostId, displayName: '张三', departmentId: null, roles: ['host'], disabled: true },
      admin.token,
    );
    expect((await t.fail('settings.get', {}, token)).code).toBe('SESSION_EXPIRED');
  });

  it('an administrator can lift a lockout with users.unlock', async () => {
    const t = makeTestApp();
    const { admin, hostId } = await withHost(t);
    for (let i = 0; i < 5; i++) await loginError(t, 'zhang.san', 'wrong-password');
    const listed = (await t.ok('users.list', {}, admin.token)).find((u) => u.id === hostId);
    expect(listed?.lockedUntilMs).toBe(t.now() + 15 * MINUTE);
    await t.ok('users.unlock', { id: hostId }, admin.token);
    expect((await login(t, 'zhang.san', USER_PASSWORD)).result.ok).toBe(true);
  });
});

describe('passwords', () => {
  // The production hasher here, not the tests' cheap one.
  beforeEach(() => useArgon2id());

  it('changing the own password with a wrong current password gives fieldErrors.currentPassword', async () => {
    const t = makeTestApp();
    const { token } = await signedInAdmin(t);
    const error = await t.fail(
      'auth.changePassword',
      { currentPassword: 'not-my-password', newPassword: 'new-password-1' },
      token,
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fieldErrors?.currentPassword?.key).toBe('errors.currentPasswordWrong');
    expect((await login(t, ADMIN.login, ADMIN.password)).result.ok).toBe(true);
  });

  it('a new password equal to the current one is refused', async () => {
    const t = makeTestApp();
    const { token } = await signedInAdmin(t);
    const error = await t.fail(
      'auth.changePassword',
      { currentPassword: ADMIN.password, newPassword: ADMIN.password },
      token,
    );
    expect(error.fieldErrors?.newPassword?.key).toBe('validation.passwordSame');
  });

  it("changing the own password ends the user's other sessions and keeps this one", async () => {
    const t = makeTestApp();
    const { token: first } = await signedInAdmin(t);
    const second = await signIn(t, ADMIN.login, ADMIN.password);
    await t.ok(
      'auth.changePassword',
      { currentPassword: ADMIN.password, newPassword: 'new-password-1' },
      second,
    );
    expect((await t.fail('settings.get', {}, first)).code).toBe('SESSION_EXPIRED');
    await t.ok('settings.get', {}, second);
    expect((await loginError(t, ADMIN.login, ADMIN.password)).code).toBe('BAD_CREDENTIALS');
    expect((await login(t, ADMIN.login, 'new-password-1')).result.ok).toBe(true);
  });

  it('a password reset by an administrator forces a change: until then only the allowed operations work', async () => {
    const { t, admin } = await adminApp();
    const host = await signedInUser(t, admin.token, { login: 'zhang.san', roles: ['host'] });
    await t.ok('users.resetPassword', { id: host.userId, password: 'temporary-1' }, admin.token);

    // The reset ends the sessions opened with the old password.
    expect((await t.fail('settings.get', {}, host.token)).code).toBe('SESSION_EXPIRED');
    expect((await loginError(t, 'zhang.san', USER_PASSWORD)).code).toBe('BAD_CREDENTIALS');

    const token = await signIn(t, 'zhang.san', 'temporary-1');
    const session = await t.ok('auth.session', {}, token);
    expect(session?.user.mustChangePassword).toBe(true);

    const refused = await t.fail('users.directory', {}, token);
    expect(refused).toMatchObject({ code: 'FORBIDDEN', key: 'errors.mustChangePassword' });
    expect((await t.fail('departments.list', {}, token)).key).toBe('errors.mustChangePassword');
    await t.ok('settings.get', {}, token);
    await t.ok('auth.touch', {}, token);
    const notes = await t.ok('notifications.list', {}, token);
    expect(notes.items.map((n) => [n.kind, n.params])).toEqual([
      ['password.reset', { by: ADMIN.displayName }],
    ]);

    await t.ok(
      'auth.changePassword',
      { currentPassword: 'temporary-1', newPassword: 'only-i-know-1' },
      token,
    );
    expect((await t.ok('auth.session', {}, token))?.user.mustChangePassword).toBe(false);
    await expect(t.ok('users.directory', {}, token)).resolves.toHaveLength(2);
  });

  it('an administrator resetting the own password is not forced to change it again', async () => {
    const { t, admin } = await adminApp();
    await t.ok('users.resetPassword', { id: admin.userId, password: 'self-chosen-1' }, admin.token);
    await t.ok('users.list', {}, admin.token);
    const token = await signIn(t, ADMIN.login, 'self-chosen-1');
    await t.ok('users.list', {}, token);
  });

  it('password hashes are argon2id, salted, and no plaintext password is stored', async () => {
    const { t, admin } = await adminApp();
    const secret = 'Plain-Text-Secret-42';
    await createUser(t, admin.token, { login: 'a.user', roles: ['host'], password: secret });
    await createUser(t, admin.token, { login: 'b.user', roles: ['host'], password: secret });
    await signIn(t, 'a.user', secret);
    const hashes = t.rows<{ h: string }>('SELECT password_hash AS h FROM users').map((r) => r.h);
    expect(hashes).toHaveLength(3);
    for (const h of hashes) expect(h.startsWith('$argon2id$')).toBe(true);
    expect(new Set(hashes).size).toBe(3);
    const bytes = storedBytes(t);
    // Positive control: what is stored in the clear is found by this scan.
    expect(bytes.includes('a.user')).toBe(true);
    expect(bytes.includes(secret)).toBe(false);
    expect(bytes.includes(ADMIN.password)).toBe(false);
  });

  it('session tokens are stored only as hashes: the raw token appears nowhere in the database', async () => {
    const t = makeTestApp();
    const { token } = await signedInAdmin(t);
    const second = await signIn(t, ADMIN.login, ADMIN.password);
    const stored = t.rows<{ token_hash: string }>('SELECT token_hash FROM sessions');
    expect(stored).toHaveLength(2);
    for (const { token_hash } of stored) {
      expect(token_hash).not.toBe(token);
      expect(token_hash).not.toBe(second);
      expect(token_hash).toMatch(/^[0-9a-f]{64}$/);
    }
    const bytes = storedBytes(t);
    expect(bytes.includes(stored[0]?.token_hash ?? '-')).toBe(true);
    expect(bytes.includes(token)).toBe(false);
    expect(bytes.includes(second)).toBe(false);
    // The token is long and random.
    expect(token.length).toBeGreaterThanOrEqual(40);
    expect(token).not.toBe(second);
  });
});
