import { describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatcher';
import {
  createUser,
  makeTestApp,
  MINUTE,
  signedInAdmin,
  USER_PASSWORD,
  type TestApp,
} from '../../test-support';
import { en } from '../../../shared/i18n/en';
import { zhCN } from '../../../shared/i18n/zh-CN';

const loginFrom = (t: TestApp, client: string, login: string, password: string) =>
  dispatch(t.app, { op: 'auth.login', input: { login, password }, token: null, client });

async function failure(t: TestApp, client: string, login: string, password: string) {
  const outcome = await loginFrom(t, client, login, password);
  if (outcome.result.ok) throw new Error(`login ${login} unexpectedly succeeded`);
  return outcome.result.error;
}

async function withHost(t: TestApp) {
  const admin = await signedInAdmin(t);
  await createUser(t, admin.token, { login: 'zhang.san', displayName: '张三', roles: ['host'] });
  return admin;
}

const loginAudits = (t: TestApp) =>
  t.rows<{ summary: string }>(
    "SELECT summary FROM audit_log WHERE operation = 'auth.login' ORDER BY id",
  );

describe('sign-in does not tell which login names exist', () => {
  it('a wrong password and an unknown login name get the same answer, with no attempts left', async () => {
    const t = makeTestApp();
    await withHost(t);
    const known = await failure(t, '10.0.0.1', 'zhang.san', 'wrong-password');
    const unknown = await failure(t, '10.0.0.1', 'nobody', 'wrong-password');
    expect(known).toEqual(unknown);
    expect(known.code).toBe('BAD_CREDENTIALS');
    expect(known.params).toBeUndefined();
    expect(known.message).not.toMatch(/\d/);
    for (const text of [zhCN.errors.LOGIN_FAILED, en.errors.LOGIN_FAILED]) {
      expect(text).not.toMatch(/\{\{|\d/);
    }
  });
});

describe('failed sign-ins are throttled per client', () => {
  it('the 21st failure from one client within 10 minutes is refused, across account names; another client still gets through', async () => {
    const t = makeTestApp();
    await withHost(t);
    for (let i = 0; i < 20; i++) {
      // Different names each time (known and unknown): the account lockout alone would not stop it.
      const name = i % 5 === 0 ? 'zhang.san' : `guess-${i}`;
      expect((await failure(t, '10.0.0.9', name, 'wrong-password')).code).toBe('BAD_CREDENTIALS');
      t.advance(20_000);
    }
    const before = t.snapshot(['audit_log', 'users', 'login_failures']);
    const throttled = await failure(t, '10.0.0.9', 'someone-else', 'wrong-password');
    expect(throttled.code).toBe('TOO_MANY_ATTEMPTS');
    expect(throttled.params?.minutes).toBeGreaterThan(0);
    // Not even the right password is looked at, and the refusal writes nothing.
    expect((await failure(t, '10.0.0.9', 'zhang.san', USER_PASSWORD)).code).toBe(
      'TOO_MANY_ATTEMPTS',
    );
    expect(t.snapshot(['audit_log', 'users', 'login_failures'])).toEqual(before);

    const other = await loginFrom(t, '10.0.0.10', 'zhang.san', USER_PASSWORD);
    expect(other.result.ok).toBe(true);

    // Once the failures have aged out of the window the client may try again.
    t.advance(10 * MINUTE);
    expect((await loginFrom(t, '10.0.0.9', 'zhang.san', USER_PASSWORD)).result.ok).toBe(true);
  });

  it('sign-in audit entries name the client', async () => {
    const t = makeTestApp();
    await withHost(t);
    await failure(t, '10.0.0.3', 'zhang.san', 'wrong-password');
    expect((await loginFrom(t, '10.0.0.3', 'zhang.san', USER_PASSWORD)).result.ok).toBe(true);
    const summaries = loginAudits(t)
      .slice(-2)
      .map((r) => JSON.parse(r.summary) as Record<string, unknown>);
    expect(summaries).toMatchObject([
      { failedAttempt: 1, login: 'zhang.san', client: '10.0.0.3' },
      { login: 'zhang.san', client: '10.0.0.3' },
    ]);
  });
});

describe('failures for unknown login names are audited in aggregate', () => {
  it('many unknown names from one client within a minute leave one audit entry', async () => {
    const t = makeTestApp();
    await withHost(t);
    const before = loginAudits(t).length;
    t.advance(MINUTE - (t.now() % MINUTE)); // the start of a minute
    for (let i = 0; i < 15; i++) {
      expect((await failure(t, '10.0.0.7', `nobody-${i}`, 'x-password')).code).toBe(
        'BAD_CREDENTIALS',
      );
      t.advance(1000);
    }
    const rows = loginAudits(t).slice(before);
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.summary)).toMatchObject({
      unknownLogin: 'nobody-0',
      client: '10.0.0.7',
    });
    expect(
      t.rows('SELECT unknown_failures FROM login_failures WHERE client = ?', '10.0.0.7'),
    ).toEqual([{ unknown_failures: 15 }]);

    // Another client, and the next minute, get an entry of their own.
    await failure(t, '10.0.0.8', 'nobody', 'x-password');
    t.advance(MINUTE);
    await failure(t, '10.0.0.7', 'nobody', 'x-password');
    expect(loginAudits(t).slice(before)).toHaveLength(3);
  });
});
