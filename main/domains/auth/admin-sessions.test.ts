import { describe, expect, it } from 'vitest';
import { SESSION_MAX_MS, type SessionView } from '../../../shared/auth/sessions';
import {
  ADMIN,
  adminApp,
  captureEvents,
  createUser,
  HOUR,
  MINUTE,
  signIn,
  type SignedIn,
  type TestApp,
  USER_PASSWORD,
} from '../../test-support';
import { hashToken } from './sessions';

/** Signs `login` in as a transport would, naming its client; returns the token. */
async function signInFrom(t: TestApp, login: string, client: string, password = USER_PASSWORD) {
  const outcome = await t.call('auth.login', { login, password }, null, client);
  if (!outcome.result.ok || typeof outcome.session !== 'string') {
    throw new Error(`login ${login} failed: ${JSON.stringify(outcome.result)}`);
  }
  return outcome.session;
}

const list = (t: TestApp, admin: SignedIn, input: { after?: unknown; limit?: number } = {}) =>
  t.ok('sessions.list', input as never, admin.token);

/** Every page of the list, in order. */
async function allPages(t: TestApp, admin: SignedIn, limit: number): Promise<SessionView[]> {
  const out: SessionView[] = [];
  let after: unknown;
  for (let i = 0; i < 50; i++) {
    const page = await list(t, admin, after === undefined ? { limit } : { after, limit });
    out.push(...page.items);
    if (!page.next) return out;
    after = page.next;
  }
  throw new Error('the list does not end');
}

/**
 * A company with sessions in every state, a minute apart (a call records its session's activity
 * once a minute): a clerk who signed out, one whose session expired, the admin's first session
 * (expired) and his current one, one disabled (which ended her session), a host at two desks.
 */
async function company() {
  const { t, admin } = await adminApp();
  const person = (by: SignedIn, login: string, displayName: string) =>
    createUser(t, by.token, { login, displayName, roles: ['host'] });
  const step = () => t.advance(MINUTE);
  const goneId = await person(admin, 'gone', '李退出');
  step();
  const gone = { userId: goneId, token: await signIn(t, 'gone') };
  await t.ok('auth.logout', {}, gone.token);
  step();
  await person(admin, 'old', '赵过期');
  step();
  await signIn(t, 'old');
  t.advance(SESSION_MAX_MS + MINUTE);
  // The admin's first session expired meanwhile: a new one.
  const me = { ...admin, token: await signInFrom(t, ADMIN.login, '127.0.0.1', ADMIN.password) };
  step();
  const offId = await person(me, 'off', '钱停用');
  step();
  await signIn(t, 'off');
  await t.ok(
    'users.update',
    { id: offId, displayName: '钱停用', departmentId: null, roles: ['host'], disabled: true },
    me.token,
  );
  step();
  const hostId = await person(me, 'host', '孙接待');
  step();
  const desk1 = await signInFrom(t, 'host', '10.0.0.21');
  step();
  const desk2 = await signInFrom(t, 'host', '10.0.0.22');
  step();
  return { t, admin: me, host: { userId: hostId, desk1, desk2 }, gone };
}

describe('sessions.list', () => {
  it('lists the live sessions first, newest activity first, then the rest, with who, where and state', async () => {
    const { t, admin, host } = await company();
    const page = await list(t, admin);
    const rows = page.items.map((s) => [s.login, s.client, s.status, s.current]);
    expect(rows).toEqual([
      ['host', '10.0.0.22', 'active', false],
      ['host', '10.0.0.21', 'active', false],
      ['admin', '127.0.0.1', 'active', true],
      // Signed in by calls that named no client (in-process callers). Disabling a person ends
      // her sessions.
      ['off', 'unknown', 'ended', false],
      ['old', 'unknown', 'expired', false],
      ['admin', 'unknown', 'expired', false],
      ['gone', 'unknown', 'ended', false],
    ]);
    expect(page.next).toBeNull();
    expect(page.total).toEqual({ count: 7, atLeast: false });
    const desk1 = page.items[1];
    expect(desk1).toMatchObject({ userId: host.userId, displayName: '孙接待', endedAtMs: null });
    // Opaque ids: 16 hex digits, none of them the token, its hash, or a part of either.
    const hashes = t.rows<{ token_hash: string }>('SELECT token_hash FROM sessions');
    for (const s of page.items) {
      expect(s.id).toMatch(/^[0-9a-f]{16}$/);
      for (const { token_hash } of hashes) expect(token_hash).not.toContain(s.id);
    }
    expect(JSON.stringify(page)).not.toContain(hashToken(host.desk1));
    expect(new Set(page.items.map((s) => s.id)).size).toBe(page.items.length);
  });

  it('says locked for a session idle past the idle lock, and keeps it among the live ones', async () => {
    const { t, admin } = await company();
    t.advance(11 * MINUTE);
    // The admin's own call keeps his session active; the host's two are idle.
    const me = { ...admin, token: await signInFrom(t, ADMIN.login, '127.0.0.1', ADMIN.password) };
    const page = await list(t, me);
    const host = page.items.filter((s) => s.login === 'host').map((s) => s.status);
    expect(host).toEqual(['locked', 'locked']);
    expect(page.items.slice(0, 4).map((s) => s.login)).toContain('host');
  });

  it('reads the same rows a page at a time, across the live run and the rest', async () => {
    const { t, admin } = await company();
    // The first read records the caller's activity (a minute since his last call): his row moves
    // to the top of the live ones. The clock stands still from here on.
    await list(t, admin);
    const whole = (await list(t, admin, { limit: 200 })).items.map((s) => s.id);
    expect(whole).toHaveLength(7);
    for (const limit of [1, 2, 3, 4, 6]) {
      expect(
        (await allPages(t, admin, limit)).map((s) => s.id),
        `limit ${limit}`,
      ).toEqual(whole);
    }
    const first = await list(t, admin, { limit: 3 });
    expect(first.next).toMatchObject({ live: true });
    const second = await list(t, admin, { after: first.next, limit: 3 });
    expect(second.total).toBeNull();
    expect(second.next).toMatchObject({ live: false });
  });

  it('is the sysadmin’s: anyone else is refused', async () => {
    const { t, host } = await company();
    const error = await t.fail('sessions.list', {}, host.desk1);
    expect(error).toMatchObject({ code: 'FORBIDDEN', message: '您没有执行此操作的权限。' });
  });

  it('refuses a malformed cursor with a translated message', async () => {
    const { t, admin } = await company();
    const error = await t.fail(
      'sessions.list',
      { after: { live: true, atMs: 1, id: 'x'.repeat(16) } },
      admin.token,
    );
    expect(error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(error.fieldErrors?.['after.id']).toEqual({ key: 'sessions.errors.badId' });
  });
});

describe('sessions.revoke', () => {
  it('ends the session: its token is refused from the next call on, saying an administrator ended it; the person’s other session stays', async () => {
    const { t, admin, host } = await company();
    const events = captureEvents(t);
    const row = (await list(t, admin)).items.find((s) => s.client === '10.0.0.21');
    if (!row) throw new Error('no session at desk 1');
    const outcome = await t.call('sessions.revoke', { id: row.id }, admin.token, '192.168.1.5');
    expect(outcome.result).toEqual({ ok: true, value: { ended: 1 } });

    const refused = await t.call('auth.touch', {}, host.desk1);
    expect(refused.result).toMatchObject({
      ok: false,
      error: {
        code: 'SESSION_EXPIRED',
        key: 'errors.sessionRevoked',
        message: '您的会话已被管理员结束，请重新登录。',
      },
    });
    // The transport forgets the token (the cookie is cleared).
    expect(refused.session).toBeNull();
    expect(await t.ok('auth.session', {}, host.desk1)).toBeNull();
    expect(await t.ok('auth.touch', {}, host.desk2)).toBeNull();

    // In the list: ended by an administrator, at the call's time.
    const after = (await list(t, admin)).items.find((s) => s.id === row.id);
    expect(after).toMatchObject({ status: 'revoked', endedAtMs: t.now() });

    // Audited with the administrator's address; the event goes to the ended session itself.
    const audit = t.rows<{
      entity_type: string;
      entity_id: string;
      summary: string;
      client: string;
    }>(
      "SELECT entity_type, entity_id, summary, client FROM audit_log WHERE operation = 'sessions.revoke'",
    );
    expect(audit).toEqual([
      {
        entity_type: 'session',
        entity_id: row.id,
        summary: JSON.stringify({
          login: 'host',
          displayName: '孙接待',
          signedInFrom: '10.0.0.21',
        }),
        client: '192.168.1.5',
      },
    ]);
    expect(events).toEqual([
      {
        name: 'sessions.ended',
        payload: { reason: 'revoked' },
        userIds: [host.userId],
        sessions: [hashToken(host.desk1)],
      },
    ]);
  });

  it('refuses what it cannot end, in words, and changes nothing', async () => {
    const { t, admin } = await company();
    const rows = (await list(t, admin)).items;
    const idOf = (login: string, status: string) => {
      const s = rows.find((r) => r.login === login && r.status === status);
      if (!s) throw new Error(`no ${status} session of ${login}`);
      return s.id;
    };
    const own = rows.find((r) => r.current);
    const cases: [unknown, string, string, string][] = [
      [
        { id: '0123456789abcdef' },
        'NOT_FOUND',
        'sessions.errors.notFound',
        '没有这个会话。没有做任何更改。',
      ],
      [
        { id: own?.id },
        'CONFLICT',
        'sessions.errors.own',
        '这是您自己当前的会话。请用“退出登录”结束它。',
      ],
      [
        { id: idOf('gone', 'ended') },
        'CONFLICT',
        'sessions.errors.alreadyEnded',
        '这个会话已经结束了。没有做任何更改。',
      ],
      [
        { id: idOf('old', 'expired') },
        'CONFLICT',
        'sessions.errors.expired',
        '这个会话已过期，无需再结束。',
      ],
      [
        { id: idOf('admin', 'expired') },
        'CONFLICT',
        'sessions.errors.expired',
        '这个会话已过期，无需再结束。',
      ],
      [
        { id: 'ABCDEF0123456789' },
        'INVALID_INPUT',
        'errors.INVALID_INPUT',
        '输入有误，请检查标红的字段。',
      ],
      [{ id: 42 }, 'INVALID_INPUT', 'errors.INVALID_INPUT', '输入有误，请检查标红的字段。'],
      [{}, 'INVALID_INPUT', 'errors.INVALID_INPUT', '输入有误，请检查标红的字段。'],
    ];
    const before = t.snapshot();
    for (const [input, code, key, message] of cases) {
      const error = await t.fail('sessions.revoke', input, admin.token);
      expect(error, JSON.stringify(input)).toMatchObject({ code, key, message });
    }
    // Twice the same: the second finds it ended.
    const live = rows.find((r) => r.login === 'host');
    await t.ok('sessions.revoke', { id: live?.id ?? '' }, admin.token);
    const again = await t.fail('sessions.revoke', { id: live?.id }, admin.token);
    expect(again).toMatchObject({ code: 'CONFLICT', key: 'sessions.errors.alreadyEnded' });
    // Only the one revocation wrote anything: its session and its audit entry.
    const snapshot = t.snapshot();
    for (const table of Object.keys(before)) {
      if (table === 'sessions' || table.startsWith('audit')) continue;
      expect(snapshot[table], table).toEqual(before[table]);
    }
    expect(t.count('audit_log', "operation = 'sessions.revoke'")).toBe(1);
    expect(t.count('sessions', 'ended_at_ms IS NOT NULL')).toBe(3);
  });

  it('ends a session behind the idle lock too', async () => {
    const { t, admin, host } = await company();
    await t.ok('auth.lock', {}, host.desk1);
    const row = (await list(t, admin)).items.find((s) => s.client === '10.0.0.21');
    expect(row?.status).toBe('locked');
    await t.ok('sessions.revoke', { id: row?.id ?? '' }, admin.token);
    const unlock = await t.fail('auth.unlock', { password: USER_PASSWORD }, host.desk1);
    expect(unlock).toMatchObject({ code: 'SESSION_EXPIRED', key: 'errors.sessionRevoked' });
  });
});

describe('sessions.revokeUser', () => {
  it('ends every live session of the person, and only theirs', async () => {
    const { t, admin, host } = await company();
    const events = captureEvents(t);
    const out = await t.ok('sessions.revokeUser', { userId: host.userId }, admin.token);
    expect(out).toEqual({ ended: 2 });
    for (const token of [host.desk1, host.desk2]) {
      expect(await t.fail('auth.touch', {}, token)).toMatchObject({ key: 'errors.sessionRevoked' });
    }
    expect(await t.ok('auth.touch', {}, admin.token)).toBeNull();
    expect(events).toEqual([
      {
        name: 'sessions.ended',
        payload: { reason: 'revoked' },
        userIds: [host.userId],
        sessions: [hashToken(host.desk1), hashToken(host.desk2)].sort(),
      },
    ]);
    const audit = t.rows<{ entity_type: string; entity_id: string; summary: string }>(
      "SELECT entity_type, entity_id, summary FROM audit_log WHERE operation = 'sessions.revokeUser'",
    );
    expect(audit).toEqual([
      {
        entity_type: 'user',
        entity_id: String(host.userId),
        summary: JSON.stringify({ login: 'host', sessionsEnded: 2 }),
      },
    ]);
  });

  it('of the caller’s own sessions ends the others, never the one calling', async () => {
    const { t, admin } = await company();
    const other = await signInFrom(t, ADMIN.login, '10.0.0.9', ADMIN.password);
    const out = await t.ok('sessions.revokeUser', { userId: admin.userId }, admin.token);
    expect(out).toEqual({ ended: 1 });
    expect(await t.ok('auth.touch', {}, admin.token)).toBeNull();
    expect(await t.fail('auth.touch', {}, other)).toMatchObject({ code: 'SESSION_EXPIRED' });
  });

  it('refuses a person with nothing to end, or no such person, and changes nothing', async () => {
    const { t, admin, gone } = await company();
    const before = t.snapshot();
    expect(await t.fail('sessions.revokeUser', { userId: gone.userId }, admin.token)).toMatchObject(
      {
        code: 'CONFLICT',
        key: 'sessions.errors.noneLive',
        message: '李退出当前没有可结束的在线会话。没有做任何更改。',
      },
    );
    expect(await t.fail('sessions.revokeUser', { userId: 9999 }, admin.token)).toMatchObject({
      code: 'NOT_FOUND',
      key: 'sessions.errors.noUser',
    });
    expect(
      await t.fail('sessions.revokeUser', { userId: admin.userId }, admin.token),
    ).toMatchObject({
      code: 'CONFLICT',
      key: 'sessions.errors.noneLive',
    });
    expect(t.snapshot()).toEqual(before);
  });
});

describe('where a call came from', () => {
  it('is kept with the session at sign-in and with every audit entry of the call', async () => {
    const { t, admin } = await adminApp();
    await t.call(
      'departments.create',
      { name: '市场部', headUserId: null },
      admin.token,
      '::ffff:10.1.2.3',
    );
    const entry = t.rows<{ client: string | null }>(
      "SELECT client FROM audit_log WHERE operation = 'departments.create'",
    );
    expect(entry).toEqual([{ client: '::ffff:10.1.2.3' }]);
    const listed = await t.ok('audit.list', { operation: 'departments.create' }, admin.token);
    expect(listed.items[0]?.client).toBe('::ffff:10.1.2.3');
    // A transport that names no client: 'unknown', as the sign-in throttle counts it.
    await t.call('departments.create', { name: '销售部', headUserId: null }, admin.token);
    const second = await t.ok('audit.list', { operation: 'departments.create' }, admin.token);
    expect(second.items[0]?.client).toBe('unknown');
    t.advance(HOUR);
    await signInFrom(t, ADMIN.login, 'local-app', ADMIN.password);
    const sessions = t.rows<{ client: string | null }>(
      'SELECT client FROM sessions ORDER BY created_at_ms',
    );
    expect(sessions.map((s) => s.client)).toEqual(['unknown', 'local-app']);
  });
});
