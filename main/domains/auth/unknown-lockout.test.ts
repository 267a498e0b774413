import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { dispatch } from '../../api/dispatcher';
import { startServer } from '../../server/http';
import {
  createUser,
  HOUR,
  makeTestApp,
  MINUTE,
  signedInAdmin,
  USER_PASSWORD,
  type TestApp,
} from '../../test-support';

const loginFrom = (t: TestApp, client: string, login: string, password: string) =>
  dispatch(t.app, { op: 'auth.login', input: { login, password }, token: null, client });

/** What a caller sees of a failed sign-in: the error without its wording, and nothing else. */
async function answer(t: TestApp, client: string, login: string, password: string) {
  const outcome = await loginFrom(t, client, login, password);
  if (outcome.result.ok) throw new Error(`login ${login} unexpectedly succeeded`);
  expect(outcome.session).toBeUndefined();
  const { code, key, params, message } = outcome.result.error;
  return { code, key, params, message };
}

async function withHost(t: TestApp, login = 'zhang.san') {
  const admin = await signedInAdmin(t);
  await createUser(t, admin.token, { login, displayName: '张三', roles: ['host'] });
  return admin;
}

const unknownRows = (t: TestApp) =>
  t.rows<{ login: string }>('SELECT login FROM unknown_login_failures ORDER BY login');

/** The app behind a real HTTP server on a free port: statuses as a browser sees them. */
async function serve(t: TestApp) {
  const staticDir = path.join(t.dir, 'static');
  fs.mkdirSync(staticDir, { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
  const running = await startServer(t.app, { port: 0, staticDir });
  onTestFinished(() => running.close());
  return async (login: string, password: string) => {
    const res = await fetch(`http://127.0.0.1:${running.port}/api/auth.login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ login, password }),
    });
    const body = (await res.json()) as {
      ok: boolean;
      error?: { code: string; key: string; params?: unknown; message: string };
    };
    return { status: res.status, ok: body.ok, error: body.error };
  };
}

describe('the account lockout does not tell which login names exist', () => {
  it('6 wrong passwords: a real and an unknown name get the same answers, over the dispatcher', async () => {
    const t = makeTestApp();
    await withHost(t);
    const real = [];
    const unknown = [];
    for (let i = 0; i < 6; i++) {
      real.push(await answer(t, '10.0.0.1', 'zhang.san', 'wrong-password'));
      unknown.push(await answer(t, '10.0.0.2', 'nobody', 'wrong-password'));
      t.advance(10_000);
    }
    expect(unknown).toEqual(real);
    expect(real.map((a) => a.code)).toEqual([
      ...Array<string>(4).fill('BAD_CREDENTIALS'),
      'ACCOUNT_LOCKED',
      'ACCOUNT_LOCKED',
    ]);
    expect(real[5]!.params).toEqual({ minutes: 15 });
    // Minutes left count down alike, and the right password does not open either lock.
    t.advance(5 * MINUTE);
    const realLater = await answer(t, '10.0.0.1', 'zhang.san', USER_PASSWORD);
    expect(await answer(t, '10.0.0.2', 'nobody', USER_PASSWORD)).toEqual(realLater);
    expect(realLater).toMatchObject({ code: 'ACCOUNT_LOCKED', params: { minutes: 10 } });
  });

  it('the same HTTP statuses and bodies, and after 15 minutes both names may try again', async () => {
    const t = makeTestApp({ autoCleanup: false });
    onTestFinished(() => t.cleanup());
    await withHost(t);
    const post = await serve(t);
    const real = [];
    const unknown = [];
    for (let i = 0; i < 6; i++) {
      real.push(await post('zhang.san', 'wrong-password'));
      unknown.push(await post('nobody', 'wrong-password'));
    }
    expect(unknown).toEqual(real);
    expect(real.map((r) => [r.status, r.error?.code, r.error?.key])).toEqual([
      ...Array(4).fill([401, 'BAD_CREDENTIALS', 'errors.LOGIN_FAILED']),
      [423, 'ACCOUNT_LOCKED', 'errors.ACCOUNT_LOCKED'],
      [423, 'ACCOUNT_LOCKED', 'errors.ACCOUNT_LOCKED'],
    ]);

    t.advance(15 * MINUTE);
    const signedIn = await post('zhang.san', USER_PASSWORD);
    expect([signedIn.status, signedIn.ok]).toEqual([200, true]);
    const stillUnknown = await post('nobody', USER_PASSWORD);
    expect([stillUnknown.status, stillUnknown.error?.code, stillUnknown.error?.key]).toEqual([
      401,
      'BAD_CREDENTIALS',
      'errors.LOGIN_FAILED',
    ]);
    // Counting starts again from zero, as for the real account after its lock ran out.
    const again = await post('zhang.san', 'wrong-password');
    expect(await post('nobody', 'wrong-password')).toEqual(again);
  });

  it('only the normalised login name is stored, never a password', async () => {
    const t = makeTestApp();
    await withHost(t);
    for (let i = 0; i < 5; i++) await answer(t, '10.0.0.3', '  NoBody ', 'secret-guess-77');
    const rows = t.rows('SELECT * FROM unknown_login_failures');
    expect(rows).toEqual([
      {
        login: 'nobody',
        failed_attempts: 0,
        locked_until_ms: expect.any(Number),
        expires_ms: expect.any(Number),
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain('secret-guess-77');
  });

  it('creating an account with a locked unknown name is not blocked by that lock', async () => {
    const t = makeTestApp();
    const admin = await signedInAdmin(t);
    for (let i = 0; i < 5; i++) await answer(t, '10.0.0.4', 'li.si', 'wrong-password');
    expect((await answer(t, '10.0.0.4', 'li.si', USER_PASSWORD)).code).toBe('ACCOUNT_LOCKED');
    await createUser(t, admin.token, { login: 'li.si', displayName: '李四', roles: ['host'] });
    expect(unknownRows(t)).toEqual([]);
    expect((await loginFrom(t, '10.0.0.4', 'li.si', USER_PASSWORD)).result.ok).toBe(true);
  });

  it('expired rows are purged by later failures: ended locks, and counts a day old', async () => {
    const t = makeTestApp();
    await withHost(t);
    for (let i = 0; i < 5; i++) await answer(t, '10.0.0.5', 'locked-name', 'wrong-password');
    await answer(t, '10.0.0.5', 'counted-name', 'wrong-password');
    expect(unknownRows(t).map((r) => r.login)).toEqual(['counted-name', 'locked-name']);
    t.advance(16 * MINUTE);
    await answer(t, '10.0.0.6', 'fresh-name', 'wrong-password');
    expect(unknownRows(t).map((r) => r.login)).toEqual(['counted-name', 'fresh-name']);
    t.advance(24 * HOUR);
    await answer(t, '10.0.0.6', 'another-name', 'wrong-password');
    expect(unknownRows(t).map((r) => r.login)).toEqual(['another-name']);
  });
});
