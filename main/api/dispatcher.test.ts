import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { OPERATION_NAMES } from '../../shared/contract/names';
import { OPERATIONS } from '../../shared/contract/operations';
import { CATALOGS, lookup } from '../../shared/i18n/translate';
import {
  ADMIN,
  adminApp,
  createUser,
  HOUR,
  makeTestApp,
  MINUTE,
  signedInAdmin,
  signedInUser,
  type TestApp,
} from '../test-support';
import { sqliteOnly, TEST_STORE } from '../test-postgres';
import { failingInserts } from './test-failing-write';
import type { AppEvent } from './events';
import type { Scenarios } from '../test-scenarios';

/** Each domain's `audit.scenarios.ts` (one successful call of each of its write operations). */
const DOMAINS_DIR = path.join(import.meta.dirname, '..', 'domains');
const SCENARIO_MODULES = (await Promise.all(
  fs
    .readdirSync(DOMAINS_DIR)
    .filter((d) => fs.existsSync(path.join(DOMAINS_DIR, d, 'audit.scenarios.ts')))
    .map((d) => import(`../domains/${d}/audit.scenarios.ts`)),
)) as { auditScenarios: Scenarios }[];

interface AuditRow {
  id: number;
  at_ms: number;
  actor_user_id: number | null;
  actor_name: string | null;
  operation: string;
  entity_type: string;
  entity_id: string | null;
  summary: string;
}

const auditRows = (t: TestApp) => t.rows<AuditRow>('SELECT * FROM audit_log ORDER BY id');

/** Runs a call that must fail and checks that it changed nothing in the database. */
async function failsWithoutWriting(
  t: TestApp,
  op: unknown,
  input: unknown,
  token: string | null,
  ignoreTables: string[] = [],
) {
  const before = t.snapshot();
  const auditBefore = t.count('audit_log');
  const usersBefore = t.snapshot(['users', 'user_roles']);
  const outcome = await t.call(op, input, token);
  expect(outcome.result.ok).toBe(false);
  expect(t.count('audit_log')).toBe(auditBefore);
  expect(t.snapshot(['users', 'user_roles'])).toEqual(usersBefore);
  const after = t.snapshot();
  for (const table of ignoreTables) {
    delete before[table];
    delete after[table];
  }
  expect(after).toEqual(before);
  if (outcome.result.ok) throw new Error('unreachable');
  expect(outcome.result.error.message).not.toMatch(/\{\{/);
  return { error: outcome.result.error, outcome };
}

describe('dispatcher: refusals are distinct error values and write nothing', () => {
  it('an unknown operation gives UNKNOWN_OPERATION', async () => {
    const t = makeTestApp();
    const { token } = await signedInAdmin(t);
    for (const op of [
      'users.drop',
      'toString',
      '__proto__',
      'constructor',
      '',
      42,
      null,
      undefined,
    ]) {
      const { error } = await failsWithoutWriting(t, op, {}, token);
      expect(error.code).toBe('UNKNOWN_OPERATION');
      expect(error.key).toBe('errors.UNKNOWN_OPERATION');
    }
  });

  it('malformed input gives INVALID_INPUT with a message key per offending field', async () => {
    const t = makeTestApp();
    const { token } = await signedInAdmin(t);
    const { error } = await failsWithoutWriting(
      t,
      'users.create',
      { login: 'a b', displayName: '', departmentId: 'x', roles: [], password: 'short' },
      token,
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(
      ['departmentId', 'displayName', 'login', 'password', 'roles'].sort(),
    );
    expect(error.fieldErrors?.login?.key).toBe('validation.loginNameChars');
    expect(error.fieldErrors?.displayName?.key).toBe('validation.required');
    expect(error.fieldErrors?.roles?.key).toBe('validation.rolesRequired');
    expect(error.fieldErrors?.password?.key).toBe('validation.passwordLength');
  });

  it('input that is not an object at all gives INVALID_INPUT', async () => {
    const t = makeTestApp();
    const { token } = await signedInAdmin(t);
    for (const input of ['departments', 7, [], true]) {
      const { error } = await failsWithoutWriting(t, 'departments.create', input, token);
      expect(error.code).toBe('INVALID_INPUT');
    }
  });

  it('unknown keys in the input are rejected (strict objects)', async () => {
    const t = makeTestApp();
    const { token } = await signedInAdmin(t);
    const { error } = await failsWithoutWriting(
      t,
      'departments.create',
      { name: '销售部', headUserId: null, isAdmin: true },
      token,
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fieldErrors?._).toEqual({
      key: 'validation.unknownField',
      params: { fields: 'isAdmin' },
    });
  });

  it('every operation input schema rejects an unknown key', () => {
    for (const name of OPERATION_NAMES) {
      const parsed = OPERATIONS[name].input.safeParse({ notAField: 1 });
      expect(parsed.success, name).toBe(false);
      expect(
        parsed.error?.issues.some((i) => i.code === 'unrecognized_keys'),
        name,
      ).toBe(true);
    }
  });

  it('a call without a session gives UNAUTHENTICATED', async () => {
    const t = makeTestApp();
    await signedInAdmin(t);
    for (const token of [null, '']) {
      const { error } = await failsWithoutWriting(
        t,
        'departments.create',
        { name: '销售部', headUserId: null },
        token,
      );
      expect(error.code).toBe('UNAUTHENTICATED');
    }
    const { error } = await failsWithoutWriting(t, 'users.list', {}, null);
    expect(error.code).toBe('UNAUTHENTICATED');
  });

  it('a user without the permission gives FORBIDDEN (a host calling users.create)', async () => {
    const { t, admin } = await adminApp();
    const host = await signedInUser(t, admin.token, { login: 'host1', roles: ['host'] });
    const { error } = await failsWithoutWriting(
      t,
      'users.create',
      {
        login: 'mallory',
        displayName: 'Mallory',
        departmentId: null,
        roles: ['sysadmin'],
        password: 'mallory-pass',
      },
      host.token,
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(error.key).toBe('errors.FORBIDDEN');
    // The permission is checked before the input: a forbidden caller learns nothing about fields.
    const bad = await failsWithoutWriting(t, 'users.create', { bogus: 1 }, host.token);
    expect(bad.error.code).toBe('FORBIDDEN');
  });

  it('error messages come in the caller language', async () => {
    const { t, admin } = await adminApp();
    const host = await signedInUser(t, admin.token, { login: 'host1', roles: ['host'] });
    const zh = await t.fail('audit.list', {}, host.token);
    expect(zh.message).toBe(lookup(CATALOGS['zh-CN'], 'errors.FORBIDDEN'));
    await t.ok('auth.setLanguage', { language: 'en' }, host.token);
    const en = await t.fail('audit.list', {}, host.token);
    expect(en.message).toBe(lookup(CATALOGS.en, 'errors.FORBIDDEN'));
    expect(en.message).not.toBe(zh.message);
  });

  it('a session older than 12 hours gives SESSION_EXPIRED and tells the transport to forget it', async () => {
    const t = makeTestApp();
    const { token } = await signedInAdmin(t);
    t.advance(12 * HOUR + 1);
    const { error, outcome } = await failsWithoutWriting(t, 'departments.list', {}, token);
    expect(error.code).toBe('SESSION_EXPIRED');
    expect(outcome.session).toBeNull();
  });

  it('a session ends 12 hours after sign-in even when it was active all the time', async () => {
    const t = makeTestApp();
    const { token } = await signedInAdmin(t);
    const start = t.now();
    while (t.now() + 9 * MINUTE <= start + 12 * HOUR) {
      t.advance(9 * MINUTE);
      await t.ok('auth.touch', {}, token);
    }
    t.advance(start + 12 * HOUR + 1 - t.now());
    const error = await t.fail('auth.touch', {}, token);
    expect(error.code).toBe('SESSION_EXPIRED');
  });

  it('a session after logout gives SESSION_EXPIRED and outcome.session null', async () => {
    const t = makeTestApp();
    const { token } = await signedInAdmin(t);
    const logout = await t.call('auth.logout', {}, token);
    expect(logout.result.ok).toBe(true);
    expect(logout.session).toBeNull();
    const { error, outcome } = await failsWithoutWriting(t, 'departments.list', {}, token);
    expect(error.code).toBe('SESSION_EXPIRED');
    expect(outcome.session).toBeNull();
  });

  it('a token that was never issued gives SESSION_EXPIRED', async () => {
    const t = makeTestApp();
    await signedInAdmin(t);
    const { error, outcome } = await failsWithoutWriting(t, 'settings.get', {}, 'forged-token');
    expect(error.code).toBe('SESSION_EXPIRED');
    expect(outcome.session).toBeNull();
  });

  it('a session idle for longer than idleLockMinutes gives SESSION_LOCKED; auth.unlock with the right password opens it again', async () => {
    const t = makeTestApp();
    const { token } = await signedInAdmin(t);
    const settings = await t.ok('settings.get', {}, token);
    expect(settings.idleLockMinutes).toBe(10);

    t.advance(10 * MINUTE + 1);
    const { error } = await failsWithoutWriting(t, 'departments.list', {}, token, ['sessions']);
    expect(error.code).toBe('SESSION_LOCKED');
    expect(error.key).toBe('errors.SESSION_LOCKED');
    // Still locked for everything but the lock-safe operations.
    expect((await t.fail('auth.touch', {}, token)).code).toBe('SESSION_LOCKED');
    expect((await t.ok('auth.session', {}, token))?.locked).toBe(true);

    const wrong = await t.fail('auth.unlock', { password: 'not the password' }, token);
    expect(wrong.code).toBe('BAD_CREDENTIALS');
    expect((await t.fail('departments.list', {}, token)).code).toBe('SESSION_LOCKED');

    const info = await t.ok('auth.unlock', { password: ADMIN.password }, token);
    expect(info.locked).toBe(false);
    await expect(t.ok('departments.list', {}, token)).resolves.toEqual([]);
  });

  it('an idle time of exactly idleLockMinutes does not lock yet', async () => {
    const t = makeTestApp();
    const { token } = await signedInAdmin(t);
    t.advance(10 * MINUTE);
    await t.ok('settings.get', {}, token);
    t.advance(1);
    expect((await t.fail('settings.get', {}, token)).code).toBe('SESSION_LOCKED');
  });

  it('the idle lock follows the idleLockMinutes setting', async () => {
    const t = makeTestApp();
    const { token } = await signedInAdmin(t);
    await t.ok(
      'settings.update',
      { companyName: ADMIN.companyName, timeZone: 'Asia/Shanghai', idleLockMinutes: 1 },
      token,
    );
    t.advance(MINUTE + 1);
    expect((await t.fail('departments.list', {}, token)).code).toBe('SESSION_LOCKED');
  });

  it('auth.lock locks the session at once', async () => {
    const t = makeTestApp();
    const { token } = await signedInAdmin(t);
    await t.ok('auth.lock', {}, token);
    expect((await t.fail('departments.list', {}, token)).code).toBe('SESSION_LOCKED');
  });

  it('passive operations (notifications.list, auth.session, settings.get) do not reset the idle timer', async () => {
    const t = makeTestApp();
    const { token } = await signedInAdmin(t);
    t.advance(9 * MINUTE);
    await t.ok('notifications.list', {}, token);
    await t.ok('auth.session', {}, token);
    await t.ok('settings.get', {}, token);
    t.advance(2 * MINUTE);
    expect((await t.fail('settings.get', {}, token)).code).toBe('SESSION_LOCKED');
  });

  it('auth.touch resets the idle timer', async () => {
    const t = makeTestApp();
    const { token } = await signedInAdmin(t);
    t.advance(9 * MINUTE);
    await t.ok('auth.touch', {}, token);
    t.advance(9 * MINUTE);
    await t.ok('settings.get', {}, token);
    t.advance(2 * MINUTE);
    expect((await t.fail('settings.get', {}, token)).code).toBe('SESSION_LOCKED');
  });

  it('an ordinary (non-passive) read resets the idle timer', async () => {
    const t = makeTestApp();
    const { token } = await signedInAdmin(t);
    t.advance(9 * MINUTE);
    await t.ok('departments.list', {}, token);
    t.advance(9 * MINUTE);
    await t.ok('settings.get', {}, token);
  });

  it('records activity at most once a minute, so a read is not a committed write', async () => {
    const t = makeTestApp();
    const { token } = await signedInAdmin(t);
    const recorded = () =>
      t.rows<{ v: number }>('SELECT last_active_at_ms AS v FROM sessions')[0]?.v;
    const signedInAt = recorded();
    t.advance(30_000);
    // Statements that changed rows on the app's connection: SQLite's own count (a write of the
    // same values too); on both stores, no table reads differently.
    const changes = () =>
      TEST_STORE === 'sqlite'
        ? (t.app.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n
        : 0;
    const before = changes();
    const snapshot = t.snapshot();
    await t.ok('departments.list', {}, token);
    expect(changes()).toBe(before); // nothing written
    expect(t.snapshot()).toEqual(snapshot);
    expect(recorded()).toBe(signedInAt);
    t.advance(30_000);
    await t.ok('departments.list', {}, token);
    expect(recorded()).toBe(t.now());
  });
});

describe('dispatcher: writes and the audit log', () => {
  it('departments.create appends exactly one audit row with the operation, actor id and name, in the same call', async () => {
    const { t, admin } = await adminApp();
    t.advance(5 * MINUTE);
    const before = auditRows(t);
    const dept = await t.ok(
      'departments.create',
      { name: '销售部', headUserId: null },
      admin.token,
    );
    const added = auditRows(t).slice(before.length);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      at_ms: t.now(),
      actor_user_id: admin.userId,
      actor_name: ADMIN.displayName,
      operation: 'departments.create',
      entity_type: 'department',
      entity_id: String(dept.id),
    });
    expect(JSON.parse(added[0]?.summary ?? 'null')).toEqual({ name: '销售部', head: null });
  });

  it('a failing service (duplicate department name) rolls back and writes no audit row', async () => {
    const t = makeTestApp();
    const { token } = await signedInAdmin(t);
    await t.ok('departments.create', { name: 'Sales', headUserId: null }, token);
    const { error } = await failsWithoutWriting(
      t,
      'departments.create',
      { name: 'sales', headUserId: null },
      token,
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fieldErrors?.name?.key).toBe('validation.nameTaken');
  });

  it('a change whose audit entry cannot be written is rolled back (same transaction) and sends no event', async () => {
    const { t, admin } = await adminApp();
    const hostId = await createUser(t, admin.token, { login: 'host1', roles: ['host'] });
    const events: AppEvent[] = [];
    t.app.events.subscribe((e) => events.push(e));
    const removeTrigger = failingInserts(t, 'audit_fails', 'audit_log', 'disk full');
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const before = t.snapshot();
      const created = await t.call(
        'departments.create',
        { name: '销售部', headUserId: null },
        admin.token,
      );
      expect(created.result.ok).toBe(false);
      if (!created.result.ok) expect(created.result.error.code).toBe('INTERNAL');
      // resetPassword writes the user row, ends sessions and stores a notification first.
      const reset = await t.call(
        'users.resetPassword',
        { id: hostId, password: 'brand-new-pass' },
        admin.token,
      );
      expect(reset.result.ok).toBe(false);
      expect(t.snapshot()).toEqual(before);
      expect(events).toEqual([]);
      expect(consoleError).toHaveBeenCalled();
    } finally {
      consoleError.mockRestore();
      removeTrigger();
    }
  });

  // Every domain's scenarios, whatever domains there are.
  const SCENARIOS: Scenarios = Object.assign({}, ...SCENARIO_MODULES.map((m) => m.auditScenarios));
  const WRITE_OPS = OPERATION_NAMES.filter((n) => OPERATIONS[n].write);

  it('the write-audit check below covers every write operation of the contract', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual([...WRITE_OPS].sort());
  });

  // On PostgreSQL the backups.* operations refuse (backups.errors.postgres: pg_dump is the
  // backup there; backups.test.ts checks the refusal): they leave no audit rows to check.
  it.each(WRITE_OPS.filter((n) => !(sqliteOnly && n.startsWith('backups.'))))(
    'a successful %s leaves audit rows for that operation, by the caller, at the call time',
    async (name) => {
      const t = makeTestApp();
      const scenario = SCENARIOS[name];
      if (!scenario) throw new Error(`no scenario for ${name}`);
      const run = await scenario(t);
      t.advance(MINUTE);
      const before = auditRows(t).length;
      const { outcome, actorId } = await run();
      expect(outcome.result).toMatchObject({ ok: true });
      const added = auditRows(t).slice(before);
      expect(added.length).toBeGreaterThanOrEqual(1);
      for (const row of added) {
        expect(row.operation).toBe(name);
        expect(row.at_ms).toBe(t.now());
        expect(row.actor_user_id).toBe(actorId);
      }
    },
  );
});
